using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Puente.Web.Tests.Infrastructure;

/// <summary>
/// A real HTTP receiver for webhook tests: a minimal Kestrel application on 127.0.0.1 and a free port, which keeps every
/// request POSTed to <c>/hooks/{name}</c> (headers and body bytes) and answers with the statuses a test queued for that
/// name (<see cref="Answer"/>), then 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _answers = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public ConcurrentQueue<Request> Received { get; } = new();

    /// <summary>"http://127.0.0.1:PORT", once started.</summary>
    public string BaseUrl { get; private set; } = "";

    public sealed record Request(string Name, IReadOnlyDictionary<string, string> Headers, byte[] Body);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/hooks/{name}", async (HttpContext context, string name) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            Received.Enqueue(new Request(name, headers, body.ToArray()));
            return Results.StatusCode(_answers.TryGetValue(name, out var queue) && queue.TryDequeue(out var status) ? status : 200);
        });
        await _app.StartAsync();
        // The address Kestrel bound (port 0 in the configuration becomes a free port).
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    /// <summary>The address of the receiver named <paramref name="name"/>.</summary>
    public string Url(string name) => $"{BaseUrl}/hooks/{name}";

    /// <summary>Answers the next requests to <paramref name="name"/> with these statuses, in order (then 200).</summary>
    public void Answer(string name, params int[] statuses) =>
        _answers[name] = new ConcurrentQueue<int>(statuses);

    /// <summary>What <paramref name="name"/> received, in order.</summary>
    public List<Request> At(string name) => [.. Received.Where(r => r.Name == name)];

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
