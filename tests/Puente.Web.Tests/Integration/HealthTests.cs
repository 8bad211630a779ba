using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Commitments;
using Puente.Core.Health;
using Puente.Core.Memory;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// Mechanism health and the institutionalization index as their users meet them: the contract of the API, the seeded
/// history's answers, the status boundaries on made-up sessions, commitments counted by their status on the day, what
/// a reader cannot read left out, bad input refused with the field named, and the pages in both languages. Each test
/// that adds records uses a period of its own, so the tests of the class do not see each other's records.
/// </summary>
public abstract class HealthTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static string[] Dates(JsonElement items, string property) => [.. items.EnumerateArray().Select(i => i.GetProperty(property).GetString()!)];

    [Fact]
    public async Task Health_answers_the_contract_fields_first_and_the_seeded_HLED_is_late_in_mid_2018()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.UsAnalyst, "en-US");
        var h = await Json(await client.GetAsync("/api/v1/mechanisms/HLED/health?asOf=2018-06-30"));
        string[] contract = ["mechanism", "asOf", "status", "lastSession", "nextSession", "sessionsLast3Years", "administrationsMet", "openCommitments", "keptShare"];
        Assert.Equal(contract, h.EnumerateObject().Take(contract.Length).Select(p => p.Name));
        Assert.Equal("HLED", h.GetProperty("mechanism").GetString());
        Assert.Equal("2018-06-30", h.GetProperty("asOf").GetString());
        Assert.Equal("Late", h.GetProperty("status").GetString());
        Assert.Equal("2016-02-25", h.GetProperty("lastSession").GetString());
        Assert.Equal("2021-09-09", h.GetProperty("nextSession").GetString());
        Assert.False(h.GetProperty("nextSessionExpected").GetBoolean());
        Assert.Equal(1, h.GetProperty("sessionsLast3Years").GetInt32());
        Assert.Equal(["MX-PENA-NIETO", "US-OBAMA"], h.GetProperty("administrationsMet").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(0, h.GetProperty("openCommitments").GetInt32());
        Assert.Equal(JsonValueKind.Null, h.GetProperty("keptShare").ValueKind);
        Assert.Equal("Annual", h.GetProperty("cadence").GetString());
        var first = h.GetProperty("seniority")[0];
        Assert.Equal("HLED-2016-02-25", first.GetProperty("session").GetString());
        Assert.Equal("Cabinet", first.GetProperty("us").GetString()); // Pritzker, Secretary of Commerce that day

        // After the relaunch it has met under two administrations of each country.
        var later = await Json(await client.GetAsync("/api/v1/mechanisms/HLED/health?asOf=2023-12-31"));
        Assert.Equal("OnCadence", later.GetProperty("status").GetString());
        Assert.Equal(["MX-PENA-NIETO", "MX-LOPEZ-OBRADOR", "US-OBAMA", "US-BIDEN"], later.GetProperty("administrationsMet").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("2024-09-29", later.GetProperty("nextSession").GetString());
        Assert.True(later.GetProperty("nextSessionExpected").GetBoolean());
    }

    [Fact]
    public async Task The_seeded_HLED_history_is_late_through_2018_dormant_until_its_2021_relaunch_and_on_cadence_after_it()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.MxViewer);
        var history = await Json(await client.GetAsync("/api/v1/mechanisms/HLED/health/history?from=2013-01-01&to=2022-12-31&by=quarter"));
        var status = history.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("date").GetString()!, i => i.GetProperty("status").GetString()!);
        Assert.Equal(40, status.Count);
        Assert.Equal("NotYetMet", status["2013-06-30"]);
        Assert.Equal("OnCadence", status["2013-09-30"]);
        // Last session 25 February 2016: 18 months later (25 August 2017) it is late, 36 months later (25 February 2019) dormant.
        Assert.All(new[] { "2018-03-31", "2018-06-30", "2018-09-30", "2018-12-31" }, d => Assert.Equal("Late", status[d]));
        Assert.All(new[] { "2019-03-31", "2019-12-31", "2020-06-30", "2021-06-30" }, d => Assert.Equal("Dormant", status[d]));
        Assert.All(new[] { "2021-09-30", "2021-12-31", "2022-06-30", "2022-12-31" }, d => Assert.Equal("OnCadence", status[d]));
    }

    [Fact]
    public async Task The_index_has_a_value_between_0_and_100_for_every_quarter_since_2006()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.JointViewer);
        var series = await Json(await client.GetAsync("/api/v1/index/institutionalization?from=2006-01-01&by=quarter"));
        var items = series.GetProperty("items").EnumerateArray().ToList();
        // Up to today (the answer's "to"): one point per quarter, the last on today.
        var to = DateOnly.Parse(series.GetProperty("to").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(to.Year, TimeProvider.System.GetUtcNow().Year - 1, TimeProvider.System.GetUtcNow().Year);
        Assert.Equal(Quarters.Count(new DateOnly(2006, 1, 1), to), items.Count);
        Assert.True(items.Count >= 80);
        Assert.Equal("2006-03-31", items[0].GetProperty("asOf").GetString());
        Assert.All(items, i => Assert.InRange(i.GetProperty("value").GetDouble(), 0, 100));
        Assert.All(items, i => Assert.True(i.GetProperty("parts").GetProperty("belowHeadOfState").GetProperty("engagements").GetInt32() > 0));

        var one = await Json(await client.GetAsync("/api/v1/index/institutionalization?asOf=2023-12-31"));
        Assert.Equal(["asOf", "value", "parts"], one.EnumerateObject().Take(3).Select(p => p.Name));
        var parts = one.GetProperty("parts");
        Assert.Equal(["belowHeadOfState", "onCadence", "trackSpread", "continuity", "commitmentsKept"], parts.EnumerateObject().Select(p => p.Name));
        Assert.Equal(items.Single(i => i.GetProperty("asOf").GetString() == "2023-12-31").GetProperty("value").GetDouble(), one.GetProperty("value").GetDouble());
        Assert.Equal(1.0, parts.EnumerateObject().Sum(p => p.Value.GetProperty("effectiveWeight").GetDouble()), 3);
        Assert.Equal("2021-01-01", one.GetProperty("windowFrom").GetString());

        // One track: the spread is not defined and weighs nothing.
        var track = await Json(await client.GetAsync("/api/v1/index/institutionalization?asOf=2023-12-31&track=institutional"));
        Assert.Equal("INSTITUTIONAL", track.GetProperty("track").GetString());
        Assert.Equal(JsonValueKind.Null, track.GetProperty("parts").GetProperty("trackSpread").GetProperty("value").ValueKind);
        Assert.Equal(0, track.GetProperty("parts").GetProperty("trackSpread").GetProperty("effectiveWeight").GetDouble());
        Assert.InRange(track.GetProperty("value").GetDouble(), 0, 100);
    }

    /// <summary>A new Shared mechanism of the given cadence and its sessions, through the API as an MX editor.</summary>
    private static async Task CreateMechanismAsync(HttpClient editor, string code, string cadence, params string[] sessions)
    {
        var created = await editor.PostAsJsonAsync("/api/v1/mechanisms", new
        {
            code, nameEn = $"Test mechanism {code}", nameEs = $"Mecanismo de prueba {code}", participants = new[] { "MX", "US" }, cadence,
            confidentiality = "Shared", ownerSide = "MX",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        foreach (var day in sessions)
        {
            var session = await editor.PostAsJsonAsync("/api/v1/engagements", new
            {
                kind = "MechanismSession", titleEn = $"{code} session {day}", titleEs = $"Sesión {code} {day}", start = day, timeZone = "America/Mexico_City",
                mechanism = code, confidentiality = "Shared", ownerSide = "MX",
            });
            Assert.Equal(HttpStatusCode.Created, session.StatusCode);
        }
    }

    [Theory]
    // Annual: on cadence up to 18 months after the last session, late up to 36, dormant after.
    [InlineData("HT-ANNUAL", "Annual", "2030-01-15", "2031-07-15", "OnCadence")]
    [InlineData("HT-ANNUAL", "Annual", "2030-01-15", "2031-07-16", "Late")]
    [InlineData("HT-ANNUAL", "Annual", "2030-01-15", "2033-01-15", "Late")]
    [InlineData("HT-ANNUAL", "Annual", "2030-01-15", "2033-01-16", "Dormant")]
    [InlineData("HT-ANNUAL", "Annual", "2030-01-15", "2030-01-14", "NotYetMet")]
    // Quarterly: 4.5 months; 15 January + 4 months = 15 May, and half of 15 May–15 June (31 days) is 15.5 days.
    [InlineData("HT-QUARTERLY", "Quarterly", "2030-01-15", "2030-05-30", "OnCadence")]
    [InlineData("HT-QUARTERLY", "Quarterly", "2030-01-15", "2030-05-31", "Late")]
    [InlineData("HT-QUARTERLY", "Quarterly", "2030-01-15", "2030-10-15", "Late")]
    [InlineData("HT-QUARTERLY", "Quarterly", "2030-01-15", "2030-10-16", "Dormant")]
    // Ad hoc: never late; continuous: judged every three months.
    [InlineData("HT-ADHOC", "AdHoc", "2030-01-15", "2040-01-01", "AdHoc")]
    [InlineData("HT-CONTINUOUS", "Continuous", "2030-01-15", "2030-10-16", "Dormant")]
    public async Task The_status_turns_late_after_one_and_a_half_intervals_and_dormant_after_three(string code, string cadence, string session, string asOf,
        string expected)
    {
        app.SkipIfUnavailable();
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        if ((await editor.GetAsync($"/api/v1/mechanisms/{code}")).StatusCode == HttpStatusCode.NotFound)
        {
            await CreateMechanismAsync(editor, code, cadence, session);
        }

        using var reader = await app.ApiAs(TestUsers.UsAnalyst);
        var h = await Json(await reader.GetAsync($"/api/v1/mechanisms/{code}/health?asOf={asOf}"));
        Assert.Equal(expected, h.GetProperty("status").GetString());
        if (expected == "NotYetMet")
        {
            Assert.Equal(JsonValueKind.Null, h.GetProperty("lastSession").ValueKind);
            Assert.Equal(session, h.GetProperty("nextSession").GetString());
            Assert.False(h.GetProperty("nextSessionExpected").GetBoolean());
        }
        else
        {
            Assert.Equal(session, h.GetProperty("lastSession").GetString());
            Assert.Equal(expected == "AdHoc", h.GetProperty("nextSession").ValueKind == JsonValueKind.Null);
        }
    }

    [Fact]
    public async Task The_history_gives_the_status_at_each_quarter_end_as_it_was_then()
    {
        app.SkipIfUnavailable();
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        await CreateMechanismAsync(editor, "HT-HISTORY", "Biannual", "2050-02-10", "2052-05-20");
        var history = await Json(await editor.GetAsync("/api/v1/mechanisms/HT-HISTORY/health/history?from=2049-12-01&to=2052-08-15&by=quarter"));
        Assert.Equal("quarter", history.GetProperty("by").GetString());
        var items = history.GetProperty("items");
        Assert.Equal(["2049-12-31", "2050-03-31", "2050-06-30", "2050-09-30", "2050-12-31", "2051-03-31", "2051-06-30", "2051-09-30", "2051-12-31",
            "2052-03-31", "2052-06-30", "2052-08-15"], Dates(items, "date"));
        // Biannual: 9 months to late (10 November 2050), 18 months to dormant (10 August 2051).
        Assert.Equal(["NotYetMet", "OnCadence", "OnCadence", "OnCadence", "Late", "Late", "Late", "Dormant", "Dormant", "Dormant", "OnCadence", "OnCadence"],
            Dates(items, "status"));
        Assert.Equal("2050-02-10", items[9].GetProperty("lastSession").GetString());
        Assert.Equal("2052-05-20", items[10].GetProperty("lastSession").GetString());
    }

    [Fact]
    public async Task Commitments_count_by_their_status_on_the_day_and_partly_kept_counts_half()
    {
        app.SkipIfUnavailable();
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        await CreateMechanismAsync(editor, "HT-COMMIT", "Annual", "2060-01-10");
        var (scope, db) = app.Database();
        await using (scope)
        {
            var mechanism = await db.Mechanisms.SingleAsync(m => m.Code == "HT-COMMIT");
            var mx = await db.Set<Post>().SingleAsync(p => p.Code == "MX-FOREIGN-SECRETARY");
            var us = await db.Set<Post>().SingleAsync(p => p.Code == "US-SECRETARY-OF-STATE");
            void Add(string code, params (string Date, CommitmentStatus Status)[] changes)
            {
                var c = new Commitment
                {
                    Id = Guid.CreateVersion7(), Code = code, NameEn = code, NameEs = code, Origin = CommitmentOrigin.Mechanism, MadeOn = new DateOnly(2060, 1, 10),
                    Due = new DateOnly(2060, 9, 1), OwnerMxPostId = mx.Id, OwnerUsPostId = us.Id, MechanismId = mechanism.Id, Section = "III",
                    Status = changes.Length == 0 ? CommitmentStatus.NotStarted : changes[^1].Status,
                    StatusDate = changes.Length == 0 ? new DateOnly(2060, 1, 10) : DateOnly.Parse(changes[^1].Date, System.Globalization.CultureInfo.InvariantCulture),
                };
                db.Add(c);
                for (var i = 0; i < changes.Length; i++)
                {
                    var change = new CommitmentStatusChange
                    {
                        Id = Guid.CreateVersion7(), Code = Core.Records.RecordPart.NewCode(), Sequence = i + 1, Status = changes[i].Status,
                        Date = DateOnly.Parse(changes[i].Date, System.Globalization.CultureInfo.InvariantCulture),
                    };
                    change.FollowAccessOf(c);
                    db.Add(change);
                }
            }

            Add("HT-C-KEPT", ("2060-03-01", CommitmentStatus.InProgress), ("2060-06-01", CommitmentStatus.Kept));
            Add("HT-C-PARTLY", ("2060-07-01", CommitmentStatus.PartlyKept));
            Add("HT-C-BROKEN", ("2060-03-01", CommitmentStatus.Stalled), ("2060-10-01", CommitmentStatus.Broken));
            Add("HT-C-WITHDRAWN", ("2060-02-01", CommitmentStatus.Withdrawn));
            Add("HT-C-OPEN");
            await db.SaveChangesAsync();
        }

        using var reader = await app.ApiAs(TestUsers.JointViewer);
        async Task<(int Open, double? Kept, JsonElement Counts)> On(string day)
        {
            var h = await Json(await reader.GetAsync($"/api/v1/mechanisms/HT-COMMIT/health?asOf={day}"));
            var kept = h.GetProperty("keptShare");
            return (h.GetProperty("openCommitments").GetInt32(), kept.ValueKind == JsonValueKind.Null ? null : kept.GetDouble(), h.GetProperty("commitments"));
        }

        Assert.Equal(0, (await On("2060-01-09")).Open); // none made yet
        var march = await On("2060-03-15");
        Assert.Equal(4, march.Open);                    // all but the withdrawn one
        Assert.Null(march.Kept);
        var july = await On("2060-07-15");
        Assert.Equal(2, july.Open);                     // the broken one is still stalled, the last never started
        Assert.Equal(0.75, july.Kept);                  // kept and partly kept: (1 + ½) ÷ 2
        var december = await On("2060-12-31");
        Assert.Equal(1, december.Open);
        Assert.Equal(0.5, december.Kept);               // (1 + ½) ÷ 3
        Assert.Equal(1, december.Counts.GetProperty("closed").GetInt32());

        // The index counts those due in its window, open ones as not kept: (1 + ½) ÷ 4 on the day after they fell due.
        var index = await Json(await reader.GetAsync("/api/v1/index/institutionalization?asOf=2060-12-31"));
        var kept = index.GetProperty("parts").GetProperty("commitmentsKept");
        Assert.Equal((4, 1, 1, 1, 1), (kept.GetProperty("due").GetInt32(), kept.GetProperty("kept").GetInt32(), kept.GetProperty("partlyKept").GetInt32(),
            kept.GetProperty("broken").GetInt32(), kept.GetProperty("open").GetInt32()));
        Assert.Equal(0.375, kept.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Engagements_at_head_of_state_level_are_summits_or_have_a_head_of_state_taking_part()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.Database();
        await using (scope)
        {
            // A president of 1940 known only from a tenure: his level on the day comes from it.
            var sre = await db.Actors.SingleAsync(a => a.Code == "MX-SRE");
            var post = new Post { Id = Guid.CreateVersion7(), Code = "HT-HOS-POST", NameEn = "Head of state (test)", NameEs = "Jefe de Estado (prueba)", ActorId = sre.Id, Country = "MX", Seniority = Seniority.HeadOfState };
            var person = new Person { Id = Guid.CreateVersion7(), Code = "HT-HOS-PERSON", NameEn = "Test President", NameEs = "Presidente de prueba" };
            db.AddRange(post, person);
            db.Add(new Tenure { Id = Guid.CreateVersion7(), Code = "T-HT-HOS", PostId = post.Id, PersonId = person.Id, From = new DateOnly(1940, 1, 1), To = new DateOnly(1940, 7, 1) });
            await db.SaveChangesAsync();
        }

        using var editor = await app.ApiAs(TestUsers.MxEditor);
        async Task Engagement(string day, string kind, object[] participants, string[]? tracks = null)
        {
            var response = await editor.PostAsJsonAsync("/api/v1/engagements", new
            {
                kind, titleEn = $"Head-of-state test {day}", titleEs = $"Prueba de jefe de Estado {day}", start = day, timeZone = "America/Mexico_City",
                confidentiality = "Shared", ownerSide = "MX", participants, tracks = tracks ?? ["EXECUTIVE"],
            });
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        await Engagement("1940-02-01", "Summit", []);
        await Engagement("1940-02-02", "MinisterialMeeting", [new { post = "US-PRESIDENT" }]);
        await Engagement("1940-02-03", "MinisterialMeeting", [new { side = "US", seniority = "HeadOfState", role = "President" }]);
        await Engagement("1940-02-04", "MinisterialMeeting", [new { person = "HT-HOS-PERSON" }]);
        // The same person after his tenure, and a cabinet delegation: below head-of-state level.
        await Engagement("1940-08-01", "MinisterialMeeting", [new { person = "HT-HOS-PERSON" }, new { side = "MX", seniority = "Cabinet", role = "Minister" }], ["WATER"]);

        using var reader = await app.ApiAs(TestUsers.UsAnalyst);
        var index = await Json(await reader.GetAsync("/api/v1/index/institutionalization?asOf=1940-12-31"));
        var below = index.GetProperty("parts").GetProperty("belowHeadOfState");
        Assert.Equal((5, 4), (below.GetProperty("engagements").GetInt32(), below.GetProperty("atHeadOfState").GetInt32()));
        Assert.Equal(0.2, below.GetProperty("value").GetDouble());
        var spread = index.GetProperty("parts").GetProperty("trackSpread");
        Assert.Equal((5, 2), (spread.GetProperty("trackEngagements").GetInt32(), spread.GetProperty("tracksUsed").GetInt32()));

        var water = await Json(await reader.GetAsync("/api/v1/index/institutionalization?asOf=1940-12-31&track=WATER"));
        Assert.Equal(1, water.GetProperty("parts").GetProperty("belowHeadOfState").GetProperty("engagements").GetInt32());
        Assert.Equal(100, water.GetProperty("value").GetDouble()); // the one water engagement, below head-of-state level, is the only part with data
    }

    [Fact]
    public async Task A_session_and_a_commitment_of_the_other_side_that_the_reader_cannot_read_do_not_count()
    {
        app.SkipIfUnavailable();
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        await CreateMechanismAsync(editor, "HT-PRIVATE", "Annual");
        foreach (var (day, confidentiality) in new[] { ("1930-03-01", "Internal"), ("1930-04-01", "Restricted") })
        {
            var session = await editor.PostAsJsonAsync("/api/v1/engagements", new
            {
                kind = "MechanismSession", titleEn = $"Private session {day}", titleEs = $"Sesión privada {day}", start = day, timeZone = "America/Mexico_City",
                mechanism = "HT-PRIVATE", confidentiality, ownerSide = "MX", grants = confidentiality == "Restricted" ? new[] { "user:mx-viewer" } : null,
            });
            Assert.True(session.StatusCode == HttpStatusCode.Created, await session.Content.ReadAsStringAsync());
        }

        var (scope, db) = app.Database();
        await using (scope)
        {
            var mechanism = await db.Mechanisms.SingleAsync(m => m.Code == "HT-PRIVATE");
            var mx = await db.Set<Post>().SingleAsync(p => p.Code == "MX-FOREIGN-SECRETARY");
            var us = await db.Set<Post>().SingleAsync(p => p.Code == "US-SECRETARY-OF-STATE");
            db.Add(new Commitment
            {
                Id = Guid.CreateVersion7(), Code = "HT-C-INTERNAL", NameEn = "Internal pledge", NameEs = "Compromiso interno", Origin = CommitmentOrigin.Mechanism,
                MadeOn = new DateOnly(1930, 3, 1), Due = new DateOnly(1930, 6, 1), StatusDate = new DateOnly(1930, 3, 1), OwnerMxPostId = mx.Id, OwnerUsPostId = us.Id,
                MechanismId = mechanism.Id, Section = "III", Confidentiality = Confidentiality.Internal, OwnerSide = Side.MX,
            });
            await db.SaveChangesAsync();
        }

        async Task<(string Status, int Sessions, int Open, int Engagements, int Due)> As(TestUsers.TestUser user)
        {
            using var client = await app.ApiAs(user);
            var h = await Json(await client.GetAsync("/api/v1/mechanisms/HT-PRIVATE/health?asOf=1930-12-31"));
            var i = (await Json(await client.GetAsync("/api/v1/index/institutionalization?asOf=1930-12-31"))).GetProperty("parts");
            return (h.GetProperty("status").GetString()!, h.GetProperty("sessionsLast3Years").GetInt32(), h.GetProperty("openCommitments").GetInt32(),
                i.GetProperty("belowHeadOfState").GetProperty("engagements").GetInt32(), i.GetProperty("commitmentsKept").GetProperty("due").GetInt32());
        }

        // The MX viewer reads both sessions (the Restricted one is granted to them) and the Internal commitment.
        Assert.Equal(("OnCadence", 2, 1, 2, 1), await As(TestUsers.MxViewer));
        // The MX administrator reads the Internal session and commitment, not the Restricted session (not granted).
        Assert.Equal(("OnCadence", 1, 1, 1, 1), await As(TestUsers.MxAdmin));
        // The U.S. side reads none of them: for it the mechanism has not met.
        Assert.Equal(("NotYetMet", 0, 0, 0, 0), await As(TestUsers.UsEditor));
        Assert.Equal(("NotYetMet", 0, 0, 0, 0), await As(TestUsers.UsAnalyst));
    }

    [Theory]
    [InlineData("/api/v1/mechanisms/HLED/health?asOf=2018-13-01", "asOf")]
    [InlineData("/api/v1/mechanisms/HLED/health?asOf=1899-12-31", "asOf")]
    [InlineData("/api/v1/mechanisms/HLED/health/history?from=yesterday", "from")]
    [InlineData("/api/v1/mechanisms/HLED/health/history?to=2020-02-30", "to")]
    [InlineData("/api/v1/mechanisms/HLED/health/history?by=month", "by")]
    [InlineData("/api/v1/mechanisms/HLED/health/history?from=2020-01-01&to=2019-01-01", "to")]
    [InlineData("/api/v1/index/institutionalization?asOf=31/12/2020", "asOf")]
    [InlineData("/api/v1/index/institutionalization?track=NO-SUCH-TRACK", "track")]
    [InlineData("/api/v1/index/institutionalization?track=not%20a%20code", "track")]
    [InlineData("/api/v1/index/institutionalization?asOf=2020-01-01&from=2019-01-01", "asOf")]
    [InlineData("/api/v1/index/institutionalization?from=2020-01-01&to=2019-01-01&by=quarter", "to")]
    [InlineData("/api/v1/index/institutionalization?by=year", "by")]
    [InlineData("/api/v1/index/institutionalization?from=1900-01-01&to=2200-12-31", "from")]
    public async Task Bad_input_is_refused_with_the_field_named(string url, string field)
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.MxViewer, "es-MX");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var errors = problem.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.DoesNotContain("is not", errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal); // in Spanish
    }

    [Fact]
    public async Task An_unknown_mechanism_has_no_health()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.MxViewer);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/mechanisms/NO-SUCH-MECHANISM/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/mechanisms/NO-SUCH-MECHANISM/health/history")).StatusCode);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/mechanisms/HLED/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/index/institutionalization")).StatusCode);
    }

    [Fact]
    public async Task The_mechanism_page_shows_its_health_on_the_day_picked_in_english_and_spanish()
    {
        app.SkipIfUnavailable();
        using var en = await app.UiAs(TestUsers.MxViewer, "en-US");
        var page = await en.GetStringAsync("/Mechanisms/Details/HLED?asOf=2018-06-30");
        Assert.Contains("id=\"health-status\" data-status=\"Late\">Late<", page, StringComparison.Ordinal);
        Assert.Contains("a session is overdue", page, StringComparison.Ordinal);
        Assert.Contains("MX-PENA-NIETO, US-OBAMA", page, StringComparison.Ordinal);
        Assert.Contains("data-date=\"2019-03-31\" data-status=\"Dormant\"", page, StringComparison.Ordinal);
        Assert.Contains("data-date=\"2021-12-31\" data-status=\"OnCadence\"", page, StringComparison.Ordinal);

        using var es = await app.UiAs(TestUsers.MxViewer, "es-MX");
        var spanish = await es.GetStringAsync("/Mechanisms/Details/HLED?asOf=2019-06-30");
        Assert.Contains("data-status=\"Dormant\">Inactivo<", spanish, StringComparison.Ordinal);
        Assert.Contains("el mecanismo está inactivo", spanish, StringComparison.Ordinal);

        // A day that is not a date: the page says so and shows today.
        var bad = await en.GetStringAsync("/Mechanisms/Details/HLED?asOf=2018-02-31");
        Assert.Contains("id=\"asOf-error\"", bad, StringComparison.Ordinal);
        Assert.Contains("Showing today instead.", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_page_shows_the_value_its_parts_and_the_trend_and_takes_a_track()
    {
        app.SkipIfUnavailable();
        using var en = await app.UiAs(TestUsers.UsAnalyst, "en-US");
        var page = await en.GetStringAsync("/Institutionalization?asOf=2023-12-31");
        Assert.Contains("href=\"/Institutionalization\"", page, StringComparison.Ordinal); // in the navigation
        Assert.Matches("id=\"index-value\" data-value=\"[0-9.]+\"", page);
        foreach (var part in new[] { "part-below-head-of-state", "part-on-cadence", "part-track-spread", "part-continuity", "part-commitments-kept" })
        {
            Assert.Contains($"id=\"{part}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("data-date=\"2006-03-31\"", page, StringComparison.Ordinal);
        Assert.Contains("data-date=\"2023-12-31\"", page, StringComparison.Ordinal);

        using var es = await app.UiAs(TestUsers.UsAnalyst, "es-MX");
        var track = await es.GetStringAsync("/Institutionalization?asOf=2023-12-31&track=INSTITUTIONAL");
        Assert.Contains("Índice de institucionalización", track, StringComparison.Ordinal);
        Assert.Contains("<option value=\"INSTITUTIONAL\" selected=\"selected\">", track, StringComparison.Ordinal);
        var unknown = await es.GetStringAsync("/Institutionalization?track=NOPE");
        Assert.Contains("id=\"track-error\"", unknown, StringComparison.Ordinal);
    }
}
