using Puente.Data.Configuration;
using Puente.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPuenteWeb();
var app = builder.Build();
app.UsePuenteWeb();

try
{
    await app.RunAsync();
    return 0;
}
catch (PuenteConfigurationException ex)
{
    await Console.Error.WriteLineAsync($"Puente cannot start: {ex.Message}");
    return 2;
}
catch (Exception ex) when (StartupFailure.IsDatabaseUnreachable(ex))
{
    await Console.Error.WriteLineAsync(
        $"Puente cannot start: the database configured by {PuenteSettings.ConnectionStringKey} could not be reached or opened: {ex.GetBaseException().Message}");
    return 3;
}

/// <summary>The web host's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
