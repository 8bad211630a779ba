using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Core.Commitments;
using Puente.Core.Memory;
using Puente.Core.Plans;
using Puente.Core.Records;
using Puente.Data.Plans;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// Plans as their users meet them: the paper's seventy recommendations on a fresh start, status changes with their
/// dates and evidence moving the scorecard and its trend, what each side may count, the import's all-or-nothing report
/// and the export that imports back. The tests change only plans they import themselves, so the paper stays as seeded.
/// </summary>
public abstract class PlanTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<JsonElement> GetJson(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await Json(response);
    }

    private static int Count(JsonElement counts, string status) => counts.GetProperty(status).GetInt32();

    /// <summary>Imports a plan file as the command does (the system viewer).</summary>
    private async Task<PlanImportResult> ImportAsync(string content, PlanFileFormat format, bool validRowsOnly = false)
    {
        var (scope, _) = app.Database();
        await using (scope)
        {
            return await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(Encoding.UTF8.GetBytes(content), format, validRowsOnly);
        }
    }

    /// <summary>A Shared plan of <paramref name="count"/> recommendations CODE-1… (section I, addressee BOTH).</summary>
    private async Task ImportPlanAsync(string code, int count)
    {
        var rows = string.Concat(Enumerable.Range(1, count).Select(i => $"{code},Test plan {code},Plan de prueba {code},{code}-{i},I,{i},BOTH,,,Do {i},Hacer {i}\n"));
        var result = await ImportAsync("plan_code,plan_name_en,plan_name_es,code,section,number,addressee,track,issues,text_en,text_es\n" + rows, PlanFileFormat.Csv);
        Assert.True(result.Written, string.Join("; ", result.Problems.Listed));
    }

    private static Task<HttpResponseMessage> PostStatus(HttpClient client, string code, object body) =>
        client.PostAsJsonAsync($"/api/v1/recommendations/{code}/status", body);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_fresh_start_scores_all_seventy_of_the_papers_recommendations_as_not_started()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.UsAnalyst);
        var plans = await GetJson(client, "/api/v1/plans");
        var paper = plans.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("code").GetString() == Plan.WhitePaperCode);
        Assert.Equal(70, paper.GetProperty("recommendationCount").GetInt32());

        var bySection = await GetJson(client, $"/api/v1/plans/{Plan.WhitePaperCode}/scorecard?by=section");
        Assert.Equal(Plan.WhitePaperCode, bySection.GetProperty("plan").GetString());
        Assert.Equal("section", bySection.GetProperty("by").GetString());
        Assert.Equal(70, bySection.GetProperty("totals").GetProperty("total").GetInt32());
        Assert.Equal(70, Count(bySection.GetProperty("totals").GetProperty("counts"), "NotStarted"));
        Assert.Equal(Enum.GetNames<RecommendationStatus>(), bySection.GetProperty("totals").GetProperty("counts").EnumerateObject().Select(p => p.Name));
        var groups = bySection.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["I", "III", "IV", "V", "VI", "VII", "Conclusion"], groups.Select(g => g.GetProperty("key").GetString()));
        Assert.Equal([10, 18, 12, 8, 10, 6, 6], groups.Select(g => g.GetProperty("total").GetInt32()));
        Assert.Equal("Section III", groups[1].GetProperty("label").GetString());
        Assert.All(groups, g => Assert.Equal(g.GetProperty("total").GetInt32(), Count(g.GetProperty("counts"), "NotStarted")));
        foreach (var by in new[] { "addressee", "track" })
        {
            var other = await GetJson(client, $"/api/v1/plans/{Plan.WhitePaperCode}/scorecard?by={by}&asOf=2025-06-30");
            Assert.Equal(70, other.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("total").GetInt32()));
        }

        var whole = await GetJson(client, $"/api/v1/plans/{Plan.WhitePaperCode}");
        var recommendations = whole.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal(70, recommendations.Count);
        Assert.All(recommendations, r => Assert.Equal("NotStarted", r.GetProperty("status").GetString()));
        Assert.Equal("I-01", recommendations[0].GetProperty("code").GetString());
        var listed = await GetJson(client, "/api/v1/recommendations?section=III&pageSize=200");
        Assert.All(listed.GetProperty("items").EnumerateArray(), r => Assert.Equal(Plan.WhitePaperCode, r.GetProperty("plan").GetString()));
    }

    [Fact]
    public async Task A_status_change_counts_from_its_date_on_and_not_before_in_the_scorecard_and_its_trend()
    {
        app.SkipIfUnavailable();
        await ImportPlanAsync("T-TREND", 2);
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        var first = await PostStatus(editor, "T-TREND-1", new { status = "InProgress", date = "2025-05-10", note = "Working group formed", noteEs = "Se formó el grupo" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await Json(first);
        Assert.Equal("InProgress", created.GetProperty("status").GetString());
        Assert.Equal("2025-05-10", created.GetProperty("statusDate").GetString());
        Assert.Single(created.GetProperty("history").EnumerateArray());

        async Task<int> InProgressOn(string day) =>
            Count((await GetJson(editor, $"/api/v1/plans/T-TREND/scorecard?asOf={day}")).GetProperty("totals").GetProperty("counts"), "InProgress");
        Assert.Equal(0, await InProgressOn("2025-05-09"));
        Assert.Equal(1, await InProgressOn("2025-05-10"));

        var second = await PostStatus(editor, "T-TREND-1", new { status = "Implemented", date = "2025-08-01", evidenceUrl = "https://example.org/report" });
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var trend = await GetJson(editor, "/api/v1/plans/T-TREND/scorecard/trend?from=2025-01-01&to=2025-12-31&by=addressee");
        var points = trend.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"], points.Select(p => p.GetProperty("quarter").GetString()));
        Assert.Equal(["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"], points.Select(p => p.GetProperty("asOf").GetString()));
        string Summary(JsonElement p) => string.Join(",", p.GetProperty("totals").GetProperty("counts").EnumerateObject().Where(c => c.Value.GetInt32() > 0)
            .Select(c => $"{c.Name}={c.Value.GetInt32()}"));
        Assert.Equal(["NotStarted=2", "NotStarted=1,InProgress=1", "NotStarted=1,Implemented=1", "NotStarted=1,Implemented=1"], points.Select(Summary));
        Assert.Equal("BOTH", points[2].GetProperty("groups")[0].GetProperty("key").GetString());

        var detail = await GetJson(editor, "/api/v1/recommendations/T-TREND-1");
        var history = detail.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["InProgress", "Implemented"], history.Select(h => h.GetProperty("status").GetString()));
        Assert.Equal("Working group formed", history[0].GetProperty("note").GetString());
        Assert.Equal("mx-editor", history[0].GetProperty("recordedBy").GetString());
        Assert.Equal("https://example.org/report", history[1].GetProperty("evidenceUrl").GetString());
        using var spanish = await app.ApiAs(TestUsers.MxEditor, "es-MX");
        Assert.Equal("Se formó el grupo", (await GetJson(spanish, "/api/v1/recommendations/T-TREND-1")).GetProperty("history")[0].GetProperty("note").GetString());
        var listed = await GetJson(editor, "/api/v1/recommendations?section=I&pageSize=200");
        var item = listed.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "T-TREND-1");
        Assert.Equal(("Implemented", "2025-08-01"), (item.GetProperty("status").GetString(), item.GetProperty("statusDate").GetString()));

        // The change is audited under the recommendation, and recording a status is not an edit of what seeding or the import wrote.
        var (scope, db) = app.Database();
        await using (scope)
        {
            var record = await db.Recommendations.SingleAsync(r => r.Code == "T-TREND-1");
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.RecordId == record.Id && a.EntityType == nameof(RecommendationStatusChange)));
        }
    }

    [Fact]
    public async Task Recording_a_status_keeps_a_seeded_recommendation_open_to_corrections_of_its_seed()
    {
        app.SkipIfUnavailable();
        await ImportPlanAsync("T-SEED", 1);
        var (scope, db) = app.Database();
        await using (scope)
        {
            (await db.Recommendations.SingleAsync(r => r.Code == "T-SEED-1")).SeedHash = "as-seeded";
            await db.SaveChangesAsync();
        }

        using var editor = await app.ApiAs(TestUsers.UsEditor);
        Assert.Equal(HttpStatusCode.Created, (await PostStatus(editor, "T-SEED-1", new { status = "InProgress", date = "2025-01-02" })).StatusCode);
        (scope, db) = app.Database();
        await using (scope)
        {
            var record = await db.Recommendations.AsNoTracking().SingleAsync(r => r.Code == "T-SEED-1");
            Assert.Equal(("as-seeded", RecommendationStatus.InProgress, "us-editor"), (record.SeedHash, record.Status, record.UpdatedBy));
        }
    }

    [Fact]
    public async Task A_status_change_out_of_order_in_the_future_without_evidence_or_with_evidence_a_reader_cannot_read_is_refused_naming_the_field()
    {
        app.SkipIfUnavailable();
        await ImportPlanAsync("T-BAD", 1);
        var internalCode = "E-T-BAD-MX-INTERNAL";
        var (scope, db) = app.Database();
        await using (scope)
        {
            db.Add(new Engagement
            {
                Id = Guid.CreateVersion7(), Code = internalCode, NameEn = "MX internal meeting", NameEs = "Reunión interna", Kind = EngagementKind.Call,
                TimeZone = "America/Mexico_City", StartLocal = new DateTime(2025, 2, 1), EndLocal = new DateTime(2025, 2, 1), AllDay = true,
                StartUtc = new DateTime(2025, 2, 1, 6, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2025, 2, 1, 6, 0, 0, DateTimeKind.Utc),
                StartDate = new DateOnly(2025, 2, 1), Confidentiality = Confidentiality.Internal, OwnerSide = Side.MX,
            });
            await db.SaveChangesAsync();
        }

        using var mx = await app.ApiAs(TestUsers.MxEditor);
        using var us = await app.ApiAs(TestUsers.UsEditor);
        Assert.Equal(HttpStatusCode.Created, (await PostStatus(mx, "T-BAD-1", new { status = "InProgress", date = "2025-03-01" })).StatusCode);
        var future = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(3);
        (HttpClient Client, object Body, string Field)[] cases =
        [
            (mx, new { status = "InProgress", date = "2025-02-28" }, "date"),
            (mx, new { status = "InProgress", date = Day(future) }, "date"),
            (mx, new { status = "InProgress" }, "date"),
            (mx, new { status = "Implemented", date = "2025-04-01" }, "evidence"),
            (mx, new { status = "PartlyImplemented", date = "2025-04-01", note = "" }, "evidence"),
            (mx, new { status = "Done", date = "2025-04-01" }, "status"),
            (mx, new { status = "InProgress", date = "2025-04-01", evidenceUrl = "javascript:alert(1)" }, "evidenceUrl"),
            (mx, new { status = "InProgress", date = "2025-04-01", note = new string('x', 2001) }, "note"),
            (us, new { status = "Implemented", date = "2025-04-01", evidenceEngagement = internalCode }, "evidenceEngagement"),
            // The MX editor reads it, but the recommendation's US readers could not.
            (mx, new { status = "Implemented", date = "2025-04-01", evidenceEngagement = internalCode }, "evidenceEngagement"),
            (mx, new { status = "Implemented", date = "2025-04-01", evidenceCommitment = "C-NOWHERE" }, "evidenceCommitment"),
        ];
        foreach (var (client, body, field) in cases)
        {
            var response = await PostStatus(client, "T-BAD-1", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{JsonSerializer.Serialize(body)}: {(int)response.StatusCode} {text}");
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{JsonSerializer.Serialize(body)}: {text}");
        }

        var unreadable = await PostStatus(us, "T-BAD-1", new { status = "Implemented", date = "2025-04-01", evidenceEngagement = internalCode });
        Assert.Contains("was not found or you may not read it", await unreadable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var viewer = await app.ApiAs(TestUsers.MxViewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostStatus(viewer, "T-BAD-1", new { status = "InProgress", date = "2025-04-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostStatus(mx, "NO-SUCH-REC", new { status = "InProgress", date = "2025-04-01" })).StatusCode);
        Assert.Single((await GetJson(mx, "/api/v1/recommendations/T-BAD-1")).GetProperty("history").EnumerateArray());
        // The same date as the latest change is fine: the order recorded decides.
        Assert.Equal(HttpStatusCode.Created, (await PostStatus(us, "T-BAD-1", new { status = "Abandoned", date = "2025-03-01" })).StatusCode);
        Assert.Equal("Abandoned", (await GetJson(mx, "/api/v1/recommendations/T-BAD-1")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_internal_recommendation_and_its_status_changes_are_counted_only_for_its_side()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.Database();
        await using (scope)
        {
            var plan = new Plan { Id = Guid.CreateVersion7(), Code = "T-SIDES", NameEn = "Sides", NameEs = "Lados" };
            db.Add(plan);
            foreach (var (code, confidentiality) in new[] { ("T-SIDES-SHARED", Confidentiality.Shared), ("T-SIDES-MX", Confidentiality.Internal) })
            {
                var r = new Recommendation
                {
                    Id = Guid.CreateVersion7(), Code = code, PlanId = plan.Id, Section = "I", Number = 1, Addressee = Addressee.MX,
                    TextEn = "Text of " + code, TextEs = "Texto de " + code, Confidentiality = confidentiality, OwnerSide = Side.MX,
                    Status = RecommendationStatus.InProgress, StatusDate = new DateOnly(2025, 1, 10),
                };
                db.Add(r);
                var change = new RecommendationStatusChange { Id = Guid.CreateVersion7(), Code = RecordPart.NewCode(), Sequence = 1, Status = RecommendationStatus.InProgress, Date = new DateOnly(2025, 1, 10) };
                change.FollowAccessOf(r);
                db.Add(change);
            }

            await db.SaveChangesAsync();
        }

        foreach (var (user, expected) in new[] { (TestUsers.UsEditor, 1), (TestUsers.JointViewer, 1), (TestUsers.MxViewer, 2), (TestUsers.MxEditor, 2) })
        {
            using var client = await app.ApiAs(user);
            var scorecard = await GetJson(client, "/api/v1/plans/T-SIDES/scorecard?asOf=2025-06-30");
            Assert.Equal(expected, scorecard.GetProperty("totals").GetProperty("total").GetInt32());
            Assert.Equal(expected, Count(scorecard.GetProperty("totals").GetProperty("counts"), "InProgress"));
            var trend = await GetJson(client, "/api/v1/plans/T-SIDES/scorecard/trend?from=2024-10-01&to=2025-03-31");
            Assert.Equal([0, expected], trend.GetProperty("points").EnumerateArray().Select(p => Count(p.GetProperty("totals").GetProperty("counts"), "InProgress")));
            var plan = await GetJson(client, "/api/v1/plans/T-SIDES");
            Assert.Equal(expected, plan.GetProperty("recommendationCount").GetInt32());
            var export = await client.GetStringAsync("/api/v1/plans/T-SIDES/export?format=csv");
            Assert.Equal(expected == 2, export.Contains("T-SIDES-MX", StringComparison.Ordinal));
            Assert.Equal(expected == 2 ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/recommendations/T-SIDES-MX")).StatusCode);
        }
    }

    [Fact]
    public async Task A_recommendation_shows_its_history_the_commitments_that_name_it_and_the_engagements_given_as_evidence_as_far_as_readable()
    {
        app.SkipIfUnavailable();
        await ImportPlanAsync("T-LINK", 1);
        var (scope, db) = app.Database();
        await using (scope)
        {
            var mxPost = await db.Set<Post>().SingleAsync(p => p.Code == "MX-FOREIGN-SECRETARY");
            var usPost = await db.Set<Post>().SingleAsync(p => p.Code == "US-SECRETARY-OF-STATE");
            foreach (var (code, confidentiality) in new[] { ("C-T-LINK-SHARED", Confidentiality.Shared), ("C-T-LINK-MX", Confidentiality.Internal) })
            {
                db.Add(new Commitment
                {
                    Id = Guid.CreateVersion7(), Code = code, NameEn = "Commitment " + code, NameEs = "Compromiso " + code, Origin = CommitmentOrigin.Plan,
                    Instrument = "T-LINK", MadeOn = new DateOnly(2025, 1, 5), Due = new DateOnly(2026, 1, 5), OwnerMxPostId = mxPost.Id, OwnerUsPostId = usPost.Id,
                    RecommendationCodes = ",T-LINK-1,", StatusDate = new DateOnly(2025, 1, 5), Confidentiality = confidentiality, OwnerSide = Side.MX,
                });
            }

            await db.SaveChangesAsync();
        }

        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var recorded = await PostStatus(mx, "T-LINK-1", new
        {
            status = "PartlyImplemented", date = "2025-02-01", evidenceEngagement = "BGC-2012-10-03", evidenceCommitment = "C-T-LINK-SHARED",
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        using var us = await app.ApiAs(TestUsers.UsAnalyst);
        var detail = await GetJson(us, "/api/v1/recommendations/T-LINK-1");
        Assert.Equal(["C-T-LINK-SHARED"], detail.GetProperty("commitments").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(["BGC-2012-10-03"], detail.GetProperty("engagements").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
        var change = detail.GetProperty("history")[0];
        Assert.Equal("BGC-2012-10-03", change.GetProperty("evidenceEngagement").GetProperty("code").GetString());
        Assert.Equal("C-T-LINK-SHARED", change.GetProperty("evidenceCommitment").GetProperty("code").GetString());
        Assert.False(change.GetProperty("evidenceHidden").GetBoolean());
        var mine = await GetJson(mx, "/api/v1/recommendations/T-LINK-1");
        Assert.Equal(2, mine.GetProperty("commitments").GetArrayLength());
    }

    private const string ImportHeader = "plan_code,plan_name_en,plan_name_es,code,section,number,addressee,track,issues,text_en,text_es";

    [Fact]
    public async Task An_import_with_bad_rows_writes_nothing_and_names_each_row_and_column_unless_asked_for_the_valid_rows()
    {
        app.SkipIfUnavailable();
        var csv = ImportHeader + "\n"
            + "T-IMP,Imported,Importado,T-IMP-1,1,1,MX,WATER,MIGRATION,Good row,Fila buena\n"
            + "T-IMP,Imported,Importado,T-IMP-2,1,2,MX,NO-SUCH-TRACK,,Unknown track,\n"
            + "T-IMP,Imported,Importado,III-04,1,3,US,,,The paper's code,\n"
            + "T-IMP,Imported,Importado,T-IMP-4,1,4,Both,,NO-SUCH-ISSUE,Unknown issue,\n";
        var refused = await ImportAsync(csv, PlanFileFormat.Csv);
        Assert.False(refused.Written);
        Assert.Equal([(3, "track", "planImport.unknownTrack"), (4, "code", "planImport.codeInOtherPlan"), (5, "issues", "planImport.unknownIssue")],
            refused.Problems.Listed.Select(p => (p.Row, p.Field, p.Problem.Code)));
        Assert.Equal("row 4, code", refused.Where(refused.Problems.Listed[1]));
        using var client = await app.ApiAs(TestUsers.MxEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/plans/T-IMP")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/recommendations/T-IMP-1")).StatusCode);

        var partial = await ImportAsync(csv, PlanFileFormat.Csv, validRowsOnly: true);
        Assert.True(partial.Written);
        Assert.Equal((true, 1, 0), (partial.PlanCreated, partial.Created, partial.Updated));
        var plan = await GetJson(client, "/api/v1/plans/T-IMP");
        Assert.Equal(["T-IMP-1"], plan.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        var paperRec = await GetJson(client, "/api/v1/recommendations/III-04");
        Assert.Equal(Plan.WhitePaperCode, paperRec.GetProperty("plan").GetString());

        var json = """{ "code": "T-IMP", "nameEn": "Imported", "nameEs": "Importado", "recommendations": [ { "code": "T-IMP-1", "section": "1", "number": 1, "addressee": "Nobody", "textEn": "x" } ] }""";
        var jsonRefused = await ImportAsync(json, PlanFileFormat.Json);
        Assert.Equal("recommendation 1, addressee", jsonRefused.Where(Assert.Single(jsonRefused.Problems.Listed)));

        var (scope, db) = app.Database();
        await using (scope)
        {
            var id = (await db.Set<Plan>().SingleAsync(p => p.Code == "T-IMP")).Id;
            Assert.True(await db.AuditEntries.AnyAsync(a => a.RecordId == id && a.Action == Core.Audit.AuditAction.Created));
        }
    }

    [Fact]
    public async Task A_plan_exported_through_the_api_imports_back_unchanged_in_both_formats()
    {
        app.SkipIfUnavailable();
        var json = """
            {
              "code": "T-ROUND", "nameEn": "Round trip, \"quoted\"", "nameEs": "Ida y vuelta", "descriptionEn": "Line one\nline two",
              "confidentiality": "Internal", "ownerSide": "MX",
              "recommendations": [
                { "code": "T-ROUND-2", "section": "2", "number": 1, "addressee": "US", "track": "WATER", "issues": ["MIGRATION", "WATER"], "textEn": "Deliver, on time; \"always\"", "textEs": "Entregar a tiempo, ¿siempre?" },
                { "code": "T-ROUND-1", "section": "1", "number": 2, "addressee": "REGIONAL", "textEn": "Two\nlines" },
                { "code": "T-ROUND-3", "section": "10", "number": 1, "addressee": "both", "textEs": "Solo en español" }
              ]
            }
            """;
        Assert.True((await ImportAsync(json, PlanFileFormat.Json)).Written);
        using var client = await app.ApiAs(TestUsers.MxEditor);
        var exportedJson = await client.GetByteArrayAsync("/api/v1/plans/T-ROUND/export?format=json");
        var exportedCsv = await client.GetAsync("/api/v1/plans/T-ROUND/export?format=csv");
        Assert.Equal("text/csv", exportedCsv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("T-ROUND.csv", exportedCsv.Content.Headers.ContentDisposition?.FileName);
        var csv = await exportedCsv.Content.ReadAsStringAsync();

        var again = await ImportAsync(csv, PlanFileFormat.Csv);
        Assert.True(again.Written, string.Join("; ", again.Problems.Listed));
        Assert.Equal((false, 0, 0, 3), (again.PlanCreated, again.Created, again.Updated, again.Unchanged));
        Assert.Equal(exportedJson, await client.GetByteArrayAsync("/api/v1/plans/T-ROUND/export?format=json"));
        var plan = await GetJson(client, "/api/v1/plans/T-ROUND");
        Assert.Equal(["T-ROUND-1", "T-ROUND-2", "T-ROUND-3"], plan.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal("Internal", plan.GetProperty("confidentiality").GetString());
        using var us = await app.ApiAs(TestUsers.UsEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await us.GetAsync("/api/v1/plans/T-ROUND/export?format=json")).StatusCode);

        // The paper itself: its export imports back without a change.
        var paper = await ImportAsync(await client.GetStringAsync($"/api/v1/plans/{Plan.WhitePaperCode}/export?format=json"), PlanFileFormat.Json);
        Assert.Equal((70, 0, 0), (paper.Unchanged, paper.Updated, paper.Created));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/plans/T-ROUND/export?format=xml")).StatusCode);
    }

    [Fact]
    public async Task Scorecard_parameters_are_checked_and_an_unreadable_or_unknown_plan_is_not_found()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.UsAnalyst);
        foreach (var (url, field) in new[]
                 {
                     ($"/api/v1/plans/{Plan.WhitePaperCode}/scorecard?asOf=2025-13-01", "asOf"),
                     ($"/api/v1/plans/{Plan.WhitePaperCode}/scorecard?by=colour", "by"),
                     ($"/api/v1/plans/{Plan.WhitePaperCode}/scorecard/trend?from=2025-06-01&to=2025-01-01", "to"),
                     ($"/api/v1/plans/{Plan.WhitePaperCode}/scorecard/trend?from=1950-01-01&to=2025-01-01", "from"),
                 })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await Json(response)).GetProperty("errors").TryGetProperty(field, out _), url);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/plans/NO-SUCH-PLAN/scorecard")).StatusCode);
        var trend = await GetJson(client, $"/api/v1/plans/{Plan.WhitePaperCode}/scorecard/trend");
        Assert.Equal(8, trend.GetProperty("points").GetArrayLength());
    }

    [Fact]
    public async Task The_plan_pages_show_the_scorecard_and_a_recommendation_and_an_editor_records_a_status_change_through_the_form()
    {
        app.SkipIfUnavailable();
        await ImportPlanAsync("T-PAGE", 1);
        using var client = await app.UiAs(TestUsers.MxEditor, "es-MX");
        Assert.Contains("Diplomacia estratégica para un nuevo horizonte bilateral y regional", await client.GetStringAsync("/Plans"), StringComparison.Ordinal);
        var scorecard = await client.GetStringAsync($"/Plans/{Plan.WhitePaperCode}?by=addressee&asOf=2025-06-30");
        Assert.Contains("Tablero al", scorecard, StringComparison.Ordinal);
        Assert.Contains("Ambos países", scorecard, StringComparison.Ordinal);
        Assert.Equal(70, Regex.Count(scorecard, "href=\"/Recommendations/"));
        Assert.Equal(8, Regex.Count(scorecard, "class=\"trend-bar\""));
        Assert.Contains("id=\"scorecard-errors\"", await client.GetStringAsync($"/Plans/{Plan.WhitePaperCode}?asOf=yesterday"), StringComparison.Ordinal);
        var export = await client.GetAsync($"/Plans/{Plan.WhitePaperCode}?handler=Export&format=csv");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("III-04", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var recommendation = await client.GetStringAsync("/Recommendations/III-04");
        Assert.Contains("Reactivar el Diálogo Económico de Alto Nivel", recommendation, StringComparison.Ordinal);
        Assert.Contains("id=\"status-form\"", recommendation, StringComparison.Ordinal);
        Assert.Contains("href=\"/Recommendations/III-04\"", await client.GetStringAsync("/Catalog/Recommendations"), StringComparison.Ordinal);

        var noEvidence = await FormPost.SubmitAsync(client, "/Recommendations/T-PAGE-1/Status", new()
        {
            ["Input.Status"] = "Implemented", ["Input.Date"] = "2025-04-02",
        });
        Assert.Equal(HttpStatusCode.OK, noEvidence.StatusCode);
        Assert.Contains("Cumplida y Cumplida en parte requieren evidencia", await noEvidence.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await FormPost.SubmitAsync(client, "/Recommendations/T-PAGE-1/Status", new()
        {
            ["Input.Status"] = "Implemented", ["Input.Date"] = "2025-04-02", ["Input.NoteEs"] = "Ley publicada", ["Input.EvidenceUrl"] = "https://example.org/ley",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/Recommendations/T-PAGE-1", saved.Headers.Location!.OriginalString);
        var page = await client.GetStringAsync("/Recommendations/T-PAGE-1");
        Assert.Contains("Estado registrado.", page, StringComparison.Ordinal);
        Assert.Contains("Ley publicada", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/ley\"", page, StringComparison.Ordinal);

        // Without the anti-forgery token the post is refused.
        var forged = await client.PostAsync("/Recommendations/T-PAGE-1/Status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Status"] = "Abandoned", ["Input.Date"] = "2025-05-01",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using var viewer = await app.UiAs(TestUsers.MxViewer, "en-US");
        Assert.DoesNotContain("id=\"status-form\"", await viewer.GetStringAsync("/Recommendations/T-PAGE-1"), StringComparison.Ordinal);
        var denied = await viewer.GetAsync("/Recommendations/T-PAGE-1/Status");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
