using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Puente.Data;
using Puente.Data.Configuration;

/// <summary>The host the data generators and in-process benchmarks open a SQLite data directory with, as the CLI does.</summary>
internal static class BenchHost
{
    /// <summary>Puente's data services on <paramref name="dataDirectory"/> (SQLite), logging warnings and up on one line.</summary>
    public static IHost Build(string dataDirectory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddInMemoryCollection([new(PuenteSettings.DataDirectoryKey, dataDirectory), new(PuenteSettings.ProviderKey, "Sqlite")]);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddPuenteData();
        builder.Services.AddPuenteIdentityCore();
        return builder.Build();
    }
}
