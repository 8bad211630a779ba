using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Memory;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// The agenda as its users meet it: the issues in the paper's order, each side's positions (Internal to the side by
/// default, written only by that side), the dated convergence history, owner and mechanisms, playbooks (seeded, and never
/// more open than what they name) and marked crises.
/// </summary>
public abstract partial class AgendaTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<string[]> ErrorFields(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return [.. (await Json(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await Json(response);
    }

    [GeneratedRegex("""<tr class="agenda-issue" data-code="([^"]+)">""")]
    private static partial Regex AgendaRow();

    private static int PositionCount(string agendaPage, string code) =>
        int.Parse(Regex.Match(agendaPage, $"id=\"positions-{Regex.Escape(code)}\">(\\d+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_agenda_lists_the_early_crisis_issues_first_then_the_global_ones_of_section_VI_then_the_rest()
    {
        app.SkipIfUnavailable();
        foreach (var language in new[] { "en-US", "es-MX" })
        {
            using var ui = await app.UiAs(TestUsers.JointViewer, language);
            var page = await ui.GetStringAsync("/Issues");
            var codes = AgendaRow().Matches(page).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(["MIGRATION", "USMCA-LABOR", "HUMAN-RIGHTS"], codes.Take(3));
            Assert.Equal(["SECURITY-FENTANYL", "CHINA-TECH", "VENEZUELA", "CUBA", "CENTRAL-AMERICA"], codes.Skip(3).Take(5));
            Assert.Equal(["CORRUPTION", "SUPPLY-CHAINS", "CLIMATE", "EDUCATION", "DIASPORA", "ENERGY-TELECOM", "WATER"], codes.Skip(8).Take(7));
            Assert.Contains(language == "es-MX" ? "Temas de crisis temprana (sección I)" : "Early-crisis issues (section I)", page, StringComparison.Ordinal);
        }

        // The catalog links each issue to its agenda page rather than repeating it.
        using var viewer = await app.UiAs(TestUsers.MxViewer);
        Assert.Contains("href=\"/Issues/MIGRATION\"", await viewer.GetStringAsync("/Catalog"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sides_position_is_Internal_to_it_by_default_and_never_reaches_the_other_side()
    {
        app.SkipIfUnavailable();
        using var mxUi = await app.UiAs(TestUsers.MxViewer);
        using var usUi = await app.UiAs(TestUsers.UsAnalyst);
        var mxBefore = PositionCount(await mxUi.GetStringAsync("/Issues"), "CUBA");
        var usBefore = PositionCount(await usUi.GetStringAsync("/Issues"), "CUBA");

        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var created = await CreatedAsync(await mx.PostAsJsonAsync("/api/v1/issues/CUBA/positions", new
        {
            summaryEn = "Engagement without conditions", summaryEs = "Relación sin condiciones",
            statementEn = "Mexico keeps full relations with Cuba and opposes the embargo.", statementEs = "México mantiene relaciones plenas con Cuba y se opone al embargo.",
            statedOn = "2025-03-01",
        }));
        var id = created.GetProperty("id").GetString();
        Assert.Equal("Internal", created.GetProperty("confidentiality").GetString());
        Assert.Equal("MX", created.GetProperty("ownerSide").GetString());
        Assert.Equal("MX", created.GetProperty("side").GetString());
        Assert.Equal("CUBA", created.GetProperty("issue").GetString());

        // Mexico reads it everywhere; the United States nowhere: not on the page, not in the API, not in the counts.
        using var mxApi = await app.ApiAs(TestUsers.MxViewer);
        var mxIssue = await Json(await mxApi.GetAsync("/api/v1/issues/CUBA"));
        Assert.Contains(mxIssue.GetProperty("positions").EnumerateArray(), p => p.GetProperty("id").GetString() == id);
        Assert.Contains("Engagement without conditions", await mxUi.GetStringAsync("/Issues/CUBA"), StringComparison.Ordinal);
        Assert.Equal(mxBefore + 1, PositionCount(await mxUi.GetStringAsync("/Issues"), "CUBA"));

        using var usApi = await app.ApiAs(TestUsers.UsAnalyst);
        var usIssue = await Json(await usApi.GetAsync("/api/v1/issues/CUBA"));
        Assert.DoesNotContain(usIssue.GetProperty("positions").EnumerateArray(), p => p.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await usApi.GetAsync($"/api/v1/positions/{id}")).StatusCode);
        Assert.DoesNotContain("Engagement without conditions", await usApi.GetStringAsync("/api/v1/positions?issue=CUBA&pageSize=200"), StringComparison.Ordinal);
        Assert.DoesNotContain("Engagement without conditions", await usUi.GetStringAsync("/Issues/CUBA"), StringComparison.Ordinal);
        Assert.DoesNotContain("Engagement without conditions", await usUi.GetStringAsync("/Positions?issue=CUBA"), StringComparison.Ordinal);
        Assert.Equal(usBefore, PositionCount(await usUi.GetStringAsync("/Issues"), "CUBA"));
        Assert.Equal(HttpStatusCode.NotFound, (await usUi.GetAsync($"/Positions/Details/{id}")).StatusCode);

        // A stated public position is Shared when its side says so; then both sides read it.
        var shared = await CreatedAsync(await mx.PostAsJsonAsync("/api/v1/issues/CUBA/positions", new
        {
            summaryEn = "Mexico votes against the embargo at the UN", summaryEs = "México vota contra el embargo en la ONU", confidentiality = "Shared",
        }));
        Assert.Equal("Shared", shared.GetProperty("confidentiality").GetString());
        Assert.Contains("Mexico votes against the embargo at the UN", await usUi.GetStringAsync("/Issues/CUBA"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_writes_only_their_own_sides_position_and_the_form_starts_Internal_to_it()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        using var us = await app.ApiAs(TestUsers.UsEditor);
        var body = new Dictionary<string, object?> { ["summaryEn"] = "Pressure for a transition", ["summaryEs"] = "Presión para una transición" };

        // Mexico's editor cannot write the United States' position, nor file Mexico's under the other side.
        Assert.Contains("side", await ErrorFields(await mx.PostAsJsonAsync("/api/v1/issues/VENEZUELA/positions", new Dictionary<string, object?>(body) { ["side"] = "US" })));
        Assert.Contains("side", await ErrorFields(await mx.PostAsJsonAsync("/api/v1/issues/VENEZUELA/positions", new Dictionary<string, object?>(body) { ["side"] = "Joint" })));
        Assert.Contains("ownerSide", await ErrorFields(await mx.PostAsJsonAsync("/api/v1/issues/VENEZUELA/positions", new Dictionary<string, object?>(body) { ["ownerSide"] = "US" })));

        // The United States' editor writes the United States' position; Mexico's editor may read a shared one but not change it.
        var position = await CreatedAsync(await us.PostAsJsonAsync("/api/v1/issues/VENEZUELA/positions", new Dictionary<string, object?>(body) { ["confidentiality"] = "Shared" }));
        Assert.Equal("US", position.GetProperty("side").GetString());
        var id = position.GetProperty("id").GetString();
        var edit = new Dictionary<string, object?>(body) { ["summaryEn"] = "Changed by the other side", ["version"] = position.GetProperty("version").GetInt32() };
        Assert.Contains("side", await ErrorFields(await mx.PutAsJsonAsync($"/api/v1/positions/{id}", edit)));
        var own = await us.PutAsJsonAsync($"/api/v1/positions/{id}", new Dictionary<string, object?>(edit) { ["summaryEn"] = "Pressure for a negotiated transition" });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        // Bad input names the field.
        Assert.Contains("statedOn", await ErrorFields(await us.PostAsJsonAsync("/api/v1/issues/VENEZUELA/positions", new Dictionary<string, object?>(body) { ["statedOn"] = "2199-01-01" })));
        Assert.Contains("statedOn", await ErrorFields(await us.PostAsJsonAsync("/api/v1/issues/VENEZUELA/positions", new Dictionary<string, object?>(body) { ["statedOn"] = "01/02/2024" })));
        Assert.Contains("nameEn", await ErrorFields(await us.PostAsJsonAsync("/api/v1/issues/VENEZUELA/positions", new { summaryEn = "" })));
        Assert.Contains("issue", await ErrorFields(await us.PostAsJsonAsync("/api/v1/positions", body)));
        Assert.Equal(HttpStatusCode.NotFound, (await us.PostAsJsonAsync("/api/v1/issues/NO-SUCH-ISSUE/positions", body)).StatusCode);
        using var viewer = await app.ApiAs(TestUsers.MxViewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/issues/VENEZUELA/positions", body)).StatusCode);

        // The page's form starts as Mexico's own position, Internal to Mexico; asking for the other side is refused on the form.
        using var ui = await app.UiAs(TestUsers.MxEditor, "en-US");
        var form = await ui.GetStringAsync("/Positions/Edit?issue=VENEZUELA");
        Assert.Matches("<option value=\"Internal\" selected=\"selected\">", form);
        Assert.Matches("<option value=\"MX\" selected=\"selected\">", form);
        Assert.Contains("id=\"side\">Mexico<", form, StringComparison.Ordinal);
        var refused = await FormPost.SubmitAsync(ui, "/Positions/Edit?issue=VENEZUELA", new()
        {
            ["Input.Side"] = "US", ["Input.Issue"] = "VENEZUELA", ["Input.NameEn"] = "Not ours to write", ["Input.NameEs"] = "No nos toca",
            ["Input.Confidentiality"] = "Internal", ["Input.OwnerSide"] = "MX", ["GrantsText"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("you can only write your own side", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await FormPost.SubmitAsync(ui, "/Positions/Edit?issue=VENEZUELA", new()
        {
            ["Input.Side"] = "MX", ["Input.Issue"] = "VENEZUELA", ["Input.NameEn"] = "Non-intervention and dialogue", ["Input.NameEs"] = "No intervención y diálogo",
            ["Input.StatedOn"] = "2025-01-10", ["Input.Confidentiality"] = "Internal", ["Input.OwnerSide"] = "MX", ["GrantsText"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await ui.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Non-intervention and dialogue", details, StringComparison.Ordinal);
        Assert.Contains("Internal", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convergence_is_a_dated_history_newest_first_never_in_the_future_and_Internal_by_default()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var url = "/api/v1/issues/CHINA-TECH/convergence";
        await CreatedAsync(await mx.PostAsJsonAsync(url, new { date = "2024-05-01", level = "Diverge", noteEn = "Tariff threats over Chinese inputs", noteEs = "Amenazas arancelarias por insumos chinos", confidentiality = "Shared" }));
        await CreatedAsync(await mx.PostAsJsonAsync(url, new { date = "2025-01-10", level = "Converge", noteEn = "Joint screening of investments", confidentiality = "Shared" }));
        var internalOne = await CreatedAsync(await mx.PostAsJsonAsync(url, new { date = "2024-11-20", level = "Partly", noteEn = "Our reading of the talks" }));
        Assert.Equal("Internal", internalOne.GetProperty("confidentiality").GetString());
        Assert.Equal("MX", internalOne.GetProperty("ownerSide").GetString());

        Assert.Contains("date", await ErrorFields(await mx.PostAsJsonAsync(url, new { date = "2199-01-01", level = "Partly" })));
        Assert.Contains("date", await ErrorFields(await mx.PostAsJsonAsync(url, new { level = "Partly" })));
        Assert.Contains("level", await ErrorFields(await mx.PostAsJsonAsync(url, new { date = "2024-01-01", level = "Agree" })));
        Assert.Contains("noteEn", await ErrorFields(await mx.PostAsJsonAsync(url, new { date = "2024-01-01", level = "Partly", noteEn = new string('x', 2001) })));
        Assert.Contains("confidentiality", await ErrorFields(await mx.PostAsJsonAsync(url, new { date = "2024-01-01", level = "Partly", confidentiality = "Secret" })));

        using var mxReader = await app.ApiAs(TestUsers.MxViewer);
        var issue = await Json(await mxReader.GetAsync("/api/v1/issues/CHINA-TECH"));
        Assert.Equal(["2025-01-10", "2024-11-20", "2024-05-01"], issue.GetProperty("convergenceHistory").EnumerateArray().Select(a => a.GetProperty("date").GetString()));
        Assert.Equal("Converge", issue.GetProperty("convergence").GetProperty("level").GetString());

        using var usReader = await app.ApiAs(TestUsers.UsAnalyst);
        var seenByUs = await Json(await usReader.GetAsync("/api/v1/issues/CHINA-TECH"));
        Assert.Equal(["2025-01-10", "2024-05-01"], seenByUs.GetProperty("convergenceHistory").EnumerateArray().Select(a => a.GetProperty("date").GetString()));

        // The page shows the history in the same order, in the reader's language.
        using var ui = await app.UiAs(TestUsers.MxViewer, "es-MX");
        var page = await ui.GetStringAsync("/Issues/CHINA-TECH");
        var table = page[page.IndexOf("id=\"convergence\"", StringComparison.Ordinal)..];
        Assert.True(table.IndexOf("Convergen<", StringComparison.Ordinal) < table.IndexOf("En parte<", StringComparison.Ordinal));
        Assert.True(table.IndexOf("En parte<", StringComparison.Ordinal) < table.IndexOf("Divergen<", StringComparison.Ordinal));
        Assert.Contains("Amenazas arancelarias por insumos chinos", page, StringComparison.Ordinal);

        // The form on the page records one, and refuses a future date naming the field.
        using var editor = await app.UiAs(TestUsers.MxEditor, "en-US");
        var refused = await FormPost.SubmitAsync(editor, "/Issues/CHINA-TECH", new() { ["Input.Date"] = "2199-01-01", ["Input.Level"] = "Partly" }, "/Issues/CHINA-TECH/Convergence");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("is in the future", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var recorded = await FormPost.SubmitAsync(editor, "/Issues/CHINA-TECH", new() { ["Input.Date"] = "2025-02-01", ["Input.Level"] = "Partly", ["Input.Confidentiality"] = "Internal" },
            "/Issues/CHINA-TECH/Convergence");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal("Partly", (await Json(await mxReader.GetAsync("/api/v1/issues/CHINA-TECH"))).GetProperty("convergence").GetProperty("level").GetString());
    }

    [Fact]
    public async Task Owner_and_mechanisms_are_assigned_by_editors_checked_and_audited()
    {
        app.SkipIfUnavailable();
        var internalPost = await InternalPostAsync("AGENDA-MX-INTERNAL-POST");
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var owned = await mx.PutAsJsonAsync("/api/v1/issues/SUPPLY-CHAINS/owner", new { post = "MX-ECONOMY-SECRETARY" });
        Assert.Equal(HttpStatusCode.OK, owned.StatusCode);
        Assert.Equal("MX-ECONOMY-SECRETARY", (await Json(owned)).GetProperty("owner").GetProperty("post").GetProperty("code").GetString());
        Assert.Contains("post", await ErrorFields(await mx.PutAsJsonAsync("/api/v1/issues/SUPPLY-CHAINS/owner", new { post = "NO-SUCH-POST" })));
        // A Shared issue's readers on both sides would meet a post only Mexico reads.
        Assert.Contains("post", await ErrorFields(await mx.PutAsJsonAsync("/api/v1/issues/SUPPLY-CHAINS/owner", new { post = internalPost })));

        var mechanisms = await mx.PutAsJsonAsync("/api/v1/issues/SUPPLY-CHAINS/mechanisms", new { mechanisms = new[] { "HLED", "ceo-dialogue" } });
        Assert.Equal(HttpStatusCode.OK, mechanisms.StatusCode);
        Assert.Equal(["HLED", "CEO-DIALOGUE"], (await Json(mechanisms)).GetProperty("mechanisms").EnumerateArray().Select(m => m.GetProperty("code").GetString()));
        Assert.Contains("mechanisms", await ErrorFields(await mx.PutAsJsonAsync("/api/v1/issues/SUPPLY-CHAINS/mechanisms", new { mechanisms = new[] { "NOPE" } })));
        Assert.Contains("mechanisms", await ErrorFields(await mx.PutAsJsonAsync("/api/v1/issues/SUPPLY-CHAINS/mechanisms",
            new { mechanisms = Enumerable.Range(0, 21).Select(i => "HLED").ToArray() })));
        var stale = await mx.PutAsJsonAsync("/api/v1/issues/SUPPLY-CHAINS/owner", new { post = (string?)null, version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        using var viewer = await app.ApiAs(TestUsers.UsAnalyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync("/api/v1/issues/SUPPLY-CHAINS/owner", new { post = "US-COMMERCE-SECRETARY" })).StatusCode);
        var read = await Json(await viewer.GetAsync("/api/v1/issues/SUPPLY-CHAINS"));
        Assert.Equal("MX-ECONOMY-SECRETARY", read.GetProperty("owner").GetProperty("post").GetProperty("code").GetString());

        // Each assignment is in the audit trail, and a catalog correction still reaches the issue's text.
        var (scope, db) = app.Database();
        await using (scope)
        {
            var issue = await db.AgendaIssues.SingleAsync(i => i.Code == "SUPPLY-CHAINS");
            Assert.True(await db.AuditEntries.CountAsync(a => a.RecordId == issue.Id && a.Action == Core.Audit.AuditAction.Updated) >= 2);
            Assert.NotNull(issue.SeedHash);
        }

        // The page's form does the same in one save; the issue page shows the owner and the mechanisms.
        using var ui = await app.UiAs(TestUsers.UsEditor, "en-US");
        var version = (await Json(await viewer.GetAsync("/api/v1/issues/SUPPLY-CHAINS"))).GetProperty("version").GetInt32();
        var saved = await FormPost.SubmitAsync(ui, "/Issues/SUPPLY-CHAINS/Edit", new()
        {
            ["Post"] = "US-COMMERCE-SECRETARY", ["MechanismsText"] = "HLED, USMCA", ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await ui.GetStringAsync("/Issues/SUPPLY-CHAINS");
        Assert.Contains("U.S. Secretary of Commerce", page[page.IndexOf("id=\"owner\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("United States-Mexico-Canada Agreement", page[page.IndexOf("id=\"mechanisms\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var refused = await FormPost.SubmitAsync(ui, "/Issues/SUPPLY-CHAINS/Edit", new() { ["Post"] = "NOPE", ["MechanismsText"] = "", ["Version"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Unknown post", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeded_playbooks_answer_the_early_crisis_issues_fentanyl_and_water_with_real_posts_and_mechanisms()
    {
        app.SkipIfUnavailable();
        using var api = await app.ApiAs(TestUsers.JointViewer, "es-MX");
        foreach (var issue in new[] { "MIGRATION", "USMCA-LABOR", "HUMAN-RIGHTS", "SECURITY-FENTANYL", "WATER" })
        {
            var list = await Json(await api.GetAsync($"/api/v1/playbooks?issue={issue}"));
            Assert.True(list.GetProperty("total").GetInt32() >= 1, issue);
            foreach (var item in list.GetProperty("items").EnumerateArray())
            {
                Assert.Equal("Shared", item.GetProperty("confidentiality").GetString());
                Assert.NotNull(item.GetProperty("owner").GetProperty("post").GetProperty("code").GetString());
                Assert.True(item.GetProperty("mechanism").ValueKind == JsonValueKind.String || item.GetProperty("channelEn").GetString()!.Length > 0);
                Assert.Equal(item.GetProperty("stepsEn").GetArrayLength(), item.GetProperty("stepsEs").GetArrayLength());
                Assert.True(item.GetProperty("stepsEn").GetArrayLength() >= 5);
            }
        }

        var water = await Json(await api.GetAsync("/api/v1/playbooks/PB-WATER-RIO-GRANDE-PACE"));
        Assert.Equal("IBWC-CILA", water.GetProperty("mechanism").GetString());
        Assert.Equal("MX-CILA-COMMISSIONER", water.GetProperty("owner").GetProperty("post").GetProperty("code").GetString());
        Assert.StartsWith("Comparar", water.GetProperty("steps")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Compare", water.GetProperty("stepsEn")[0].GetString(), StringComparison.Ordinal);

        // The page: a numbered list in the reader's language, the mechanism with a link, the owner post.
        using var ui = await app.UiAs(TestUsers.JointViewer, "es-MX");
        var page = await ui.GetStringAsync("/Playbooks/Details/PB-MIGRATION-ENCOUNTERS");
        var steps = page[page.IndexOf("<ol class=\"playbook-steps\" id=\"steps\" lang=\"es\">", StringComparison.Ordinal)..];
        Assert.Equal(7, Regex.Count(steps[..steps.IndexOf("</ol>", StringComparison.Ordinal)], "<li"));
        Assert.Contains("Solicitar una sesión extraordinaria del Grupo de Implementación de Seguridad", steps, StringComparison.Ordinal);
        Assert.Contains("href=\"/Mechanisms/Details/SECURITY-IMPLEMENTATION-GROUP\"", page, StringComparison.Ordinal);
        Assert.Contains("Secretaría de Relaciones Exteriores", page[page.IndexOf("id=\"owner\"", StringComparison.Ordinal)..], StringComparison.Ordinal);

        // The issue page links its playbooks, with their count.
        var issuePage = await ui.GetStringAsync("/Issues/WATER");
        Assert.Matches("id=\"count-playbooks\">2<", issuePage);
        Assert.Contains("/Playbooks/Details/", issuePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_playbook_names_its_fields_problems_and_is_never_more_open_than_what_it_names()
    {
        app.SkipIfUnavailable();
        var internalPost = await InternalPostAsync("PLAYBOOK-MX-INTERNAL-POST");
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var good = new Dictionary<string, object?>
        {
            ["code"] = "PB-TEST-CORRUPTION", ["nameEn"] = "A corruption case involves officials of both countries", ["nameEs"] = "Un caso de corrupción involucra a funcionarios de ambos países",
            ["issue"] = "CORRUPTION", ["mechanism"] = "BNC", ["owner"] = "MX-FOREIGN-SECRETARY",
            ["stepsEn"] = new[] { "Brief the Foreign Secretary.", "Request a call with the Department of Justice." },
            ["stepsEs"] = new[] { "Informar a la Cancillería.", "Solicitar una llamada con el Departamento de Justicia." },
        };

        async Task<string[]> With(string key, object? value) =>
            await ErrorFields(await mx.PostAsJsonAsync("/api/v1/playbooks", new Dictionary<string, object?>(good) { [key] = value }));

        Assert.Contains("owner", await With("owner", null));
        Assert.Contains("owner", await With("owner", "NO-SUCH-POST"));
        Assert.Contains("issue", await With("issue", "NO-SUCH-ISSUE"));
        Assert.Contains("issue", await With("issue", null));
        Assert.Contains("indicator", await With("indicator", "NO-SUCH-INDICATOR"));
        Assert.Contains("mechanism", await With("mechanism", "NOPE"));
        Assert.Contains("channelEn", await With("mechanism", null));
        Assert.Contains("channelEn", await With("channelEn", new string('x', 501)));
        Assert.Contains("stepsEn", await ErrorFields(await mx.PostAsJsonAsync("/api/v1/playbooks",
            new Dictionary<string, object?>(good) { ["stepsEn"] = Array.Empty<string>(), ["stepsEs"] = Array.Empty<string>() })));
        Assert.Contains("stepsEs", await With("stepsEs", new[] { "Solo un paso." }));
        Assert.Contains("stepsEn", await With("stepsEn", Enumerable.Range(1, 31).Select(i => $"Step {i}.").ToArray()));
        Assert.Contains("stepsEn", await With("stepsEn", new[] { new string('x', 501), "Two." }));
        Assert.Contains("code", await With("code", "not a code!"));

        // A Shared playbook cannot name a post only Mexico reads; an Internal one of Mexico can.
        Assert.Contains("owner", await With("owner", internalPost));
        var created = await CreatedAsync(await mx.PostAsJsonAsync("/api/v1/playbooks", new Dictionary<string, object?>(good)
        {
            ["owner"] = internalPost, ["confidentiality"] = "Internal", ["ownerSide"] = "MX",
        }));
        Assert.Equal(2, created.GetProperty("steps").GetArrayLength());
        var id = created.GetProperty("id").GetString();

        // The other side never meets it.
        using var us = await app.ApiAs(TestUsers.UsAnalyst);
        Assert.Equal(HttpStatusCode.NotFound, (await us.GetAsync($"/api/v1/playbooks/{id}")).StatusCode);
        Assert.Equal(0, (await Json(await us.GetAsync("/api/v1/playbooks?issue=CORRUPTION"))).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Json(await us.GetAsync("/api/v1/issues/CORRUPTION"))).GetProperty("playbooks").GetProperty("count").GetInt32());
        using var mxReader = await app.ApiAs(TestUsers.MxViewer);
        Assert.Equal(1, (await Json(await mxReader.GetAsync("/api/v1/issues/CORRUPTION"))).GetProperty("playbooks").GetProperty("count").GetInt32());

        // Making it Shared while it names that post is refused, naming the field.
        var update = new Dictionary<string, object?>(good) { ["owner"] = internalPost, ["confidentiality"] = "Shared", ["version"] = created.GetProperty("version").GetInt32() };
        Assert.Contains("owner", await ErrorFields(await mx.PutAsJsonAsync($"/api/v1/playbooks/{id}", update)));
    }

    [Fact]
    public async Task A_crisis_is_marked_with_checked_days_and_issue_and_listed_by_issue()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var good = new Dictionary<string, object?>
        {
            ["code"] = "CRISIS-TEST-2019", ["nameEn"] = "Tariff threat over migration", ["nameEs"] = "Amenaza arancelaria por migración",
            ["start"] = "2019-05-30", ["end"] = "2019-06-07", ["issue"] = "MIGRATION", ["confidentiality"] = "Shared",
        };

        async Task<string[]> With(string key, object? value) =>
            await ErrorFields(await mx.PostAsJsonAsync("/api/v1/crises", new Dictionary<string, object?>(good) { [key] = value }));

        Assert.Contains("end", await With("end", "2019-05-01"));
        Assert.Contains("end", await With("end", "2199-01-01"));
        Assert.Contains("start", await With("start", "2199-01-01"));
        Assert.Contains("start", await With("start", "30/05/2019"));
        Assert.Contains("start", await With("start", null));
        Assert.Contains("issue", await With("issue", "NOT-AN-ISSUE"));
        Assert.Contains("issue", await With("issue", null));
        Assert.Contains("nameEn", await ErrorFields(await mx.PostAsJsonAsync("/api/v1/crises", new Dictionary<string, object?>(good) { ["nameEn"] = "", ["nameEs"] = " " })));

        var created = await CreatedAsync(await mx.PostAsJsonAsync("/api/v1/crises", good));
        Assert.Equal(9, created.GetProperty("days").GetInt32());
        Assert.Equal("MIGRATION", created.GetProperty("issue").GetString());

        using var us = await app.ApiAs(TestUsers.UsAnalyst, "es-MX");
        var list = await Json(await us.GetAsync("/api/v1/crises?issue=MIGRATION"));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("name").GetString() == "Amenaza arancelaria por migración");
        Assert.Equal(0, (await Json(await us.GetAsync("/api/v1/crises?issue=WATER"))).GetProperty("total").GetInt32());
        Assert.Equal("2019-05-30", (await Json(await us.GetAsync("/api/v1/crises/CRISIS-TEST-2019"))).GetProperty("start").GetString());

        // The page form refuses an end before the start on its field, in the reader's language.
        using var ui = await app.UiAs(TestUsers.MxEditor, "es-MX");
        var refused = await FormPost.SubmitAsync(ui, "/Crises/Edit", new()
        {
            ["Input.Code"] = "CRISIS-TEST-FORM", ["Input.NameEn"] = "Test", ["Input.NameEs"] = "Prueba", ["Input.Start"] = "2020-02-01", ["Input.End"] = "2020-01-01",
            ["Input.Issue"] = "MIGRATION", ["Input.Confidentiality"] = "Shared", ["Input.OwnerSide"] = "MX", ["GrantsText"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("la crisis termina (2020-01-01) antes de empezar (2020-02-01)", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await ui.GetStringAsync("/Issues/MIGRATION");
        Assert.Contains("Amenaza arancelaria por migración", page[page.IndexOf("id=\"links-crises\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    /// <summary>A post only Mexico reads (Internal to MX).</summary>
    private async Task<string> InternalPostAsync(string code)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            if (!await db.Set<Post>().AnyAsync(p => p.Code == code))
            {
                var sre = await db.Actors.SingleAsync(a => a.Code == "MX-SRE");
                db.Add(new Post
                {
                    Id = Guid.CreateVersion7(), Code = code, NameEn = "Internal adviser", NameEs = "Asesoría interna", ActorId = sre.Id, Country = "MX",
                    Seniority = Seniority.SeniorOfficial, Confidentiality = Confidentiality.Internal, OwnerSide = Side.MX,
                });
                await db.SaveChangesAsync();
            }
        }

        return code;
    }
}
