using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Puente.Core.Access;
using Puente.Data;
using Puente.Data.Access;
using Puente.Data.Identity;

namespace Puente.Web.Tests.Infrastructure;

/// <summary>
/// A running Puente on a fresh database: SQLite in a temporary data directory, or a new PostgreSQL database on the
/// server named by PUENTE_TEST_POSTGRES. Seeds the test accounts.
/// </summary>
public abstract class PuenteApp : IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = [];
    private WebApplicationFactory<Program>? _factory;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("puente-test-").FullName;

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The application did not start.");

    /// <summary>Null when the suite can run; otherwise why it is skipped.</summary>
    public virtual string? SkipReason => null;

    protected abstract IEnumerable<KeyValuePair<string, string>> Settings();

    /// <summary>Settings a derived fixture adds (after the provider's); the scheduler is off unless one turns it on, so
    /// that jobs run only when a test runs them (<c>IJobRunner</c>).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings() => [];

    /// <summary>Services a derived fixture adds or replaces (a clock, a job).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        List<KeyValuePair<string, string>> settings = [new("Puente:Scheduler:Enabled", "false"), .. Settings(), .. ExtraSettings()];
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            b.UseSetting(Data.Configuration.PuenteSettings.DataDirectoryKey, DataDirectory);
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureServices(services =>
            {
                // A test-only notification kind (people), so that notifications can be listed before a feature adds one.
                services.AddScoped<Web.Features.Notifications.INotificationSource, PersonNotificationSource>();
                ConfigureServices(services);
            });
        });
        _ = Factory.Server; // starts the host: migrations, catalog, initial admin
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        foreach (var user in TestUsers.All)
        {
            var result = await accounts.CreateAsync(new NewAccount(user.Name, user.Role, user.Side, TestUsers.Password, Groups: user.Groups), Viewer.System);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platforms; the temp folder is cleaned by the OS.
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Skips the calling test (with the reason) when the suite cannot run here.</summary>
    public void SkipIfUnavailable()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }

    /// <summary>A new scope whose database context reads as <paramref name="viewer"/> (system by default).</summary>
    public (AsyncServiceScope Scope, PuenteDbContext Db) Database(Viewer? viewer = null)
    {
        var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = viewer ?? Viewer.System;
        return (scope, scope.ServiceProvider.GetRequiredService<PuenteDbContext>());
    }

    public HttpClient Anonymous(string? language = null)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    /// <summary>An API client with a bearer token for the user.</summary>
    public async Task<HttpClient> ApiAs(TestUsers.TestUser user, string? language = null)
    {
        if (!_tokens.TryGetValue(user.Name, out var token))
        {
            using var anonymous = Anonymous();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = user.Name, password = TestUsers.Password });
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            token = json.RootElement.GetProperty("accessToken").GetString()!;
            _tokens[user.Name] = token;
        }

        var client = Anonymous(language);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client signed in through the login form (cookie, anti-forgery token).</summary>
    public async Task<HttpClient> UiAs(TestUsers.TestUser user, string? language = null)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var response = await FormPost.SubmitAsync(client, "/Account/Login", new()
        {
            ["Input.UserName"] = user.Name,
            ["Input.Password"] = TestUsers.Password,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}

/// <summary>The embedded default: SQLite in a temporary data directory.</summary>
public class SqliteApp : PuenteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() => [new("Database:Provider", "Sqlite")];
}

/// <summary>PostgreSQL: a new database per application on the server PUENTE_TEST_POSTGRES names, dropped afterwards.</summary>
public class PostgresApp : PuenteApp
{
    private readonly string? _server = Environment.GetEnvironmentVariable("PUENTE_TEST_POSTGRES");
    private readonly string _database = "puente_test_" + Guid.NewGuid().ToString("N")[..12];

    public override string? SkipReason => string.IsNullOrWhiteSpace(_server)
        ? "PostgreSQL suite skipped: set PUENTE_TEST_POSTGRES to a connection string (see README) to run it."
        : null;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString();

    public override async ValueTask InitializeAsync()
    {
        if (SkipReason is null)
        {
            // With PUENTE_TEST_POSTGRES set, an unreachable server is a failure, not a skip.
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (SkipReason is null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            // An autovacuum worker may be visiting the new database; a non-superuser cannot end it (42501), so wait for it
            // to finish rather than fail the run.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
                {
                    await Task.Delay(250);
                }
            }
        }

        GC.SuppressFinalize(this);
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Database:Provider", "Postgres"),
        new("ConnectionStrings:Default", ConnectionString),
    ];
}
