using Microsoft.Extensions.Configuration;
using Puente.Data.Configuration;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests;

public sealed class ConfigurationTests
{
    private static PuenteSettings Load(params (string Key, string Value)[] values) =>
        PuenteSettings.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(values.GroupBy(v => v.Key).Select(g => new KeyValuePair<string, string?>(g.Key, g.Last().Value)))
            .Build());

    [Fact]
    public void Defaults_to_sqlite_in_the_data_directory_and_creates_it()
    {
        var dir = Path.Combine(Path.GetTempPath(), "puente-cfg-" + Guid.NewGuid().ToString("N"), "nested");
        var settings = Load(("Puente:DataDirectory", dir));
        Assert.True(Directory.Exists(dir));
        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Contains(Path.Combine(dir, "puente.db"), settings.ConnectionString, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true);
    }

    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider")]
    [InlineData("Database:Provider", "Postgres", "ConnectionStrings:Default")]
    [InlineData("Puente:DataDirectory", "/proc/puente-cannot-write-here", "Puente:DataDirectory")]
    [InlineData("Puente:AuditAnchorDirectory", "/proc/puente-cannot-write-here", "Puente:AuditAnchorDirectory")]
    public void A_bad_value_names_its_key(string key, string value, string named)
    {
        var ex = Assert.Throws<PuenteConfigurationException>(() => Load(("Puente:DataDirectory", Path.GetTempPath()), (key, value)));
        Assert.Equal(named, ex.Key);
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_postgres_connection_string_names_its_key()
    {
        var ex = Assert.Throws<PuenteConfigurationException>(() => Load(("Puente:DataDirectory", Path.GetTempPath()),
            ("Database:Provider", "Postgres"), ("ConnectionStrings:Default", "Hots=x;;Nonsense")));
        Assert.Equal("ConnectionStrings:Default", ex.Key);
    }

    [Fact]
    public async Task The_web_host_does_not_start_with_an_unwritable_data_directory_and_says_why()
    {
        await using var web = WebProcess.Start(new Dictionary<string, string> { ["Puente__DataDirectory"] = "/proc/puente-cannot-write-here" });
        Assert.Equal(2, await web.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Puente cannot start: Puente:DataDirectory '/proc/puente-cannot-write-here' cannot be created or written", web.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_web_host_does_not_start_with_an_unreachable_database_and_says_why()
    {
        var dir = Directory.CreateTempSubdirectory("puente-cfg-").FullName;
        await using var web = WebProcess.Start(new Dictionary<string, string>
        {
            ["Puente__DataDirectory"] = dir,
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = "Host=127.0.0.1;Port=1;Database=puente;Username=puente;Password=not-logged-anywhere;Timeout=3",
        });
        Assert.Equal(3, await web.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("the database configured by ConnectionStrings:Default could not be reached", web.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not-logged-anywhere", web.Output, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task A_second_host_on_a_busy_port_says_the_port_is_in_use_not_the_database()
    {
        var dir = Directory.CreateTempSubdirectory("puente-cfg-").FullName;
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        await using var web = WebProcess.Start(new Dictionary<string, string> { ["Puente__DataDirectory"] = dir }, port);
        Assert.Equal(4, await web.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains($"the address and port in Urls (http://127.0.0.1:{port}) are already in use", web.Output, StringComparison.Ordinal);
        var message = web.Output.Split('\n').Single(l => l.StartsWith("Puente cannot start:", StringComparison.Ordinal));
        Assert.DoesNotContain("database", message, StringComparison.OrdinalIgnoreCase);
        Directory.Delete(dir, recursive: true);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("10.0.0.5", 1)]
    [InlineData("10.0.0.5, 10.1.0.0/16; 2001:db8::/32", 3)]
    [InlineData("proxy.example", -1)]
    [InlineData("10.0.0.5, 10.1.0.0/99", -1)]
    public void Trusted_proxies_are_addresses_or_networks(string text, int count)
    {
        Assert.Equal(count >= 0, Puente.Web.Hosting.TrustedProxies.TryParse(text, out var networks));
        if (count >= 0)
        {
            Assert.Equal(count, networks.Count);
        }
    }

    [Fact]
    public async Task The_web_host_does_not_start_with_a_malformed_trusted_proxy_and_names_the_key()
    {
        var dir = Directory.CreateTempSubdirectory("puente-cfg-").FullName;
        await using var web = WebProcess.Start(new Dictionary<string, string> { ["Puente__DataDirectory"] = dir, ["Puente__TrustedProxies"] = "proxy.example" });
        Assert.Equal(2, await web.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Puente:TrustedProxies must list IP addresses or networks", web.Output, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Logs_never_contain_the_postgres_password()
    {
        var settings = Load(("Puente:DataDirectory", Path.GetTempPath()), ("Database:Provider", "Postgres"),
            ("ConnectionStrings:Default", "Host=db.example;Database=puente;Username=puente;Password=s3cret-value"));
        Assert.DoesNotContain("s3cret-value", settings.DescribeDatabase(), StringComparison.Ordinal);
        Assert.Contains("db.example", settings.DescribeDatabase(), StringComparison.Ordinal);
    }
}
