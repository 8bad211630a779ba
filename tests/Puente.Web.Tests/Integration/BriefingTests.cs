using System.Net;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Agenda;
using Puente.Core.Catalog;
using Puente.Core.Commitments;
using Puente.Core.Memory;
using Puente.Core.Plans;
using Puente.Core.Warning;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// Briefings (issue 14, item 4): each kind's sections with links to their records, the facts as recorded, English and
/// Spanish, the marking (Shared, or Internal on the print's every page), MX Internal material never in a U.S. user's
/// briefing (an administrator's included), bad input, and the PDF's clear answer when no browser is configured.
/// </summary>
public abstract class BriefingTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    private const string MxSecretSession = "Confidential MX preparatory meeting";
    private const string MxSecretCommitment = "Internal MX fallback plan";
    private const string MxSecretPosition = "MX position held in reserve";
    private const string SharedCommitment = "Publish the joint water report";

    private static readonly string[] Sections = ["section-profile", "section-engagements", "section-commitments", "section-recommendations", "section-alerts", "section-signals"];

    /// <summary>The records: a Shared mechanism with a Shared session (a person in an MX post leading) and an MX-Internal
    /// one, a Shared and an MX-Internal commitment, an issue on it with positions, an assessment, a recommendation and an
    /// indicator; the MX post's U.S. counterpart and its holder.</summary>
    private sealed record Seeded(Guid Engagement, Guid SecretEngagement, Guid Post, Guid Person, Guid Mechanism, Guid Commitment, Guid Recommendation);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PuenteApp, Task<Seeded>> SeededByApp = [];

    private Task<Seeded> SeedAsync()
    {
        lock (SeededByApp)
        {
            return SeededByApp.GetValue(app, _ => CreateAsync());
        }
    }

    private async Task<Seeded> CreateAsync()
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            var sre = await db.Actors.SingleAsync(a => a.Code == "MX-SRE");
            var dos = await db.Actors.SingleAsync(a => a.Code == "US-DOS");
            var plan = await db.Set<Plan>().SingleAsync(p => p.Code == Plan.WhitePaperCode);
            var mechanism = new Mechanism { Id = Guid.CreateVersion7(), Code = "BRF-MECH", NameEn = "Briefing test commission", NameEs = "Comisión de prueba de notas", Participants = "MX,US", Cadence = Cadence.Annual };
            var mxPost = new Post { Id = Guid.CreateVersion7(), Code = "BRF-POST-MX", NameEn = "Director for water affairs", NameEs = "Director de asuntos hídricos", ActorId = sre.Id, Country = "MX", Seniority = Seniority.SeniorOfficial };
            var usPost = new Post { Id = Guid.CreateVersion7(), Code = "BRF-POST-US", NameEn = "Office director for Mexico water", NameEs = "Director de oficina de agua de México", ActorId = dos.Id, Country = "US", Seniority = Seniority.SeniorOfficial };
            var person = new Person { Id = Guid.CreateVersion7(), Code = "BRF-PERSON", NameEn = "Brígida Ruiz Ortega", NameEs = "Brígida Ruiz Ortega", Honorific = "Mtra." };
            var counterpart = new Person { Id = Guid.CreateVersion7(), Code = "BRF-COUNTERPART", NameEn = "Brent Underwood", NameEs = "Brent Underwood" };
            var issue = new AgendaIssue { Id = Guid.CreateVersion7(), Code = "BRF-ISSUE", NameEn = "Briefing test water issue", NameEs = "Tema de agua de prueba", MechanismCodes = ",BRF-MECH,", OwnerPostId = mxPost.Id };
            var session = Session("BRF-E1", "Fifth annual review", "Quinta revisión anual", new DateTime(2026, 6, 1, 10, 0, 0), mechanism.Id);
            session.IssueCodes = ",BRF-ISSUE,";
            session.SessionNumber = 5;
            session.OutcomesEn = "Agreed a joint report by March.";
            session.OutcomesEs = "Se acordó un informe conjunto para marzo.";
            var secret = Session("BRF-E2", MxSecretSession, "Reunión preparatoria confidencial de MX", new DateTime(2026, 7, 1, 10, 0, 0), mechanism.Id);
            secret.Confidentiality = Confidentiality.Internal;
            secret.OwnerSide = Side.MX;
            var participant = new Participant { Id = Guid.CreateVersion7(), Code = "P-BRF-1", PersonId = person.Id, Lead = true, Role = "co-chair", RoleEs = "copresidenta" };
            participant.FollowAccessOf(session);
            var shared = new Commitment
            {
                Id = Guid.CreateVersion7(), Code = "BRF-C1", NameEn = SharedCommitment, NameEs = "Publicar el informe conjunto del agua", Origin = CommitmentOrigin.Mechanism,
                MechanismId = mechanism.Id, EngagementId = session.Id, OwnerMxPostId = mxPost.Id, OwnerUsPostId = usPost.Id, MadeOn = new DateOnly(2026, 6, 1),
                Due = new DateOnly(2027, 3, 1), Status = CommitmentStatus.InProgress, StatusDate = new DateOnly(2026, 6, 15), IssueCodes = ",BRF-ISSUE,",
            };
            var internalCommitment = new Commitment
            {
                Id = Guid.CreateVersion7(), Code = "BRF-C2", NameEn = MxSecretCommitment, NameEs = "Plan alterno interno de MX", Origin = CommitmentOrigin.Mechanism,
                MechanismId = mechanism.Id, OwnerMxPostId = mxPost.Id, OwnerUsPostId = usPost.Id, MadeOn = new DateOnly(2026, 7, 1), IssueCodes = ",BRF-ISSUE,",
                Status = CommitmentStatus.NotStarted, StatusDate = new DateOnly(2026, 7, 1), Confidentiality = Confidentiality.Internal, OwnerSide = Side.MX,
            };
            var recommendation = new Recommendation
            {
                Id = Guid.CreateVersion7(), Code = "BRF-R1", Number = 9901, PlanId = plan.Id, Addressee = Addressee.MX, IssueCodes = ",BRF-ISSUE,",
                TextEn = "Hold the review every year", TextEs = "Celebrar la revisión cada año", Status = RecommendationStatus.InProgress, StatusDate = new DateOnly(2026, 5, 1),
            };
            var indicator = new Indicator { Id = Guid.CreateVersion7(), Code = "BRF-IND", NameEn = "Test reservoir level", NameEs = "Nivel de presa de prueba", Unit = "m", IssueCode = "BRF-ISSUE", Frequency = IndicatorFrequency.Month };
            db.AddRange(mechanism, mxPost, usPost, person, counterpart, issue, session, secret, participant, shared, internalCommitment, recommendation, indicator);
            foreach (var (period, value) in new[] { (new DateOnly(2026, 9, 1), 10.0), (new DateOnly(2026, 10, 1), 12.5) })
            {
                var v = new IndicatorValue { Id = Guid.CreateVersion7(), Code = IndicatorValue.NewCode(), Period = period, Value = value, FirstValue = value };
                v.FollowAccessOf(indicator);
                db.Add(v);
            }

            db.Add(new Tenure { Id = Guid.CreateVersion7(), Code = "T-BRF-1", PostId = mxPost.Id, PersonId = person.Id, From = new DateOnly(2020, 1, 1) });
            db.Add(new Tenure { Id = Guid.CreateVersion7(), Code = "T-BRF-2", PostId = usPost.Id, PersonId = counterpart.Id, From = new DateOnly(2021, 1, 1) });
            db.Add(new PostCounterpart { Id = Guid.CreateVersion7(), Code = "CP-BRF-1", PostId = mxPost.Id, CounterpartId = usPost.Id });
            db.Add(new IssuePosition { Id = Guid.CreateVersion7(), Code = "BRF-POS-MX", AgendaIssueId = issue.Id, Side = Side.MX, StatedOn = new DateOnly(2026, 4, 1),
                NameEn = MxSecretPosition, NameEs = "Posición de MX en reserva", Confidentiality = Confidentiality.Internal, OwnerSide = Side.MX });
            db.Add(new IssuePosition { Id = Guid.CreateVersion7(), Code = "BRF-POS-US", AgendaIssueId = issue.Id, Side = Side.US, StatedOn = new DateOnly(2026, 4, 2),
                NameEn = "Deliveries on schedule", NameEs = "Entregas a tiempo" });
            db.Add(new ConvergenceAssessment { Id = Guid.CreateVersion7(), Code = "BRF-CA-1", AgendaIssueId = issue.Id, Date = new DateOnly(2026, 5, 1), Level = Convergence.Partly,
                NoteEn = "Close on volumes, apart on timing", NoteEs = "Cerca en volúmenes, lejos en plazos" });
            await db.SaveChangesAsync();
            return new Seeded(session.Id, secret.Id, mxPost.Id, person.Id, mechanism.Id, shared.Id, recommendation.Id);
        }

        static Engagement Session(string code, string en, string es, DateTime start, Guid mechanism) => new()
        {
            Id = Guid.CreateVersion7(), Code = code, NameEn = en, NameEs = es, Kind = EngagementKind.MechanismSession, TimeZone = "America/Mexico_City",
            StartLocal = start, EndLocal = start.AddHours(2), StartUtc = DateTime.SpecifyKind(start.AddHours(6), DateTimeKind.Utc),
            EndUtc = DateTime.SpecifyKind(start.AddHours(8), DateTimeKind.Utc), StartDate = DateOnly.FromDateTime(start), Place = "Ciudad Juárez", MechanismId = mechanism,
        };
    }

    private static string Api(string kind, string id, string lang = "en", string format = "html") => $"/api/v1/briefings/{kind}/{id}?lang={lang}&format={format}";

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(TestUsers.TestUser user, string url, string? language = null)
    {
        using var client = await app.ApiAs(user, language);
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Every_kind_has_its_sections_and_every_statement_links_to_its_record()
    {
        app.SkipIfUnavailable();
        var s = await SeedAsync();
        foreach (var (kind, id) in new[] { ("engagement", s.Engagement.ToString()), ("post", "BRF-POST-MX"), ("person", "BRF-PERSON"), ("mechanism", "BRF-MECH"), ("issue", "BRF-ISSUE") })
        {
            var (status, html) = await GetAsync(TestUsers.UsAnalyst, Api(kind, id));
            Assert.Equal(HttpStatusCode.OK, status);
            foreach (var section in Sections)
            {
                Assert.Contains($"id=\"{section}\"", html, StringComparison.Ordinal);
            }

            // Every item names its record: the link's path and the record's id.
            var items = html.Split("<li ", StringSplitOptions.None).Skip(1).ToList();
            Assert.NotEmpty(items);
            Assert.All(items, item => Assert.Contains("class=\"item-source\" href=\"http", item, StringComparison.Ordinal));
            Assert.Contains($"/Commitments/Details/{s.Commitment}", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_briefing_states_the_recorded_facts_with_their_links()
    {
        app.SkipIfUnavailable();
        var s = await SeedAsync();
        var (_, engagement) = await GetAsync(TestUsers.UsAnalyst, Api("engagement", "BRF-E1"));
        Assert.Contains("Fifth annual review", engagement, StringComparison.Ordinal);
        Assert.Contains("Session 5 of Briefing test commission.", engagement, StringComparison.Ordinal);
        Assert.Contains("Participant: Brígida Ruiz Ortega, Director for water affairs (led the delegation).", engagement, StringComparison.Ordinal);
        Assert.Contains("Agreed a joint report by March.", engagement, StringComparison.Ordinal);
        Assert.Contains($"/People/Details/{s.Person}", engagement, StringComparison.Ordinal);
        Assert.Contains($"{SharedCommitment} — In progress since 15 Jun 2026; due 1 Mar 2027.", engagement, StringComparison.Ordinal);

        var (_, post) = await GetAsync(TestUsers.UsAnalyst, Api("post", "BRF-POST-MX"));
        Assert.Contains("Current holder: Brígida Ruiz Ortega, since 1 Jan 2020.", post, StringComparison.Ordinal);
        Assert.Contains("Counterpart of Director for water affairs: Office director for Mexico water, held by Brent Underwood.", post, StringComparison.Ordinal);
        Assert.Contains("Fifth annual review", post, StringComparison.Ordinal);

        var (_, mechanism) = await GetAsync(TestUsers.UsAnalyst, Api("mechanism", "BRF-MECH"));
        Assert.Contains("Health on ", mechanism, StringComparison.Ordinal);
        Assert.Contains("Last session: 1 Jun 2026", mechanism, StringComparison.Ordinal);
        Assert.Contains($"/Mechanisms/Details/{s.Mechanism}", mechanism, StringComparison.Ordinal);

        var (_, issue) = await GetAsync(TestUsers.UsAnalyst, Api("issue", "BRF-ISSUE"));
        Assert.Contains("Position of United States (stated 2 Apr 2026): Deliveries on schedule", issue, StringComparison.Ordinal);
        Assert.Contains("Convergence on 1 May 2026: ", issue, StringComparison.Ordinal);
        Assert.Contains("Close on volumes, apart on timing", issue, StringComparison.Ordinal);
        Assert.Contains("BRF-R1 — In progress (1 May 2026): Hold the review every year", issue, StringComparison.Ordinal);
        Assert.Contains($"/Recommendations/BRF-R1", issue, StringComparison.Ordinal);
        Assert.Contains("Test reservoir level: 12.50 m in October 2026, up from 10.00.", issue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_briefing_is_written_in_the_language_asked_for()
    {
        app.SkipIfUnavailable();
        await SeedAsync();
        var (status, html) = await GetAsync(TestUsers.MxViewer, Api("mechanism", "BRF-MECH", "es"), "en-US");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"es\"", html, StringComparison.Ordinal);
        foreach (var heading in new[] { "Quién y qué", "Historial de encuentros", "Compromisos abiertos y recientes", "Recomendaciones relacionadas del plan", "Alertas abiertas y tendencias de indicadores" })
        {
            Assert.Contains(heading, html, StringComparison.Ordinal);
        }

        Assert.Contains("Comisión de prueba de notas", html, StringComparison.Ordinal);
        Assert.Contains("Publicar el informe conjunto del agua", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Who and what", html, StringComparison.Ordinal);

        // Without lang, the request's language.
        var (_, english) = await GetAsync(TestUsers.MxViewer, "/api/v1/briefings/mechanism/BRF-MECH", "en-US");
        Assert.Contains("Who and what", english, StringComparison.Ordinal);
        Assert.Contains("Briefing test commission", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_marking_is_the_highest_the_briefing_contains_and_each_item_shows_its_own()
    {
        app.SkipIfUnavailable();
        await SeedAsync();
        // A U.S. reader reads only the Shared records of this mechanism: the briefing says Shared.
        var (_, us) = await GetAsync(TestUsers.UsAnalyst, Api("engagement", "BRF-E1"));
        Assert.Contains("Marking: <strong>Shared</strong>", us, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal", us, StringComparison.Ordinal);

        // An MX reader also reads the MX-Internal session and commitment: the briefing says so at its head, in the line
        // repeated on every printed page, and on those items.
        var (_, mx) = await GetAsync(TestUsers.MxEditor, Api("mechanism", "BRF-MECH"));
        Assert.Contains("Marking: <strong>Internal to side MX</strong>", mx, StringComparison.Ordinal);
        Assert.Contains("class=\"briefing-print-mark mark-internal\" aria-hidden=\"true\">Puente briefing · Briefing test commission · Marking: Internal to side MX<", mx, StringComparison.Ordinal);
        Assert.Contains("[Internal · MX]</span> 1 Jul 2026: " + MxSecretSession, mx, StringComparison.Ordinal);
        Assert.Contains("[Internal · MX]</span> " + MxSecretCommitment, mx, StringComparison.Ordinal);
        Assert.Contains("[Shared]</span> 1 Jun 2026: Fifth annual review", mx, StringComparison.Ordinal);
        // The print stylesheet repeats that line on every page.
        using var anonymous = app.Anonymous();
        var css = await anonymous.GetStringAsync("/css/briefing.css", TestContext.Current.CancellationToken);
        Assert.Contains(".briefing-print-mark { display: block; position: fixed;", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MX_Internal_material_is_never_in_a_US_users_briefing_not_even_an_administrators()
    {
        app.SkipIfUnavailable();
        var s = await SeedAsync();
        foreach (var user in new[] { TestUsers.UsAdmin, TestUsers.UsAnalyst, TestUsers.UsEditor, TestUsers.JointViewer })
        {
            foreach (var (kind, id) in new[] { ("engagement", "BRF-E1"), ("post", "BRF-POST-MX"), ("person", "BRF-PERSON"), ("mechanism", "BRF-MECH"), ("issue", "BRF-ISSUE") })
            {
                foreach (var lang in new[] { "en", "es" })
                {
                    var (status, html) = await GetAsync(user, Api(kind, id, lang));
                    Assert.Equal(HttpStatusCode.OK, status);
                    foreach (var secret in new[] { MxSecretSession, MxSecretCommitment, MxSecretPosition, "Reunión preparatoria confidencial", "Plan alterno interno", "Posición de MX en reserva", "BRF-E2", "BRF-C2", "BRF-POS-MX" })
                    {
                        Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
                    }

                    Assert.DoesNotContain("mark-internal", html, StringComparison.Ordinal);
                }
            }

            // The MX-Internal session's own briefing is missing to them, exactly like a session that does not exist.
            var (hidden, hiddenBody) = await GetAsync(user, Api("engagement", s.SecretEngagement.ToString()));
            var (missing, missingBody) = await GetAsync(user, Api("engagement", Guid.CreateVersion7().ToString()));
            Assert.Equal(HttpStatusCode.NotFound, hidden);
            Assert.Equal(HttpStatusCode.NotFound, missing);
            Assert.Equal(Strip(missingBody), Strip(hiddenBody));
            using var ui = await app.UiAs(user);
            Assert.Equal(HttpStatusCode.NotFound, (await ui.GetAsync($"/Briefings/engagement/{s.SecretEngagement}", TestContext.Current.CancellationToken)).StatusCode);
        }

        // The same briefing read by an MX user holds it.
        var (_, mx) = await GetAsync(TestUsers.MxAdmin, Api("mechanism", "BRF-MECH"));
        Assert.Contains(MxSecretSession, mx, StringComparison.Ordinal);

        static string Strip(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_localized_answer_naming_the_parameter()
    {
        app.SkipIfUnavailable();
        await SeedAsync();
        var (kind, kindBody) = await GetAsync(TestUsers.MxViewer, "/api/v1/briefings/treaty/BRF-MECH");
        Assert.Equal(HttpStatusCode.BadRequest, kind);
        Assert.Contains("\"kind\"", kindBody, StringComparison.Ordinal);
        Assert.Contains("'treaty' is none of them", kindBody, StringComparison.Ordinal);

        var (both, bothBody) = await GetAsync(TestUsers.MxViewer, "/api/v1/briefings/mechanism/BRF-MECH?lang=fr&format=docx", "es-MX");
        Assert.Equal(HttpStatusCode.BadRequest, both);
        Assert.Contains("\"lang\"", bothBody, StringComparison.Ordinal);
        Assert.Contains("El idioma es en o es; 'fr' no es ninguno.", bothBody, StringComparison.Ordinal);
        Assert.Contains("\"format\"", bothBody, StringComparison.Ordinal);
        Assert.Contains("El formato es html o pdf; 'docx' no es ninguno.", bothBody, StringComparison.Ordinal);

        var (longId, _) = await GetAsync(TestUsers.MxViewer, "/api/v1/briefings/post/" + new string('X', 300));
        Assert.Equal(HttpStatusCode.NotFound, longId);
        var (unknown, _) = await GetAsync(TestUsers.MxViewer, "/api/v1/briefings/issue/NO-SUCH-ISSUE");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }

    [Fact]
    public async Task Without_a_configured_browser_a_PDF_gets_a_clear_message_not_an_error()
    {
        app.SkipIfUnavailable();
        await SeedAsync();
        var (status, body) = await GetAsync(TestUsers.MxViewer, Api("mechanism", "BRF-MECH", format: "pdf"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("Puente:Briefings:ChromiumPath", body, StringComparison.Ordinal);
        Assert.Contains("PDF briefings are not available on this server.", body, StringComparison.Ordinal);

        var (spanish, spanishBody) = await GetAsync(TestUsers.MxViewer, Api("mechanism", "BRF-MECH", "es", "pdf"), "es-MX");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, spanish);
        Assert.Contains("Las notas en PDF no están disponibles en este servidor.", spanishBody, StringComparison.Ordinal);

        using var ui = await app.UiAs(TestUsers.MxViewer, "en-US");
        var page = await ui.GetStringAsync("/Briefings/mechanism/BRF-MECH", TestContext.Current.CancellationToken);
        Assert.Contains("id=\"briefing-pdf-unavailable\"", page, StringComparison.Ordinal);
        var pdf = await ui.GetAsync("/Briefings/mechanism/BRF-MECH?handler=Pdf", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Contains("Puente:Briefings:ChromiumPath", await pdf.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_briefing_page_is_linked_from_each_subjects_page_in_both_languages()
    {
        app.SkipIfUnavailable();
        var s = await SeedAsync();
        using var en = await app.UiAs(TestUsers.MxViewer, "en-US");
        var ct = TestContext.Current.CancellationToken;
        foreach (var (page, link) in new[]
        {
            ($"/Engagements/Details/{s.Engagement}", $"/Briefings/engagement/{s.Engagement}"),
            ($"/Posts/Details/{s.Post}", $"/Briefings/post/{s.Post}"),
            ($"/People/Details/{s.Person}", $"/Briefings/person/{s.Person}"),
            ($"/Mechanisms/Details/{s.Mechanism}", $"/Briefings/mechanism/{s.Mechanism}"),
            ("/Issues/BRF-ISSUE", "/Briefings/issue/BRF-ISSUE"),
        })
        {
            var html = await en.GetStringAsync(page, ct);
            Assert.Contains($"href=\"{link}\" id=\"briefing\"", html, StringComparison.Ordinal);
            var briefing = await en.GetStringAsync(link, ct);
            Assert.Contains("id=\"section-profile\"", briefing, StringComparison.Ordinal);
            Assert.Contains("id=\"briefing-es\"", briefing, StringComparison.Ordinal);
        }

        using var es = await app.UiAs(TestUsers.MxViewer, "es-MX");
        var spanish = await es.GetStringAsync($"/Briefings/mechanism/{s.Mechanism}?lang=es", ct);
        Assert.Contains("Idioma de la nota", spanish, StringComparison.Ordinal);
        Assert.Contains("Quién y qué", spanish, StringComparison.Ordinal);
        var english = await es.GetStringAsync($"/Briefings/mechanism/{s.Mechanism}?lang=en", ct);
        Assert.Contains("Who and what", english, StringComparison.Ordinal);
        Assert.Contains("Idioma de la nota", english, StringComparison.Ordinal);
    }
}

public sealed class SqliteBriefingTests(SqliteApp app) : BriefingTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresBriefingTests(PostgresApp app) : BriefingTests<PostgresApp>(app), IClassFixture<PostgresApp>;

/// <summary>The briefing browser's setting is checked at start: a path that is not a file stops the host, naming the key.</summary>
public sealed class BriefingConfigurationTests
{
    [Fact]
    public async Task The_web_host_does_not_start_with_a_Chromium_path_that_is_not_a_file_and_says_which_setting()
    {
        var dir = Directory.CreateTempSubdirectory("puente-briefings-config-").FullName;
        await using var web = WebProcess.Start(new Dictionary<string, string>
        {
            ["Puente__DataDirectory"] = dir,
            ["Puente__Briefings__ChromiumPath"] = "/nonexistent/chromium",
        });
        Assert.Equal(2, await web.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Puente cannot start: Puente:Briefings:ChromiumPath names '/nonexistent/chromium', which is not a file", web.Output, StringComparison.Ordinal);
    }
}
