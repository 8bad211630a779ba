using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Puente.Events.Hosting;
using Puente.Events.Store;

namespace Puente.Events.Tests;

/// <summary><c>AddPuenteEvents</c>: the <c>Events</c> keys bind, and bad values stop the start naming the key.</summary>
public sealed class EventsOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("puente-options-").FullName;

    private IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Puente:DataDirectory", _dir), .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))]);
        builder.Services.AddPuenteEvents();
        return builder.Build();
    }

    [Fact]
    public async Task The_existing_keys_bind_and_the_store_lives_in_the_data_directory()
    {
        using var host = Build(("Events:Fetch:Enabled", "false"), ("Events:Fetch:IntervalMinutes", "30"), ("Events:Gdelt:BaseUrl", "http://mirror.example/gdeltv2"));
        await host.StartAsync(TestContext.Current.CancellationToken);
        var options = host.Services.GetRequiredService<IOptions<EventsOptions>>().Value;
        Assert.False(options.Fetch.Enabled);
        Assert.Equal(30, options.Fetch.IntervalMinutes);
        Assert.Equal(new Uri("http://mirror.example/gdeltv2/"), options.Gdelt.BaseUri);
        Assert.Equal(Path.Combine(_dir, EventStore.FileName), host.Services.GetRequiredService<EventStoreAccess>().StorePath);
        Assert.False(host.Services.GetRequiredService<EventQueries>().StoreExists);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void The_scheduled_fetch_runs_every_interval_when_on_and_is_not_scheduled_when_off()
    {
        using var on = Build(("Events:Fetch:Enabled", "true"), ("Events:Fetch:IntervalMinutes", "30"));
        Assert.Equal(TimeSpan.FromMinutes(30), on.Services.GetRequiredService<Puente.Events.Fetch.GdeltScheduledFetch>().Interval);
        using var off = Build(("Events:Fetch:IntervalMinutes", "30"));
        Assert.Null(off.Services.GetRequiredService<Puente.Events.Fetch.GdeltScheduledFetch>().Interval);
        Assert.Empty(off.Services.GetServices<IHostedService>()); // nothing runs on its own: the web host's scheduler runs the fetch
    }

    [Theory]
    [InlineData("Events:Fetch:IntervalMinutes", "0")]
    [InlineData("Events:Fetch:IntervalMinutes", "100000")]
    [InlineData("Events:Gdelt:BaseUrl", "mirror.example/gdeltv2")]
    [InlineData("Events:Gdelt:BaseUrl", "ftp://mirror.example/")]
    [InlineData("Events:ReadWaitMilliseconds", "-1")]
    [InlineData("Events:KeepOpenSeconds", "86400")]
    public async Task A_bad_value_fails_the_start_naming_its_key(string key, string value)
    {
        using var host = Build((key, value));
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.Contains(value, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_fails_the_start_naming_its_key()
    {
        using var host = Build(("Events:Fetch:IntervalMinutes", "often"));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Events:Fetch:IntervalMinutes", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
