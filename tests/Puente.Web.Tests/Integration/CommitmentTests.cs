using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// The commitment ledger as its users meet it: a commitment made at an engagement with an owner post on each side, its
/// dated status history with evidence, the lists (overdue, due soon, mine, as of a day), the water minutes' commitments,
/// and the rules that keep it honest (order of changes, evidence for "Kept", a due date after it was made, access).
/// </summary>
public abstract class CommitmentTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/commitments", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await Json(response);
    }

    private static async Task<string[]> ErrorFields(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return [.. (await Json(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }

    [Fact]
    public async Task A_commitment_made_at_an_engagement_has_both_owners_their_holders_that_day_and_the_engagements_mechanism()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var created = await CreateAsync(mx, new
        {
            textEn = "Hold the next Border Governors Conference in Sonora", textEs = "Celebrar la próxima Conferencia de Gobernadores Fronterizos en Sonora",
            ownerMx = "MX-FOREIGN-SECRETARY", ownerUs = "US-SECRETARY-OF-STATE", due = "2013-10-01", engagement = "BGC-2012-10-03",
            confidentiality = "Shared", ownerSide = "MX",
        });
        var id = created.GetProperty("id").GetString();
        Assert.Equal("NotStarted", created.GetProperty("status").GetString());
        Assert.Equal("2012-10-03", created.GetProperty("made").GetString());
        Assert.Equal("BGC", created.GetProperty("mechanism").GetString());
        Assert.Equal("Engagement", created.GetProperty("origin").GetString());

        using var us = await app.ApiAs(TestUsers.UsAnalyst, "es-MX");
        var read = await Json(await us.GetAsync($"/api/v1/commitments/{id}?asOf=2012-10-03"));
        Assert.Equal("Celebrar la próxima Conferencia de Gobernadores Fronterizos en Sonora", read.GetProperty("text").GetString());
        Assert.Equal("Hold the next Border Governors Conference in Sonora", read.GetProperty("textEn").GetString());
        Assert.StartsWith("Patricia Espinosa", read.GetProperty("ownerMx").GetProperty("holder").GetProperty("person").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Hillary", read.GetProperty("ownerUs").GetProperty("holder").GetProperty("person").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Empty(read.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task Status_changes_are_dated_in_order_and_kept_needs_evidence()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var id = (await CreateAsync(mx, new
        {
            textEn = "Publish the joint fentanyl action plan", textEs = "Publicar el plan de acción conjunto sobre fentanilo",
            ownerMx = "MX-SECURITY-SECRETARY", ownerUs = "US-HOMELAND-SECURITY-SECRETARY", due = "2024-06-30", mechanism = "HLSD", made = "2024-01-15",
        })).GetProperty("id").GetString();
        var url = $"/api/v1/commitments/{id}/status";

        var progress = await mx.PostAsJsonAsync(url, new { status = "InProgress", date = "2024-03-01", note = "Drafting started" });
        Assert.Equal(HttpStatusCode.Created, progress.StatusCode);
        Assert.Contains("date", await ErrorFields(await mx.PostAsJsonAsync(url, new { status = "Stalled", date = "2024-02-01" })));
        Assert.Contains("date", await ErrorFields(await mx.PostAsJsonAsync(url, new { status = "Stalled", date = "2099-01-01" })));
        Assert.Contains("evidence", await ErrorFields(await mx.PostAsJsonAsync(url, new { status = "Kept", date = "2024-06-01" })));
        Assert.Contains("evidenceUrl", await ErrorFields(await mx.PostAsJsonAsync(url, new { status = "Kept", date = "2024-06-01", evidenceUrl = "javascript:alert(1)" })));
        Assert.Contains("status", await ErrorFields(await mx.PostAsJsonAsync(url, new { status = "Done", date = "2024-06-01" })));

        var kept = await mx.PostAsJsonAsync(url, new { status = "Kept", date = "2024-06-01", evidenceUrl = "https://example.org/plan", note = "Published", noteEs = "Publicado" });
        Assert.Equal(HttpStatusCode.Created, kept.StatusCode);
        var body = await Json(kept);
        Assert.Equal("Kept", body.GetProperty("status").GetString());
        var history = body.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["InProgress", "Kept"], history.Select(h => h.GetProperty("status").GetString()));
        Assert.Equal("https://example.org/plan", history[1].GetProperty("evidenceUrl").GetString());

        // As of a day between the changes, the commitment was in progress.
        using var us = await app.ApiAs(TestUsers.UsAnalyst);
        var then = await Json(await us.GetAsync($"/api/v1/commitments/{id}?asOf=2024-04-01"));
        Assert.Equal("InProgress", then.GetProperty("status").GetString());

        // The commitment and its changes are on the mechanism's timeline, in date order.
        var timeline = await Json(await us.GetAsync("/api/v1/timelines/mechanism/HLSD?from=2024-01-01&to=2024-12-31"));
        var ledger = timeline.GetProperty("ledger").EnumerateArray().Where(e => e.GetProperty("commitmentId").GetString() == id).ToList();
        Assert.Equal(["commitment", "status", "status"], ledger.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["2024-01-15", "2024-03-01", "2024-06-01"], ledger.Select(e => e.GetProperty("date").GetString()));
        using var ui = await app.UiAs(TestUsers.UsAnalyst);
        Assert.Contains("Publish the joint fentanyl action plan", await ui.GetStringAsync("/Timelines/mechanism/HLSD?from=2024-01-01&to=2024-12-31"), StringComparison.Ordinal);

        // Every change is in the commitment's audit history.
        var audit = await Json(await us.GetAsync($"/api/v1/commitments/{id}/history"));
        Assert.True(audit.GetArrayLength() >= 3);
    }

    [Fact]
    public async Task Bad_input_names_the_field()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var baseBody = new Dictionary<string, object?>
        {
            ["textEn"] = "Meet again", ["textEs"] = "Reunirse de nuevo", ["ownerMx"] = "MX-FOREIGN-SECRETARY", ["ownerUs"] = "US-SECRETARY-OF-STATE",
            ["mechanism"] = "HLED", ["made"] = "2024-01-10",
        };

        async Task<string[]> With(string key, object? value)
        {
            var body = new Dictionary<string, object?>(baseBody) { [key] = value };
            return await ErrorFields(await mx.PostAsJsonAsync("/api/v1/commitments", body));
        }

        Assert.Contains("due", await With("due", "2023-12-31"));
        Assert.Contains("due", await With("due", "31/12/2024"));
        Assert.Contains("ownerMx", await With("ownerMx", "US-SECRETARY-OF-STATE"));
        Assert.Contains("ownerUs", await With("ownerUs", "NO-SUCH-POST"));
        Assert.Contains("ownerUs", await With("ownerUs", null));
        Assert.Contains("textEs", await With("textEs", ""));
        Assert.Contains("nameEn", await With("textEn", new string('x', 301)));
        Assert.Contains("mechanism", await With("mechanism", "NOPE"));
        Assert.Contains("instrument", await With("instrument", "MINUTE-999"));
        Assert.Contains("confidentiality", await With("confidentiality", "Secret"));
        Assert.Contains("issues", await With("issues", new[] { "NOT-AN-ISSUE" }));
        Assert.Contains("made", await With("made", "2099-01-01"));
        Assert.Contains("mechanism", await With("engagement", "BGC-2012-10-03")); // a BGC session, but the body says HLED
        Assert.Contains("engagement", await ErrorFields(await mx.PostAsJsonAsync("/api/v1/commitments", new
        {
            textEn = "x", textEs = "x", ownerMx = "MX-FOREIGN-SECRETARY", ownerUs = "US-SECRETARY-OF-STATE",
        })));

        using var client = await app.ApiAs(TestUsers.UsAnalyst);
        Assert.Contains("asOf", await ErrorFields(await client.GetAsync("/api/v1/commitments?asOf=yesterday")));
        Assert.Contains("status", await ErrorFields(await client.GetAsync("/api/v1/commitments?status=Done")));
        Assert.Contains("dueWithin", await ErrorFields(await client.GetAsync("/api/v1/commitments?dueWithin=99999")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/commitments/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task An_internal_commitment_and_internal_evidence_stay_with_their_side()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var engagement = await mx.PostAsJsonAsync("/api/v1/engagements", new
        {
            kind = "Call", titleEn = "Internal follow-up call", titleEs = "Llamada interna de seguimiento", start = "2025-02-03T09:00",
            timeZone = "America/Mexico_City", confidentiality = "Internal", ownerSide = "MX",
        });
        Assert.Equal(HttpStatusCode.Created, engagement.StatusCode);
        var internalEngagement = (await Json(engagement)).GetProperty("code").GetString();

        var internalId = (await CreateAsync(mx, new
        {
            textEn = "Internal line to take on labour panels", textEs = "Línea interna sobre paneles laborales", ownerMx = "MX-ECONOMY-SECRETARY",
            ownerUs = "US-COMMERCE-SECRETARY", mechanism = "HLED", made = "2025-01-10", due = "2025-01-20", confidentiality = "Internal", ownerSide = "MX",
            issues = new[] { "USMCA-LABOR" },
        })).GetProperty("id").GetString();
        var sharedId = (await CreateAsync(mx, new
        {
            textEn = "Share the labour inspection calendar", textEs = "Compartir el calendario de inspecciones laborales", ownerMx = "MX-ECONOMY-SECRETARY",
            ownerUs = "US-COMMERCE-SECRETARY", mechanism = "HLED", made = "2025-01-10", due = "2025-01-20", issues = new[] { "USMCA-LABOR" },
        })).GetProperty("id").GetString();

        // Internal evidence cannot back a shared commitment: its US readers could not open it.
        Assert.Contains("evidenceEngagement", await ErrorFields(await mx.PostAsJsonAsync($"/api/v1/commitments/{sharedId}/status",
            new { status = "Kept", date = "2025-02-03", evidenceEngagement = internalEngagement })));
        Assert.Equal(HttpStatusCode.Created, (await mx.PostAsJsonAsync($"/api/v1/commitments/{internalId}/status",
            new { status = "Kept", date = "2025-02-03", evidenceEngagement = internalEngagement })).StatusCode);

        using var us = await app.ApiAs(TestUsers.UsEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await us.GetAsync($"/api/v1/commitments/{internalId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await us.GetAsync($"/api/v1/commitments/{internalId}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await us.PostAsJsonAsync($"/api/v1/commitments/{internalId}/status", new { status = "Broken", date = "2025-03-01" })).StatusCode);
        var usList = await Json(await us.GetAsync("/api/v1/commitments?issue=USMCA-LABOR&pageSize=100"));
        var usIds = usList.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Contains(sharedId, usIds);
        Assert.DoesNotContain(internalId, usIds);
        // Unreadable evidence is "unknown" to the US editor.
        Assert.Contains("evidenceEngagement", await ErrorFields(await us.PostAsJsonAsync($"/api/v1/commitments/{sharedId}/status",
            new { status = "Kept", date = "2025-02-03", evidenceEngagement = internalEngagement })));

        using var mxViewer = await app.ApiAs(TestUsers.MxViewer);
        var mxList = await Json(await mxViewer.GetAsync("/api/v1/commitments?issue=USMCA-LABOR&pageSize=100"));
        Assert.Contains(internalId, mxList.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_overdue_list_judges_each_commitment_on_the_day_asked()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var id = (await CreateAsync(mx, new
        {
            textEn = "Name the water working group", textEs = "Nombrar el grupo de trabajo de aguas", ownerMx = "MX-CILA-COMMISSIONER",
            ownerUs = "US-IBWC-COMMISSIONER", instrument = "AGREEMENT-2025-12", made = "2025-12-05", due = "2026-01-15",
        })).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Created, (await mx.PostAsJsonAsync($"/api/v1/commitments/{id}/status",
            new { status = "Kept", date = "2026-03-01", evidenceUrl = "https://example.org/working-group" })).StatusCode);

        using var us = await app.ApiAs(TestUsers.UsAnalyst);
        async Task<List<string?>> Overdue(string query) => [.. (await Json(await us.GetAsync("/api/v1/commitments?overdue=true&pageSize=200" + query)))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())];

        Assert.DoesNotContain(id, await Overdue(""));                   // kept now
        Assert.Contains(id, await Overdue("&asOf=2026-02-01"));         // due 15 January, kept 1 March
        Assert.DoesNotContain(id, await Overdue("&asOf=2026-01-10"));   // not yet due
        Assert.DoesNotContain(id, await Overdue("&asOf=2026-03-02"));
        var onFeb = await Json(await us.GetAsync("/api/v1/commitments?overdue=true&asOf=2026-02-01&instrument=AGREEMENT-2025-12"));
        var item = onFeb.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.Equal("NotStarted", item.GetProperty("status").GetString());

        var soon = await Json(await us.GetAsync("/api/v1/commitments?dueWithin=30&asOf=2026-01-01&instrument=AGREEMENT-2025-12"));
        Assert.Contains(id, soon.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        // Due in ten days and already kept: not "due soon".
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var early = (await CreateAsync(mx, new
        {
            textEn = "Share the reservoir readings early", textEs = "Compartir antes las lecturas de las presas", ownerMx = "MX-CILA-COMMISSIONER",
            ownerUs = "US-IBWC-COMMISSIONER", instrument = "AGREEMENT-2025-12", made = Iso(today.AddDays(-5)), due = Iso(today.AddDays(10)),
        })).GetProperty("id").GetString();
        async Task<List<string?>> DueSoon() => [.. (await Json(await us.GetAsync("/api/v1/commitments?dueWithin=30&instrument=AGREEMENT-2025-12&pageSize=100")))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())];
        Assert.Contains(early, await DueSoon());
        Assert.Equal(HttpStatusCode.Created, (await mx.PostAsJsonAsync($"/api/v1/commitments/{early}/status",
            new { status = "Kept", date = Iso(today), evidenceUrl = "https://example.org/readings" })).StatusCode);
        Assert.DoesNotContain(early, await DueSoon());
        Assert.Equal(0, (await Json(await us.GetAsync("/api/v1/commitments?issue=%25"))).GetProperty("total").GetInt32()); // a wildcard is not a code
    }

    [Fact]
    public async Task Mine_lists_the_commitments_of_the_posts_linked_to_the_account()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var id = (await CreateAsync(mx, new
        {
            textEn = "Open a consular protection desk", textEs = "Abrir una ventanilla de protección consular", ownerMx = "MX-CONS-ATLANTA-HEAD",
            ownerUs = "US-AMBASSADOR-MX", mechanism = "HLED", made = "2025-05-01",
        })).GetProperty("id").GetString();
        var (scope, db) = app.Database();
        await using (scope)
        {
            var user = await db.Users.SingleAsync(u => u.UserName == TestUsers.JointViewer.Name);
            user.Posts = "MX-CONS-ATLANTA-HEAD";
            await db.SaveChangesAsync();
        }

        using var mine = await app.ApiAs(TestUsers.JointViewer);
        var list = await Json(await mine.GetAsync("/api/v1/commitments?mine=true&pageSize=200"));
        Assert.Contains(id, list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.True(
            i.GetProperty("ownerMx").GetProperty("post").GetProperty("code").GetString() == "MX-CONS-ATLANTA-HEAD"
            || i.GetProperty("ownerUs").GetProperty("post").GetProperty("code").GetString() == "MX-CONS-ATLANTA-HEAD"));
        using var other = await app.ApiAs(TestUsers.UsAnalyst);
        Assert.DoesNotContain(id, (await Json(await other.GetAsync("/api/v1/commitments?mine=true&pageSize=200")))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_water_minutes_commitments_are_in_the_ledger_owned_by_the_two_commissioners()
    {
        app.SkipIfUnavailable();
        using var us = await app.ApiAs(TestUsers.UsAnalyst);
        var list = await Json(await us.GetAsync("/api/v1/commitments?instrument=MINUTE-323"));
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var successor = await Json(await us.GetAsync("/api/v1/commitments/W-MINUTE-323-2"));
        Assert.Equal("2026-12-31", successor.GetProperty("due").GetString());
        Assert.Equal("WaterMinute", successor.GetProperty("origin").GetString());
        Assert.Equal("MX-CILA-COMMISSIONER", successor.GetProperty("ownerMx").GetProperty("post").GetProperty("code").GetString());
        Assert.Equal("US-IBWC-COMMISSIONER", successor.GetProperty("ownerUs").GetProperty("post").GetProperty("code").GetString());
        var agreement = await Json(await us.GetAsync("/api/v1/commitments?instrument=AGREEMENT-2025-12&pageSize=100"));
        Assert.True(agreement.GetProperty("total").GetInt32() >= 4);

        using var ui = await app.UiAs(TestUsers.UsAnalyst);
        var water = await ui.GetStringAsync("/Water");
        Assert.Contains("/Commitments/Details/W-MINUTE-323-2", water, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ui.GetAsync("/Commitments/Details/W-MINUTE-323-2")).StatusCode);
    }

    [Fact]
    public async Task The_ledger_pages_record_a_status_change_with_the_form_in_spanish()
    {
        app.SkipIfUnavailable();
        using var api = await app.ApiAs(TestUsers.UsEditor);
        var id = (await CreateAsync(api, new
        {
            textEn = "Hold a labour dialogue session", textEs = "Celebrar una sesión del diálogo laboral", ownerMx = "MX-ECONOMY-SECRETARY",
            ownerUs = "US-COMMERCE-SECRETARY", mechanism = "HLED", made = "2025-03-01", due = "2025-04-01",
        })).GetProperty("id").GetString();

        using var ui = await app.UiAs(TestUsers.MxEditor, "es-MX");
        var details = await ui.GetStringAsync($"/Commitments/Details/{id}");
        Assert.Contains("Celebrar una sesión del diálogo laboral", details, StringComparison.Ordinal);
        Assert.Contains("Como se acordó en inglés", details, StringComparison.Ordinal);
        Assert.Contains("Vencido", details, StringComparison.Ordinal);

        var refused = await FormPost.SubmitAsync(ui, $"/Commitments/Details/{id}", new() { ["Input.Status"] = "Kept", ["Input.Date"] = "2025-04-02" }, $"/Commitments/Status/{id}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("«Cumplido» requiere evidencia", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await FormPost.SubmitAsync(ui, $"/Commitments/Details/{id}", new()
        {
            ["Input.Status"] = "Kept", ["Input.Date"] = "2025-04-02", ["Input.EvidenceUrl"] = "https://example.org/session", ["Input.NoteEs"] = "Sesión celebrada",
        }, $"/Commitments/Status/{id}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await ui.GetStringAsync($"/Commitments/Details/{id}");
        Assert.Contains("Sesión celebrada", after, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Kept\"", after, StringComparison.Ordinal);

        var list = await ui.GetStringAsync("/Commitments?overdue=true");
        Assert.Contains("Compromisos", list, StringComparison.Ordinal);
        Assert.DoesNotContain(id!, list, StringComparison.Ordinal);
    }
}
