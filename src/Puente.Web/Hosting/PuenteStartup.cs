
namespace Puente.Web.Hosting;

/// <summary>
/// Runs before the server starts listening: validates configuration, migrates the database, seeds the catalog and,
/// on first start, creates the administrator. A failure stops the host with a clear message (see Program).
/// </summary>
public sealed class PuenteStartup(IServiceProvider services, ILogger<PuenteStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.InitializePuenteAsync(logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
