using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Puente.Cli;
using Puente.Core.Warning;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// Indicators as their users meet them: an editor describes one and records its values by period (the same body
/// twice changes nothing; a different value is a revision that keeps the first), bad values are named by item and
/// write nothing, a derived indicator takes no values from people, an Internal indicator stays with its side, the
/// import command writes all rows or none with a bounded report, and the pages show the list with a trend and the
/// indicator with its chart and revised values, in English and Spanish. Each test uses indicators of its own.
/// </summary>
public abstract class IndicatorTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await Json(response);
    }

    private static async Task CreateAsync(HttpClient client, string code, string frequency = "Month", string confidentiality = "Shared", string side = "MX")
    {
        var response = await client.PostAsJsonAsync("/api/v1/indicators", new
        {
            code, nameEn = $"Encounters {code}", nameEs = $"Encuentros {code}", unit = "encounters", frequency, concern = "Up",
            sourceEn = "CBP, southwest border", sourceEs = "CBP, frontera suroeste", sourceUrl = "https://www.cbp.gov/newsroom/stats",
            issue = "MIGRATION", ownerPost = "MX-FOREIGN-SECRETARY", confidentiality, ownerSide = side,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostValues(HttpClient client, string code, params (string Period, double Value)[] values) =>
        client.PostAsJsonAsync($"/api/v1/indicators/{code}/values", new { values = values.Select(v => new { period = v.Period, value = v.Value }) });

    private static (int Added, int Revised, int Unchanged) Counts(JsonElement result) =>
        (result.GetProperty("added").GetInt32(), result.GetProperty("revised").GetInt32(), result.GetProperty("unchanged").GetInt32());

    private async Task<int> ValueCountAsync(string code)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            return await db.Set<IndicatorValue>().CountAsync(v => v.Indicator!.Code == code);
        }
    }

    [Fact]
    public async Task Values_are_recorded_once_per_period_and_a_revision_keeps_the_value_as_first_recorded()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        await CreateAsync(mx, "IND-REVISED");

        var body = new[] { ("2024-01", 100.0), ("2024-02-15", 110.0), ("2024-03", 120.0) };
        Assert.Equal((3, 0, 0), Counts(await Ok(await PostValues(mx, "IND-REVISED", body))));
        Assert.Equal((0, 0, 3), Counts(await Ok(await PostValues(mx, "IND-REVISED", body))));
        Assert.Equal((0, 1, 1), Counts(await Ok(await PostValues(mx, "IND-REVISED", ("2024-02", 115.5), ("2024-03", 120)))));

        using var reader = await app.ApiAs(TestUsers.UsAnalyst);
        var indicator = await Ok(await reader.GetAsync("/api/v1/indicators/ind-revised"));
        Assert.Equal(("encounters", "Month", "Up", "MIGRATION", false), (indicator.GetProperty("unit").GetString(), indicator.GetProperty("frequency").GetString(),
            indicator.GetProperty("concern").GetString(), indicator.GetProperty("issue").GetString(), indicator.GetProperty("derived").GetBoolean()));
        Assert.Equal("MX-FOREIGN-SECRETARY", indicator.GetProperty("ownerPost").GetProperty("code").GetString());
        Assert.Equal(("2024-03-01", "2024-03", 120.0), (indicator.GetProperty("latestPeriod").GetString(), indicator.GetProperty("latestPeriodLabel").GetString(),
            indicator.GetProperty("latestValue").GetDouble()));
        var values = indicator.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(["2024-01", "2024-02", "2024-03"], values.Select(v => v.GetProperty("label").GetString()));
        var february = values[1];
        Assert.Equal((115.5, 110.0, 1, true), (february.GetProperty("value").GetDouble(), february.GetProperty("firstValue").GetDouble(),
            february.GetProperty("revisions").GetInt32(), february.GetProperty("revised").GetBoolean()));
        Assert.True(february.GetProperty("recordedAt").GetDateTimeOffset() >= february.GetProperty("firstRecordedAt").GetDateTimeOffset());
        Assert.False(values[0].GetProperty("revised").GetBoolean());

        var window = await Ok(await reader.GetAsync("/api/v1/indicators/IND-REVISED?from=2024-02&to=2024-02"));
        Assert.Equal(["2024-02"], window.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("label").GetString()));
        var badWindow = await reader.GetAsync("/api/v1/indicators/IND-REVISED?from=2024-13");
        Assert.Equal(HttpStatusCode.BadRequest, badWindow.StatusCode);
        Assert.True((await Json(badWindow)).GetProperty("errors").TryGetProperty("from", out _));

        var list = await Ok(await reader.GetAsync("/api/v1/indicators?issue=MIGRATION&q=ind-revised"));
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((120.0, "2024-03"), (item.GetProperty("latestValue").GetDouble(), item.GetProperty("latestPeriodLabel").GetString()));
        Assert.Equal(JsonValueKind.Null, item.GetProperty("values").ValueKind);
        Assert.Empty((await Ok(await reader.GetAsync("/api/v1/indicators?issue=WATER&q=ind-revised"))).GetProperty("items").EnumerateArray());

        // The revision is in the indicator's audit history, with the value before and after.
        var history = await Ok(await reader.GetAsync("/api/v1/indicators/IND-REVISED/history"));
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("entityType").GetString() == nameof(IndicatorValue)
            && h.GetProperty("action").GetString() == "Updated" && h.GetProperty("after").GetString()!.Contains("115.5", StringComparison.Ordinal));

        // Its periods are months now: the frequency stays.
        var current = await Ok(await mx.GetAsync("/api/v1/indicators/IND-REVISED"));
        var update = await mx.PutAsJsonAsync("/api/v1/indicators/IND-REVISED", new
        {
            code = "IND-REVISED", nameEn = "Encounters", unit = "encounters", frequency = "Year", concern = "Both", version = current.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);
        Assert.Equal(["frequency"], (await Json(update)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Bad_values_are_named_by_item_bounded_and_nothing_of_the_request_is_written()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        await CreateAsync(mx, "IND-BAD");

        var mixed = await mx.PostAsJsonAsync("/api/v1/indicators/IND-BAD/values", new
        {
            values = new object[]
            {
                new { period = "2024-01", value = 1.0 }, new { period = "2024-13", value = 2.0 }, new { period = "2024-01-31", value = 3.0 },
                new { period = "2024-04" }, new { period = "2024-05", value = 1e16 },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        var problem = await Json(mixed);
        Assert.Equal(["values[1].period", "values[2].period", "values[3].value", "values[4].value"],
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains("as item 0 is", problem.GetProperty("errors").GetProperty("values[2].period")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal([1, 2, 3, 4], problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("index").GetInt32()));
        Assert.Equal(4, problem.GetProperty("problemCount").GetInt32());
        Assert.Equal(0, await ValueCountAsync("IND-BAD"));

        // In Spanish, by the same item.
        using var es = await app.ApiAs(TestUsers.MxEditor, "es-MX");
        var spanish = await Json(await PostValues(es, "IND-BAD", ("2024-13", 1)));
        Assert.StartsWith("'2024-13' no es un mes", spanish.GetProperty("errors").GetProperty("values[0].period")[0].GetString(), StringComparison.Ordinal);

        // Three hundred bad items: the first hundred listed, all counted.
        var many = await PostValues(mx, "IND-BAD", [.. Enumerable.Range(0, 300).Select(i => ($"bad-{i}", 1.0))]);
        var manyProblem = await Json(many);
        Assert.Equal(100, manyProblem.GetProperty("problems").GetArrayLength());
        Assert.Equal(300, manyProblem.GetProperty("problemCount").GetInt32());
        Assert.Contains("200", manyProblem.GetProperty("errors").GetProperty("values")[0].GetString(), StringComparison.Ordinal);

        // More items than a request may carry, no list at all, a value that is not a number.
        var tooMany = await PostValues(mx, "IND-BAD", [.. Enumerable.Range(0, Puente.Web.Features.Indicators.IndicatorService.MaxValuesPerRequest + 1).Select(i => (new DateOnly(1900, 1, 1).AddMonths(i % 2000).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), 1.0))]);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("10000", (await Json(tooMany)).GetProperty("errors").GetProperty("values")[0].GetString()!.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var none = await mx.PostAsJsonAsync("/api/v1/indicators/IND-BAD/values", new { });
        Assert.True((await Json(none)).GetProperty("errors").TryGetProperty("values", out _));
        var text = await mx.PostAsync("/api/v1/indicators/IND-BAD/values", new StringContent("""{"values":[{"period":"2024-01","value":"twelve"}]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains("values[0].value", await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await ValueCountAsync("IND-BAD"));

        // Viewers read; they do not record.
        using var viewer = await app.ApiAs(TestUsers.MxViewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostValues(viewer, "IND-BAD", ("2024-01", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostValues(mx, "IND-NO-SUCH", ("2024-01", 1))).StatusCode);
    }

    [Fact]
    public async Task A_derived_indicator_takes_no_values_from_people_and_keeps_its_frequency()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.Database();
        await using (scope)
        {
            db.Add(new Indicator
            {
                Id = Guid.CreateVersion7(), Code = "IND-DERIVED", NameEn = "USA–MEX events", NameEs = "Eventos EUA–MEX", Unit = "events",
                Frequency = IndicatorFrequency.Month, Derivation = "test.events",
            });
            await db.SaveChangesAsync();
        }

        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var refused = await PostValues(mx, "IND-DERIVED", ("2024-01", 1));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("derived", (await Json(refused)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await ValueCountAsync("IND-DERIVED"));

        var current = await Ok(await mx.GetAsync("/api/v1/indicators/IND-DERIVED"));
        Assert.True(current.GetProperty("derived").GetBoolean());
        var version = current.GetProperty("version").GetInt32();
        var frequency = await mx.PutAsJsonAsync("/api/v1/indicators/IND-DERIVED", new { code = "IND-DERIVED", nameEn = "Events", unit = "events", frequency = "Week", version });
        Assert.Equal(["frequency"], (await Json(frequency)).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        // Described by people, computed by Puente: a new name is saved, the derivation stays.
        var renamed = await Ok(await mx.PutAsJsonAsync("/api/v1/indicators/IND-DERIVED", new { code = "IND-DERIVED", nameEn = "Events", unit = "events", version }));
        Assert.Equal(("Events", "test.events", "Month"), (renamed.GetProperty("nameEn").GetString(), renamed.GetProperty("derivation").GetString(), renamed.GetProperty("frequency").GetString()));

        var (cliScope, _) = app.Database();
        await using (cliScope)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await IndicatorsCommands.ImportAsync(cliScope.ServiceProvider, Encoding.UTF8.GetBytes("period,value\n2024-01,1\n"), new IndicatorDescription("ind-derived"),
                output, error, CancellationToken.None);
            Assert.Equal(1, code);
            Assert.Contains("derived from Puente's own data (test.events)", error.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await ValueCountAsync("IND-DERIVED"));
    }

    [Fact]
    public async Task An_internal_indicator_of_mexico_is_invisible_to_the_united_states_in_the_list_details_values_and_pages()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        await CreateAsync(mx, "IND-MX-ONLY", confidentiality: "Internal");
        await Ok(await PostValues(mx, "IND-MX-ONLY", ("2024-01", 7)));

        using var mxViewer = await app.ApiAs(TestUsers.MxViewer);
        Assert.Single((await Ok(await mxViewer.GetAsync("/api/v1/indicators?q=IND-MX-ONLY"))).GetProperty("items").EnumerateArray());

        using var us = await app.ApiAs(TestUsers.UsEditor);
        Assert.Empty((await Ok(await us.GetAsync("/api/v1/indicators?q=IND-MX-ONLY"))).GetProperty("items").EnumerateArray());
        Assert.DoesNotContain((await Ok(await us.GetAsync("/api/v1/indicators?issue=MIGRATION&pageSize=200"))).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("code").GetString() == "IND-MX-ONLY");
        Assert.Equal(HttpStatusCode.NotFound, (await us.GetAsync("/api/v1/indicators/IND-MX-ONLY")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await us.GetAsync("/api/v1/indicators/IND-MX-ONLY/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostValues(us, "IND-MX-ONLY", ("2024-02", 8))).StatusCode);

        using var usUi = await app.UiAs(TestUsers.UsEditor);
        Assert.DoesNotContain("IND-MX-ONLY", await usUi.GetStringAsync("/Indicators?q=IND"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await usUi.GetAsync("/Indicators/IND-MX-ONLY")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await usUi.GetAsync("/Indicators/IND-MX-ONLY/Edit")).StatusCode);
        Assert.Equal(1, await ValueCountAsync("IND-MX-ONLY"));

        // The values follow the indicator: made Shared, Mexico's value is read by the United States too.
        var current = await Ok(await mx.GetAsync("/api/v1/indicators/IND-MX-ONLY"));
        await Ok(await mx.PutAsJsonAsync("/api/v1/indicators/IND-MX-ONLY", new
        {
            code = "IND-MX-ONLY", nameEn = "Encounters", unit = "encounters", confidentiality = "Shared", version = current.GetProperty("version").GetInt32(),
        }));
        var shared = await Ok(await us.GetAsync("/api/v1/indicators/IND-MX-ONLY"));
        Assert.Equal(7, Assert.Single(shared.GetProperty("values").EnumerateArray()).GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task The_import_command_writes_every_row_or_none_and_lists_at_most_a_hundred_problems()
    {
        app.SkipIfUnavailable();
        var description = new IndicatorDescription("IND-CLI") { Name = "Southwest border encounters", NameEs = "Encuentros en la frontera suroeste", Unit = "encounters", Frequency = "month", Concern = "up", Source = "CBP", Confidentiality = "Internal", Side = "US" };

        async Task<(int Code, string Out, string Err)> ImportAsync(string csv, IndicatorDescription d)
        {
            var (scope, _) = app.Database();
            await using (scope)
            {
                using var output = new StringWriter();
                using var error = new StringWriter();
                var code = await IndicatorsCommands.ImportAsync(scope.ServiceProvider, Encoding.UTF8.GetBytes(csv), d, output, error, CancellationToken.None);
                return (code, output.ToString(), error.ToString());
            }
        }

        var incomplete = await ImportAsync("period,value\n2024-01,1\n", new IndicatorDescription("IND-CLI") { Name = "Encounters", Frequency = "month" });
        Assert.Equal(1, incomplete.Code);
        Assert.Contains("missing: --unit, --concern", incomplete.Err, StringComparison.Ordinal);

        var oneBad = await ImportAsync("period,value\n2024-01,100\n2024-02,110\n2024-03,1.234,5\n2024-04,130\n", description);
        Assert.Equal(1, oneBad.Code);
        Assert.Contains("row 4, row: the header has 2 columns but this row has 3 fields", oneBad.Out, StringComparison.Ordinal);
        Assert.Contains("nothing was written", oneBad.Out, StringComparison.Ordinal);
        var (check, db) = app.Database();
        await using (check)
        {
            Assert.False(await db.Set<Indicator>().AnyAsync(i => i.Code == "IND-CLI")); // not even the indicator
        }

        var manyBad = await ImportAsync("period,value\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"month {i},1\n")), description);
        Assert.Equal(1, manyBad.Code);
        var lines = manyBad.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(100, lines.Count(l => l.StartsWith("row ", StringComparison.Ordinal)));
        Assert.Contains("400 more problem(s) not listed (500 in all).", manyBad.Out, StringComparison.Ordinal);

        var good = await ImportAsync("period,value\n2024-01,100\n2024-02,110\n2024-03-20,120\n", description);
        Assert.True(good.Code == 0, good.Out + good.Err);
        Assert.Contains("Created indicator IND-CLI (month, encounters): 3 value(s) added, 0 revised, 0 unchanged.", good.Out, StringComparison.Ordinal);
        var again = await ImportAsync("period,value\n2024-01,100\n2024-02,110\n2024-03,120\n", new IndicatorDescription("IND-CLI"));
        Assert.Contains("0 value(s) added, 0 revised, 3 unchanged.", again.Out, StringComparison.Ordinal);
        var revised = await ImportAsync("period,value\n2024-03,125\n2024-04,130\n", new IndicatorDescription("IND-CLI") { Frequency = "Month", Unit = "encounters" });
        Assert.Contains("1 value(s) added, 1 revised, 0 unchanged.", revised.Out, StringComparison.Ordinal);
        var otherFrequency = await ImportAsync("period,value\n2024,1\n", new IndicatorDescription("IND-CLI") { Frequency = "year" });
        Assert.Equal(1, otherFrequency.Code);
        Assert.Contains("--frequency: 'year' differs from the indicator's Month.", otherFrequency.Err, StringComparison.Ordinal);

        // Written as the system, Internal to the United States as asked.
        using var us = await app.ApiAs(TestUsers.UsAnalyst);
        var read = await Ok(await us.GetAsync("/api/v1/indicators/IND-CLI"));
        Assert.Equal(("Internal", "US", "Encuentros en la frontera suroeste"), (read.GetProperty("confidentiality").GetString(), read.GetProperty("ownerSide").GetString(),
            read.GetProperty("nameEs").GetString()));
        Assert.Equal([100.0, 110, 125, 130], read.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetDouble()));
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await mx.GetAsync("/api/v1/indicators/IND-CLI")).StatusCode);
    }

    [Fact]
    public async Task The_pages_list_indicators_with_a_trend_and_show_one_with_its_chart_and_revised_values_in_both_languages()
    {
        app.SkipIfUnavailable();
        using var editorUi = await app.UiAs(TestUsers.MxEditor);
        var created = await FormPost.SubmitAsync(editorUi, "/Indicators/New", new()
        {
            ["Input.Code"] = "IND-PAGE", ["Input.NameEn"] = "Page encounters", ["Input.NameEs"] = "Encuentros de página", ["Input.Unit"] = "encounters",
            ["Input.Frequency"] = "Quarter", ["Input.Concern"] = "Both", ["Input.SourceEn"] = "CBP", ["Input.SourceUrl"] = "https://www.cbp.gov/",
            ["Input.Issue"] = "MIGRATION", ["Input.Confidentiality"] = "Shared", ["Input.OwnerSide"] = "MX",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.StartsWith("/Indicators/", created.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var badForm = await FormPost.SubmitAsync(editorUi, "/Indicators/New", new() { ["Input.Code"] = "IND-PAGE-2", ["Input.NameEn"] = "x", ["Input.Frequency"] = "Quarter", ["Input.Concern"] = "Up" });
        Assert.Equal(HttpStatusCode.OK, badForm.StatusCode);
        Assert.Contains("Give the unit of the values", await badForm.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var mx = await app.ApiAs(TestUsers.MxEditor);
        await Ok(await PostValues(mx, "IND-PAGE", ("2023-10", 90), ("2024-01", 100), ("2024-04", 110), ("2024-07-15", 120)));
        await Ok(await PostValues(mx, "IND-PAGE", ("2024-04", 111)));

        using var viewer = await app.UiAs(TestUsers.MxViewer);
        var list = await viewer.GetStringAsync("/Indicators?issue=MIGRATION");
        Assert.Contains("Page encounters", list, StringComparison.Ordinal);
        Assert.Contains("id=\"trend-IND-PAGE\"", list, StringComparison.Ordinal);
        Assert.Contains("2024-Q3", list, StringComparison.Ordinal);
        Assert.Contains("Quarterly", list, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-indicator\"", list, StringComparison.Ordinal);

        var details = await viewer.GetStringAsync("/Indicators/IND-PAGE");
        Assert.Contains("id=\"indicator-chart\"", details, StringComparison.Ordinal);
        Assert.Contains("id=\"indicator-alerts\"", details, StringComparison.Ordinal);
        Assert.Contains("https://www.cbp.gov/", details, StringComparison.Ordinal);
        // Newest first; the revised quarter shows its first value.
        var table = details[details.IndexOf("id=\"values\"", StringComparison.Ordinal)..];
        Assert.True(table.IndexOf("2024-Q3", StringComparison.Ordinal) < table.IndexOf("2023-Q4", StringComparison.Ordinal));
        Assert.Matches("data-period=\"2024-04-01\">[\\s\\S]*?111[\\s\\S]*?first-value\">110<", table);

        using var spanish = await app.UiAs(TestUsers.MxViewer, "es-MX");
        var es = await spanish.GetStringAsync("/Indicators/IND-PAGE");
        Assert.Contains("Encuentros de página", es, StringComparison.Ordinal);
        Assert.Contains("Trimestral", es, StringComparison.Ordinal);
        Assert.Contains("Un alza o una baja", es, StringComparison.Ordinal);
        Assert.Contains("Indicadores", await spanish.GetStringAsync("/Indicators"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await editorUi.GetAsync("/Indicators/IND-PAGE/Edit")).StatusCode);
        var denied = await viewer.GetAsync("/Indicators/IND-PAGE/Edit");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
