using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Puente.Events.Measures;
using Puente.Events.Store;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>The relationship monitor over the real GDELT sample (the event store does not depend on the SQL provider).</summary>
public sealed class EventsWebTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly SemaphoreSlim Once = new(1, 1);

    private async Task EnsureIngestedAsync()
    {
        await Once.WaitAsync();
        try
        {
            var path = Path.Combine(app.DataDirectory, EventStore.FileName);
            if (!File.Exists(path))
            {
                using var store = EventStore.Open(path);
                await store.IngestAsync(Directory.GetFiles(Path.Combine(Repo.Shared, "data", "gdelt"), "*.export.CSV"), IngestOptions.Default);
                Puente.Events.Narrative.GkgIngest.Ingest(store.Connection, Path.Combine(Repo.Shared, "data", "gdelt", "gkg", "20230702153000.gkg.csv"));
            }
        }
        finally
        {
            Once.Release();
        }
    }

    [Fact]
    public async Task The_summary_api_answers_the_store_measures_and_validates_its_parameters()
    {
        await EnsureIngestedAsync();
        using var client = await app.ApiAs(TestUsers.MxViewer);
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/events/summary?dyad=USA-MEX&by=month"));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(168, items.Sum(i => i.GetProperty("events").GetInt64()));
        Assert.Equal(items.Select(i => i.GetProperty("period").GetString()).Order(StringComparer.Ordinal), items.Select(i => i.GetProperty("period").GetString()));

        using var store = EventStore.Open(Path.Combine(app.DataDirectory, EventStore.FileName), readOnly: true);
        var direct = EventMeasures.Summary(store.Connection, new Dyad("USA", "MEX", false), Period.Month, null, null);
        Assert.Equal(direct.Select(d => d.GoldsteinMean), items.Select(i => i.GetProperty("goldsteinMean").GetDouble()));

        var bad = await client.GetAsync("/api/v1/events/summary?dyad=USAMEX&by=fortnight&from=2025-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("dyad", out _) && errors.TryGetProperty("by", out _) && errors.TryGetProperty("from", out _));

        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/events/summary?dyad=USA-MEX")).StatusCode);
    }

    [Fact]
    public async Task A_mechanism_timeline_shows_beside_each_session_the_usa_mex_events_of_the_30_days_before_and_after()
    {
        await EnsureIngestedAsync();
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        var created = await editor.PostAsJsonAsync("/api/v1/engagements", new
        {
            code = "HLSD-GDELT-PROBE", kind = "MechanismSession", titleEn = "Security dialogue (GDELT probe)", start = "2024-11-20", end = "2024-11-20",
            timeZone = "America/Mexico_City", mechanism = "HLSD", confidentiality = "Shared", ownerSide = "MX",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var client = await app.ApiAs(TestUsers.UsAnalyst);
        using var timeline = JsonDocument.Parse(await client.GetStringAsync("/api/v1/timelines/mechanism/HLSD?from=2024-11-20&to=2024-11-20"));
        var item = Assert.Single(timeline.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.String, timeline.RootElement.GetProperty("eventsAsOf").ValueKind);

        // The same days summed from the event summary: 30 days before the start, 30 after the end.
        async Task<long> EventsAsync(string from, string to)
        {
            using var summary = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/events/summary?dyad=USA-MEX&by=day&from={from}&to={to}"));
            return summary.RootElement.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("events").GetInt64());
        }

        var before = item.GetProperty("before");
        Assert.Equal(("2024-10-21", "2024-11-19"), (before.GetProperty("from").GetString(), before.GetProperty("to").GetString()));
        Assert.Equal(await EventsAsync("2024-10-21", "2024-11-19"), before.GetProperty("events").GetInt64());
        Assert.True(before.GetProperty("events").GetInt64() > 0);
        var after = item.GetProperty("after");
        Assert.Equal(await EventsAsync("2024-11-21", "2024-12-20"), after.GetProperty("events").GetInt64());
        Assert.True(after.GetProperty("events").GetInt64() > 0);

        // A session the store has no events around has no windows (not zeros).
        using var old = JsonDocument.Parse(await client.GetStringAsync("/api/v1/timelines/mechanism/BNC?from=1995-01-01&to=1995-12-31"));
        Assert.All(old.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("before").ValueKind));
    }

    [Fact]
    public async Task Roots_and_events_come_with_names_in_the_request_language_and_source_links()
    {
        await EnsureIngestedAsync();
        using var spanish = await app.ApiAs(TestUsers.UsAnalyst, "es-MX");
        using var roots = JsonDocument.Parse(await spanish.GetStringAsync("/api/v1/events/roots?dyad=USA-MEX&by=year"));
        var consult = roots.RootElement.GetProperty("items").EnumerateArray().FirstOrDefault(r => r.GetProperty("root").GetString() == "04");
        Assert.Equal("CONSULTAR", consult.GetProperty("rootName").GetString());

        using var events = JsonDocument.Parse(await spanish.GetStringAsync("/api/v1/events?dyad=USA-MEX&from=2025-01-01&to=2025-01-31"));
        var list = events.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(52, list.Count);
        Assert.All(list, e => Assert.StartsWith("http", e.GetProperty("sourceUrl").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_monitor_page_draws_the_chart_and_drills_down_in_spanish()
    {
        await EnsureIngestedAsync();
        using var ui = await app.UiAs(TestUsers.JointViewer, "es-MX");
        var html = await ui.GetStringAsync("/Events?Dyad=USA-MEX&By=month");
        Assert.Contains("Monitor de la relación", html, StringComparison.Ordinal);
        Assert.Contains("id=\"monitor-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("Cooperación verbal", html, StringComparison.Ordinal);
        var drill = await ui.GetStringAsync("/Events?Dyad=USA-MEX&By=month&Period=2025-01");
        Assert.Contains("Principales tipos de evento en 2025-01", drill, StringComparison.Ordinal);
        Assert.Contains("id=\"events\"", drill, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", drill, StringComparison.Ordinal);
        var invalid = await ui.GetStringAsync("/Events?Dyad=nonsense");
        Assert.Contains("Escriba una díada", invalid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Months_without_events_stay_on_the_time_axis_as_labelled_gaps_and_the_page_says_how_fresh_the_data_is()
    {
        await EnsureIngestedAsync();
        using var english = await app.UiAs(TestUsers.UsAnalyst, "en-US");
        var html = await english.GetStringAsync("/Events?Dyad=USA-MEX&By=month");
        // The sample has events in 9 months from 2016-10 to 2025-02: 101 months on the axis, 92 of them empty.
        Assert.Equal(92, System.Text.RegularExpressions.Regex.Count(html, "<rect class=\"gap\""));
        Assert.Contains("No events from 2016-11 to 2017-12 (14 periods)", html, StringComparison.Ordinal);
        Assert.Contains("No events from 2018-02 to 2023-11 (70 periods)", html, StringComparison.Ordinal);
        Assert.Contains("id=\"gap-legend\"", html, StringComparison.Ordinal);

        using var store = EventStore.Open(Path.Combine(app.DataDirectory, EventStore.FileName), readOnly: true);
        var asOf = EventMeasures.DataAsOf(store.Connection)!.Value;
        Assert.Contains($"Data as of {asOf.ToString("d", System.Globalization.CultureInfo.GetCultureInfo("en-US"))}", html, StringComparison.Ordinal);
        using var spanish = await app.UiAs(TestUsers.MxViewer, "es-MX");
        var es = await spanish.GetStringAsync("/Events?Dyad=USA-MEX&By=month");
        Assert.Contains($"Datos al {asOf.ToString("d", System.Globalization.CultureInfo.GetCultureInfo("es-MX"))}", es, StringComparison.Ordinal);
        Assert.Contains("Sin eventos de 2018-02 a 2023-11 (70 periodos)", es, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_drill_down_lists_events_by_date_once_each_with_how_many_gdelt_records_they_are()
    {
        await EnsureIngestedAsync();
        using var english = await app.UiAs(TestUsers.UsAnalyst, "en-US");
        var html = await english.GetStringAsync("/Events?Dyad=USA-MEX&By=month&Period=2025-01");
        var table = html[html.IndexOf("id=\"events\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var rows = System.Text.RegularExpressions.Regex.Matches(table, "<tr>\\s*<td>([^<]+)</td>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => (Date: DateOnly.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.GetCultureInfo("en-US")), Text: m.Value)).ToList();
        Assert.Equal(44, rows.Count); // 52 GDELT records, 8 of them repeats of an event already listed
        Assert.Equal(rows.Select(r => r.Date).Order(), rows.Select(r => r.Date));
        Assert.Equal(rows.Count, rows.Select(r => System.Text.RegularExpressions.Regex.Replace(r.Text, "<span class=\"badge[^<]*</span>", "")).Distinct().Count());
        Assert.Contains("× 2</span>", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_description_has_a_schema_for_each_event_response()
    {
        using var client = app.Anonymous();
        using var description = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var schemas = description.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var name in new[] { "EventSummaryResponse", "EventRootsResponse", "EventRootItem", "EventItem", "SummaryRow" })
        {
            Assert.True(schemas.TryGetProperty(name, out _), name);
        }

        var summary = description.RootElement.GetProperty("paths").GetProperty("/api/v1/events/summary").GetProperty("get").GetProperty("responses");
        Assert.Contains("EventSummaryResponse", summary.GetProperty("200").ToString(), StringComparison.Ordinal);
        Assert.True(summary.TryGetProperty("400", out _));
        Assert.True(description.RootElement.GetProperty("paths").TryGetProperty("/api/v1/events", out _));
    }

    [Fact]
    public async Task The_narrative_page_shows_frame_shares_by_outlet_country()
    {
        await EnsureIngestedAsync();
        using var ui = await app.UiAs(TestUsers.MxViewer, "es-MX");
        var html = await ui.GetStringAsync("/Events/Narrative");
        Assert.Contains("Medios de Estados Unidos que escriben sobre México", html, StringComparison.Ordinal);
        Assert.Contains("id=\"narrative-us\"", html, StringComparison.Ordinal);
        Assert.Contains("2023-07", html, StringComparison.Ordinal);
        Assert.Contains("id=\"narrative-chart-us\"", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "frames.json")));
        using var english = await app.UiAs(TestUsers.UsAnalyst, "en-US");
        Assert.Contains("U.S. outlets writing about Mexico", await english.GetStringAsync("/Events/Narrative"), StringComparison.Ordinal);
        var monitor = await english.GetStringAsync("/Events");
        Assert.Contains("Relationship monitor", monitor, StringComparison.Ordinal);
        Assert.Contains("id=\"monitor-chart\"", monitor, StringComparison.Ordinal);
    }
}
