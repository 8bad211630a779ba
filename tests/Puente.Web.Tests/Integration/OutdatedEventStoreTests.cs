using System.Net;
using System.Text.Json;
using DuckDB.NET.Data;
using Puente.Events.Store;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>An event store written before decision 0011 is reported, in the user's language, instead of failing the page.</summary>
public sealed class OutdatedEventStoreTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Pages_and_api_say_the_store_must_be_ingested_again()
    {
        using (var old = new DuckDBConnection($"Data Source={Path.Combine(app.DataDirectory, EventStore.FileName)}"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = """
                CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
                INSERT INTO meta VALUES ('gdelt_version', '2');
                CREATE TABLE files (sha256 VARCHAR PRIMARY KEY, name VARCHAR NOT NULL);
                """;
            command.ExecuteNonQuery();
        }

        using var spanish = await app.UiAs(TestUsers.JointViewer, "es-MX");
        var monitor = await spanish.GetStringAsync("/Events?Dyad=USA-MEX&By=month");
        Assert.Contains("id=\"store-outdated\"", monitor, StringComparison.Ordinal);
        Assert.Contains("lo escribió una versión anterior de Puente", monitor, StringComparison.Ordinal);
        Assert.Contains("id=\"store-outdated\"", await spanish.GetStringAsync("/Events/Narrative"), StringComparison.Ordinal);

        using var api = await app.ApiAs(TestUsers.UsAnalyst, "en-US");
        var response = await api.GetAsync("/api/v1/events/summary?dyad=USA-MEX&by=month");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("earlier version of Puente", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}
