using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Core.Memory;
using Puente.Core.Series;
using Puente.Core.Warning;
using Puente.Data.Warning;
using Puente.Web.Features.Alerts;
using Puente.Web.Mail;
using Puente.Web.Scheduling;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// Alerts end to end: values recorded through the one intake raise one alert per episode and detector, updated while the
/// signal persists and left open when it stops; people acknowledge, resolve or dismiss them through the API and the pages;
/// the accounts linked to the owner posts are told once per occasion, in the app and by e-mail through a real SMTP server,
/// and only of what they may read.
/// </summary>
public abstract class AlertTests<TApp>(TApp app)
    where TApp : PuenteApp, IMailApp
{
    /// <summary>The test indicators' detector settings: the parameters these tests' numbers were worked out for.</summary>
    private const string Settings = "ewma lambda=0.3 k=3 warmup=12; cusum k=0.5 h=5 warmup=12; seasonal change=0.25 lag=12";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly Start = new(2029, 1, 1);

    /// <summary>Two years of a gently varying level (100, 101, 102, …), monthly from January 2029.</summary>
    private static List<(DateOnly, double)> Quiet(int months = 24) => [.. Enumerable.Range(0, months).Select(i => (Start.AddMonths(i), 100.0 + (i % 3)))];

    private static (DateOnly, double) Month(int index, double value) => (Start.AddMonths(index), value);

    private Task RunAsync<TJob>()
        where TJob : class, Quartz.IJob => app.Factory.Services.GetRequiredService<IJobRunner>().RunAsync<TJob>(Ct);

    private static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;

    /// <summary>Creates an indicator (and anything else <paramref name="before"/> adds with it) and records its values through
    /// <see cref="IndicatorIntake"/>, which evaluates its alerts.</summary>
    private async Task<Guid> SeedAsync(string code, IReadOnlyList<(DateOnly, double)> values, Confidentiality confidentiality = Confidentiality.Shared,
        Side side = Side.MX, string? ownerPost = null, string? issue = null, Action<Data.PuenteDbContext, Indicator>? before = null)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            var indicator = new Indicator
            {
                Id = Guid.CreateVersion7(), Code = code, NameEn = $"{code} encounters", NameEs = $"{code} encuentros", Unit = "encounters",
                SourceEn = "Test source", SourceEs = "Fuente de prueba", Frequency = IndicatorFrequency.Month, Concern = Concern.Up,
                Confidentiality = confidentiality, OwnerSide = side, IssueCode = issue,
                // The indicator's own settings (more sensitive than the backtested defaults): the detectors read them.
                Detectors = Settings,
                OwnerPostId = ownerPost is null ? null : await db.Set<Post>().Where(p => p.Code == ownerPost).Select(p => (Guid?)p.Id).SingleAsync(Ct),
            };
            db.Add(indicator);
            before?.Invoke(db, indicator);
            await db.SaveChangesAsync(Ct);
            await scope.ServiceProvider.GetRequiredService<IndicatorIntake>().RecordAsync(indicator, values, Ct);
            return indicator.Id;
        }
    }

    private async Task RecordAsync(Guid indicatorId, params (DateOnly, double)[] values)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            var indicator = await db.Set<Indicator>().SingleAsync(i => i.Id == indicatorId, Ct);
            var result = await scope.ServiceProvider.GetRequiredService<IndicatorIntake>().RecordAsync(indicator, values, Ct);
            Assert.True(result.Changed);
        }
    }

    private static async Task<List<JsonElement>> AlertsOfAsync(HttpClient client, string indicator, string status = "")
    {
        var response = await client.GetAsync($"/api/v1/alerts?indicator={indicator}&pageSize=200{(status.Length > 0 ? "&status=" + status : "")}", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return [.. Json(body).GetProperty("items").EnumerateArray()];
    }

    private static JsonElement Of(List<JsonElement> alerts, string detector) => alerts.Single(a => a.GetProperty("detector").GetString() == detector);

    private static async Task<JsonElement> DetailAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/v1/alerts/{id}", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return Json(body);
    }

    private async Task LinkAsync(string userName, string posts, string email)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName, Ct);
            user.Posts = posts;
            user.Email = email;
            await db.SaveChangesAsync(Ct);
        }
    }

    [Fact]
    public async Task A_jump_opens_one_alert_per_detector_that_is_updated_while_it_persists_left_open_when_it_stops_and_not_reopened_once_dismissed()
    {
        app.SkipIfUnavailable();
        var series = Quiet().Append(Month(24, 180)).ToList();
        var id = await SeedAsync("ALT-JUMP", series);
        using var mx = await app.ApiAs(TestUsers.MxEditor);

        // One open alert per detector, each High: EWMA, CUSUM and the seasonal change all see the jump.
        var alerts = await AlertsOfAsync(mx, "ALT-JUMP");
        Assert.Equal(["cusum", "ewma", "seasonal"], alerts.Select(a => a.GetProperty("detector").GetString()).Order());
        Assert.All(alerts, a => Assert.Equal("Open", a.GetProperty("status").GetString()));
        Assert.All(alerts, a => Assert.Equal("High", a.GetProperty("severity").GetString()));
        var ewma = Of(alerts, "ewma");
        Assert.Equal("AL-ALT-JUMP-EWMA-20310101", ewma.GetProperty("code").GetString());
        Assert.Equal("2031-01-01", ewma.GetProperty("firstPeriod").GetString());
        Assert.True(ewma.GetProperty("active").GetBoolean());

        // Its numbers are the detector's own, and the explanation says them in both languages.
        var expected = new EwmaDetector(Lambda: 0.3, K: 3, Warmup: 12).Run([.. series.Select(v => new SeriesPoint(v.Item1, v.Item2))], Concern.Up).Single();
        var ewmaId = ewma.GetProperty("id").GetString()!;
        var detail = await DetailAsync(mx, ewmaId);
        Assert.Equal(180, detail.GetProperty("value").GetDouble());
        Assert.Equal(expected.Baseline, detail.GetProperty("baseline").GetDouble(), 9);
        Assert.Equal(expected.Statistic, detail.GetProperty("statistic").GetDouble(), 9);
        Assert.Equal(3, detail.GetProperty("threshold").GetDouble());
        Assert.Equal("ewma lambda=0.3 k=3 warmup=12", detail.GetProperty("settings").GetString());
        var en = detail.GetProperty("explanationEn").GetString()!;
        var baseline = AlertExplanation.Number(expected.Baseline, CultureInfo.GetCultureInfo("en-US"));
        Assert.Contains($"The value was 180 in January 2031, against a smoothed level of {baseline}", en, StringComparison.Ordinal);
        Assert.Contains($"{expected.Statistic.ToString("0.0", CultureInfo.InvariantCulture)} standard deviations above the smoothed level", en, StringComparison.Ordinal);
        Assert.Contains("Severity: high", en, StringComparison.Ordinal);
        Assert.Contains("desviaciones estándar por encima del nivel suavizado", detail.GetProperty("explanationEs").GetString(), StringComparison.Ordinal);
        Assert.Equal(en, detail.GetProperty("explanation").GetString());
        using var mxEs = await app.ApiAs(TestUsers.MxEditor, "es-MX");
        Assert.Equal(detail.GetProperty("explanationEs").GetString(), (await DetailAsync(mxEs, ewmaId)).GetProperty("explanation").GetString());
        var point = Assert.Single(detail.GetProperty("points").EnumerateArray());
        Assert.Equal("2031-01-01", point.GetProperty("period").GetString());

        // Evaluating again, on values' arrival or on schedule, changes nothing.
        var evaluator = app.Factory.Services.GetRequiredService<AlertEvaluator>();
        Assert.Equal(new AlertEvaluation(1, 0, 0), await evaluator.EvaluateAsync(id, Ct));
        await RunAsync<AlertEvaluationJob>();
        alerts = await AlertsOfAsync(mx, "ALT-JUMP");
        Assert.Equal(3, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(1, a.GetProperty("version").GetInt32()));

        // More values that keep signalling: the same alerts, extended.
        await RecordAsync(id, Month(25, 400));
        alerts = await AlertsOfAsync(mx, "ALT-JUMP");
        Assert.Equal(3, alerts.Count);
        ewma = Of(alerts, "ewma");
        Assert.Equal(ewmaId, ewma.GetProperty("id").GetString());
        Assert.Equal("2031-02-01", ewma.GetProperty("lastPeriod").GetString());
        Assert.Equal(400, ewma.GetProperty("value").GetDouble());
        Assert.Equal(2, (await DetailAsync(mx, ewmaId)).GetProperty("points").GetArrayLength());

        // The signal stops: the alerts stay open (people close them), no longer active.
        await RecordAsync(id, Month(26, 100));
        alerts = await AlertsOfAsync(mx, "ALT-JUMP");
        Assert.Equal(3, alerts.Count);
        Assert.All(alerts, a => Assert.Equal("Open", a.GetProperty("status").GetString()));
        Assert.All(alerts, a => Assert.False(a.GetProperty("active").GetBoolean()));
        Assert.Equal("2031-02-01", Of(alerts, "ewma").GetProperty("lastPeriod").GetString());

        // Dismissed as a false alarm: closed, and the same episode is never alerted again.
        var dismissed = await mx.PostAsJsonAsync($"/api/v1/alerts/{ewmaId}/dismiss", new { reason = "A holiday surge, known in advance." }, Ct);
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        Assert.Equal("Dismissed", Json(await dismissed.Content.ReadAsStringAsync(Ct)).GetProperty("status").GetString());
        Assert.Equal(new AlertEvaluation(1, 0, 0), await evaluator.EvaluateAsync(id, Ct));
        Assert.Single(await AlertsOfAsync(mx, "ALT-JUMP", "Dismissed"));
        Assert.DoesNotContain(await AlertsOfAsync(mx, "ALT-JUMP", "current"), a => a.GetProperty("detector").GetString() == "ewma");

        // A later episode opens a new alert; the open CUSUM alert is the same one, active again.
        var cusumId = Of(alerts, "cusum").GetProperty("id").GetString();
        await RecordAsync(id, Month(27, 5000));
        var current = await AlertsOfAsync(mx, "ALT-JUMP", "current");
        var fresh = Of(current, "ewma");
        Assert.NotEqual(ewmaId, fresh.GetProperty("id").GetString());
        Assert.Equal("2031-04-01", fresh.GetProperty("firstPeriod").GetString());
        Assert.Equal("AL-ALT-JUMP-EWMA-20310401", fresh.GetProperty("code").GetString());
        Assert.Equal(cusumId, Of(current, "cusum").GetProperty("id").GetString());
        Assert.True(Of(current, "cusum").GetProperty("active").GetBoolean());
        Assert.Equal("Dismissed", (await DetailAsync(mx, ewmaId)).GetProperty("status").GetString());
        Assert.Equal(4, (await AlertsOfAsync(mx, "ALT-JUMP")).Count);
    }

    [Fact]
    public async Task Evaluations_of_one_indicator_at_the_same_time_leave_one_alert_per_detector_and_fail_none()
    {
        app.SkipIfUnavailable();
        Guid id;
        var (scope, db) = app.Database();
        await using (scope)
        {
            // Values written straight to the table (not through the intake), so that nothing has evaluated them yet.
            var indicator = new Indicator { Id = Guid.CreateVersion7(), Code = "ALT-RACE", NameEn = "Race", NameEs = "Carrera", Frequency = IndicatorFrequency.Month, Detectors = Settings };
            db.Add(indicator);
            foreach (var (period, value) in Quiet().Append(Month(24, 180)))
            {
                var v = new IndicatorValue { Id = Guid.CreateVersion7(), Code = Core.Records.RecordPart.NewCode(), Period = period, Value = value, FirstValue = value };
                v.FollowAccessOf(indicator);
                db.Add(v);
            }

            indicator.LatestPeriod = Start.AddMonths(24);
            await db.SaveChangesAsync(Ct);
            id = indicator.Id;
        }

        // As two nodes (or an import beside the scheduled run) would: each loser of the race reads again, none fails.
        var evaluator = app.Factory.Services.GetRequiredService<AlertEvaluator>();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => evaluator.EvaluateAsync(id, Ct), Ct)));
        Assert.Equal(3, results.Sum(r => r.Opened));
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var alerts = await AlertsOfAsync(mx, "ALT-RACE");
        Assert.Equal(["cusum", "ewma", "seasonal"], alerts.Select(a => a.GetProperty("detector").GetString()).Order());
    }

    [Fact]
    public async Task An_alert_names_its_agenda_issue_only_to_readers_of_the_issue()
    {
        app.SkipIfUnavailable();
        // A Shared indicator about a Mexican-internal agenda issue.
        await SeedAsync("ALT-HIDDEN-ISSUE", [.. Quiet(), Month(24, 180)], issue: "ALT-MX-ISSUE", before: (db, _) => db.Add(new AgendaIssue
        {
            Id = Guid.CreateVersion7(), Code = "ALT-MX-ISSUE", NameEn = "A Mexican-internal issue", NameEs = "Un tema interno de México",
            Confidentiality = Confidentiality.Internal, OwnerSide = Side.MX,
        }));
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        using var us = await app.ApiAs(TestUsers.UsEditor);
        Assert.All(await AlertsOfAsync(mx, "ALT-HIDDEN-ISSUE"), a => Assert.Equal("ALT-MX-ISSUE", a.GetProperty("issue").GetString()));
        var seen = await AlertsOfAsync(us, "ALT-HIDDEN-ISSUE");
        Assert.Equal(3, seen.Count);
        Assert.All(seen, a => Assert.Equal(JsonValueKind.Null, a.GetProperty("issue").ValueKind));
        var detail = await DetailAsync(us, seen[0].GetProperty("id").GetString()!);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("issue").ValueKind);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("issueName").ValueKind);
        Assert.Empty(Json(await us.GetStringAsync("/api/v1/alerts?issue=ALT-MX-ISSUE", Ct)).GetProperty("items").EnumerateArray());
        Assert.Equal(3, Json(await mx.GetStringAsync("/api/v1/alerts?issue=ALT-MX-ISSUE", Ct)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_lifecycle_is_linear_audited_and_refuses_what_does_not_follow_with_409_or_400()
    {
        app.SkipIfUnavailable();
        var id = await SeedAsync("ALT-LIFE", [.. Quiet(), Month(24, 180)]);
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        using var viewer = await app.ApiAs(TestUsers.MxViewer);
        var alertId = Of(await AlertsOfAsync(mx, "ALT-LIFE"), "ewma").GetProperty("id").GetString();
        async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string step, object? body)
        {
            var response = body is null
                ? await client.PostAsync($"/api/v1/alerts/{alertId}/{step}", null, Ct)
                : await client.PostAsJsonAsync($"/api/v1/alerts/{alertId}/{step}", body, Ct);
            return (response.StatusCode, Json(await response.Content.ReadAsStringAsync(Ct)));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(viewer, "acknowledge", null)).Status);
        var (status, body) = await PostAsync(mx, "dismiss", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("reason is required", body.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
        (status, body) = await PostAsync(mx, "dismiss", new { reason = new string('x', Alert.ReasonMaxLength + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(mx, "acknowledge", new { version = 99 })).Status);

        (status, body) = await PostAsync(mx, "acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Acknowledged", body.GetProperty("status").GetString());
        Assert.Equal("mx-editor", body.GetProperty("acknowledgedBy").GetString());
        (status, body) = await PostAsync(mx, "acknowledge", null);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Only an open alert can be acknowledged; this one is acknowledged.", body.GetProperty("title").GetString());

        // A step based on the version before the acknowledgement is refused: someone changed the alert meanwhile.
        var version = (await DetailAsync(mx, alertId!)).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(mx, "resolve", new { reason = "stale", version = version - 1 })).Status);
        (status, body) = await PostAsync(mx, "resolve", new { reason = "Consulted the border liaison; no action needed.", version });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Resolved", body.GetProperty("status").GetString());
        Assert.Equal(["opened", "acknowledged", "resolved"], body.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("step").GetString()));
        (status, body) = await PostAsync(mx, "resolve", null);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("This alert is already resolved; a closed alert does not change.", body.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(mx, "dismiss", new { reason = "late" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await mx.PostAsync($"/api/v1/alerts/{Guid.NewGuid()}/acknowledge", null, Ct)).StatusCode);

        // Each step is in the indicator's audit trail, and the closed alert frees the detector's open key.
        var (scope, db) = app.Database();
        await using (scope)
        {
            var alert = await db.Set<Alert>().SingleAsync(a => a.Id == Guid.Parse(alertId!), Ct);
            Assert.Null(alert.OpenKey);
            var entries = await db.AuditEntries.Where(e => e.RecordId == id && e.EntityType == nameof(Alert) && e.RecordLabel == alert.Code).ToListAsync(Ct);
            Assert.Equal(3, entries.Count); // created (by the system), acknowledged, resolved
            Assert.Equal(2, entries.Count(e => e.Actor == "mx-editor"));
        }

        // Filters are checked and named.
        var bad = await mx.GetAsync("/api/v1/alerts?status=Bogus", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(Json(await bad.Content.ReadAsStringAsync(Ct)).GetProperty("errors").TryGetProperty("status", out _));
        bad = await mx.GetAsync("/api/v1/alerts?severity=Extreme&issue=not%20a%20code", Ct);
        var errors = Json(await bad.Content.ReadAsStringAsync(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("severity", out _) && errors.TryGetProperty("issue", out _));
        Assert.Contains(await AlertsOfAsync(mx, "ALT-LIFE", "closed"), a => a.GetProperty("id").GetString() == alertId);
        Assert.Empty(await AlertsOfAsync(mx, "NO-SUCH-INDICATOR"));
    }

    [Fact]
    public async Task The_pages_list_by_severity_explain_and_take_lifecycle_steps_with_anti_forgery()
    {
        app.SkipIfUnavailable();
        await SeedAsync("ALT-PAGE", [.. Quiet(), Month(24, 180)]);
        using var api = await app.ApiAs(TestUsers.MxEditor);
        var alert = Of(await AlertsOfAsync(api, "ALT-PAGE"), "seasonal");
        var id = alert.GetProperty("id").GetString();

        using var ui = await app.UiAs(TestUsers.MxEditor, "es-MX");
        var list = await ui.GetStringAsync("/Alerts?indicator=ALT-PAGE", Ct);
        Assert.Contains("AL-ALT-PAGE-SEASONAL-20310101", list, StringComparison.Ordinal);
        Assert.Contains("id=\"severity-High\"", list, StringComparison.Ordinal);
        var page = await ui.GetStringAsync($"/Alerts/{id}", Ct);
        Assert.Contains("Por qué esta alerta", page, StringComparison.Ordinal);
        Assert.Contains("+80 % frente al mismo mes de un año antes", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("id=\"alert-chart\"", page, StringComparison.Ordinal);
        Assert.Contains("data-date=\"2031-01-01\"", page, StringComparison.Ordinal);

        // Dismissing needs a reason; the page says so, and the alert stays open.
        var refused = await FormPost.SubmitAsync(ui, $"/Alerts/{id}", new() { ["Input.Reason"] = "" }, $"/Alerts/{id}/Step?handler=Dismiss");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Para descartar una alerta hace falta un motivo", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var done = await FormPost.SubmitAsync(ui, $"/Alerts/{id}", new() { ["Input.Reason"] = "Dato duplicado en la fuente." }, $"/Alerts/{id}/Step?handler=Dismiss");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await DetailAsync(api, id!);
        Assert.Equal("Dismissed", after.GetProperty("status").GetString());
        Assert.Equal("Dato duplicado en la fuente.", after.GetProperty("reason").GetString());
        Assert.Contains("Dato duplicado en la fuente.", await ui.GetStringAsync($"/Alerts/{id}", Ct), StringComparison.Ordinal);

        // Without the anti-forgery token the post is refused; a viewer cannot reach the forms.
        var forged = await ui.PostAsync($"/Alerts/{id}/Step?handler=Resolve", new FormUrlEncodedContent(new Dictionary<string, string>()), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var viewer = await app.UiAs(TestUsers.MxViewer);
        Assert.DoesNotContain("dismiss-form", await viewer.GetStringAsync($"/Alerts/{id}", Ct), StringComparison.Ordinal);
        var denied = await viewer.GetAsync($"/Alerts/{id}/Step", Ct);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
    }

    private List<MimeMessage> MailAbout(string code, string address) =>
        [.. app.Mail.Smtp.Received.Where(m => (m.Subject ?? "").Contains(code, StringComparison.Ordinal) && m.To.Mailboxes.Any(b => b.Address == address))];

    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient client) =>
        [.. Json(await client.GetStringAsync("/api/v1/notifications", Ct)).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == AlertAnnouncer.Kind)];

    [Fact]
    public async Task The_owner_posts_accounts_are_told_once_per_opening_and_escalation_and_only_of_what_they_may_read()
    {
        app.SkipIfUnavailable();
        const string usMail = "analyst.dhs@state.example", mxMail = "enlace.seguridad@sre.example", mxIssueMail = "tema.migracion@sre.example";
        await LinkAsync(TestUsers.UsAnalyst.Name, "US-HOMELAND-SECURITY-SECRETARY", usMail);
        await LinkAsync(TestUsers.MxEditor.Name, "MX-SECURITY-SECRETARY", mxMail);
        await LinkAsync(TestUsers.MxViewer.Name, "MX-FOREIGN-SECRETARY", mxIssueMail);
        var (scope, db) = app.Database();
        await using (scope)
        {
            // The diaspora issue (no seeded playbook: the test's own are the only ones) is owned by the Foreign Secretary's
            // post (linked to the MX viewer).
            var issue = await db.AgendaIssues.SingleAsync(i => i.Code == "DIASPORA", Ct);
            issue.OwnerPostId = await db.Set<Post>().Where(p => p.Code == "MX-FOREIGN-SECRETARY").Select(p => p.Id).SingleAsync(Ct);
            await db.SaveChangesAsync(Ct);
        }

        void Playbook(Data.PuenteDbContext db, Indicator indicator, string code) => db.Add(new Playbook
        {
            Id = Guid.CreateVersion7(), Code = code, NameEn = $"{code} consult the security group", NameEs = $"{code} consultar al grupo de seguridad",
            IndicatorId = indicator.Id, ChannelEn = "Call between the security secretaries", ChannelEs = "Llamada entre secretarías de seguridad",
            StepsEn = "Call the counterpart\nShare the figures", StepsEs = "Llamar a la contraparte\nCompartir las cifras",
            OwnerPostId = db.Set<Post>().Single(p => p.Code == "MX-SECURITY-SECRETARY").Id,
            Confidentiality = Confidentiality.Internal, OwnerSide = Side.MX,
        });

        // A Mexican-internal indicator owned by the U.S. post: its alert is for Mexican readers only.
        await SeedAsync("ALT-MXONLY", [.. Quiet(), Month(24, 180)], Confidentiality.Internal, Side.MX, "US-HOMELAND-SECURITY-SECRETARY", "DIASPORA",
            (db, i) => Playbook(db, i, "PB-ALT-MXONLY"));
        // A Shared indicator (flat, then +30 %, then +50 % against a year earlier): the seasonal alert opens Low, then escalates to
        // High (EWMA stays under 3 deviations and CUSUM has a flat warm-up: neither fires).
        var flat = Enumerable.Range(0, 13).Select(i => Month(i, 100)).ToList();
        var shared = await SeedAsync("ALT-SHARED", [.. flat, Month(13, 130)], Confidentiality.Shared, Side.MX, "US-HOMELAND-SECURITY-SECRETARY", "DIASPORA",
            (db, i) => Playbook(db, i, "PB-ALT-SHARED"));
        await RunAsync<AlertEvaluationJob>();
        await RecordAsync(shared, Month(14, 150));
        await RunAsync<AlertEvaluationJob>();
        await RunAsync<MailDispatchJob>();
        await RunAsync<MailDispatchJob>();

        using var us = await app.ApiAs(TestUsers.UsAnalyst);
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        using var mxViewer = await app.ApiAs(TestUsers.MxViewer);
        var sharedAlert = Assert.Single(await AlertsOfAsync(mx, "ALT-SHARED"));
        Assert.Equal("seasonal", sharedAlert.GetProperty("detector").GetString());
        Assert.Equal("High", sharedAlert.GetProperty("severity").GetString());
        var sharedCode = sharedAlert.GetProperty("code").GetString()!;
        var mxOnly = Of(await AlertsOfAsync(mx, "ALT-MXONLY"), "ewma");
        var mxOnlyCode = mxOnly.GetProperty("code").GetString()!;

        // The U.S. account, linked to both indicators' owner post, hears only of the one it may read: opened, then escalated.
        Assert.Equal(["escalated-High", "opened"], (await NotificationsAsync(us)).Select(n => n.GetProperty("occasion").GetString()).Order());
        Assert.All(await NotificationsAsync(us), n => Assert.Contains(sharedCode, n.GetProperty("title").GetString(), StringComparison.Ordinal));
        var usMails = MailAbout(sharedCode, usMail);
        Assert.Equal(2, usMails.Count);
        var opened = Assert.Single(usMails, m => (m.Subject ?? "").StartsWith($"Puente: alert {sharedCode} opened (low)", StringComparison.Ordinal)); // English first for U.S.
        Assert.Single(usMails, m => (m.Subject ?? "").StartsWith($"Puente: alert {sharedCode} escalated to high", StringComparison.Ordinal));
        Assert.Contains("+30% against the same month a year earlier", opened.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/Alerts/{sharedAlert.GetProperty("id").GetString()}", opened.TextBody, StringComparison.Ordinal);
        // The playbook is Mexican-internal: the U.S. e-mails do not carry it.
        Assert.All(usMails, m => Assert.DoesNotContain("PB-ALT-SHARED", m.TextBody, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Mail.Smtp.Received, m => m.To.Mailboxes.Any(b => b.Address == usMail) && (m.Subject ?? "").Contains(mxOnlyCode, StringComparison.Ordinal));
        Assert.Empty(await AlertsOfAsync(us, "ALT-MXONLY"));
        Assert.DoesNotContain((await us.GetStringAsync("/api/v1/alerts?pageSize=200", Ct)), mxOnlyCode, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await us.GetAsync($"/api/v1/alerts/{mxOnly.GetProperty("id").GetString()}", Ct)).StatusCode);
        // Never the Mexican-internal playbook: a U.S. reader sees at most a playbook every reader may read (a seeded Shared one).
        var usPlaybook = (await DetailAsync(us, sharedAlert.GetProperty("id").GetString()!)).GetProperty("playbook");
        Assert.True(usPlaybook.ValueKind == JsonValueKind.Null || usPlaybook.GetProperty("code").GetString() != "PB-ALT-SHARED");

        // The playbook's owner (MX editor) and the issue's owner (MX viewer) hear of both, in Spanish first, with the playbook.
        var mxOnlyMail = Assert.Single(MailAbout(mxOnlyCode, mxMail));
        Assert.StartsWith($"Puente: alerta {mxOnlyCode} abierta (alta)", mxOnlyMail.Subject, StringComparison.Ordinal);
        Assert.Contains("Protocolo: PB-ALT-MXONLY consultar al grupo de seguridad", mxOnlyMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("1. Llamar a la contraparte", mxOnlyMail.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, MailAbout(sharedCode, mxMail).Count);
        Assert.Equal(2, MailAbout(sharedCode, mxIssueMail).Count);
        Assert.Single(MailAbout(mxOnlyCode, mxIssueMail));
        Assert.Contains(await NotificationsAsync(mxViewer), n => n.GetProperty("title").GetString()!.Contains(mxOnlyCode, StringComparison.Ordinal));
        var playbook = (await DetailAsync(mx, sharedAlert.GetProperty("id").GetString()!)).GetProperty("playbook");
        Assert.Equal("PB-ALT-SHARED", playbook.GetProperty("code").GetString());
        Assert.Equal(["Call the counterpart", "Share the figures"], playbook.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("MX-SECURITY-SECRETARY", playbook.GetProperty("ownerPost").GetString());

        // Running everything again tells no one anything twice.
        await RunAsync<AlertEvaluationJob>();
        await RunAsync<MailDispatchJob>();
        Assert.Equal(2, MailAbout(sharedCode, usMail).Count);
        Assert.Equal(2, (await NotificationsAsync(us)).Count);

        // The U.S. pages agree: the list and the notifications show the shared alert, never the Mexican one.
        using var usUi = await app.UiAs(TestUsers.UsAnalyst);
        var usList = await usUi.GetStringAsync("/Alerts?status=all", Ct);
        Assert.Contains(sharedCode, usList, StringComparison.Ordinal);
        Assert.DoesNotContain(mxOnlyCode, usList, StringComparison.Ordinal);
        Assert.DoesNotContain(mxOnlyCode, await usUi.GetStringAsync("/Notifications", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await usUi.GetAsync($"/Alerts/{mxOnly.GetProperty("id").GetString()}", Ct)).StatusCode);
    }
}
