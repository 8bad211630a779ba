using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Core.Commitments;
using Puente.Core.Memory;
using Puente.Core.Records;
using Puente.Data.Calendar;
using Puente.Data.Identity;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// Per-user calendar feeds (docs/decisions/0053-calendar-feeds.md): follows, the feed's content read back with
/// Ical.Net, its time zones, its secret (renew, revoke, bad secrets), the account's access at each fetch, and no secret
/// in any log entry. The clock stands on 10 January 2026.
/// </summary>
public abstract class CalendarFeedTests<TApp>(TApp app)
    where TApp : PuenteApp, ICalendarApp
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CalendarClock.Start.UtcDateTime);

    [Fact]
    public async Task Following_an_engagement_puts_it_in_the_feed_and_unfollowing_takes_it_out()
    {
        app.SkipIfUnavailable();
        var e = await AddEngagementAsync("CAL-FOLLOW", "Follow test meeting", "Reunión de prueba de seguimiento", "America/Mexico_City", new DateTime(2026, 1, 20, 10, 0, 0));
        using var api = await app.ApiAs(TestUsers.MxEditor);
        var url = await RenewAsync(api);
        Assert.DoesNotContain(await EventsAsync(url), ev => ev.Summary == "Follow test meeting");

        var created = await api.PostAsJsonAsync("/api/v1/follows", new { type = "engagement", id = e.Code });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dto = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Engagement", dto.GetProperty("type").GetString());
        Assert.Equal(e.Id, dto.GetProperty("id").GetGuid());
        Assert.Equal("Follow test meeting", dto.GetProperty("title").GetString());

        using var anonymous = app.Anonymous();
        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true });
        var ev = Assert.Single(Parse(await response.Content.ReadAsStringAsync()).Events, x => x.Uid == $"engagement-{e.Id}@puente");
        Assert.Equal("Follow test meeting", ev.Summary);
        Assert.EndsWith($"/Engagements/Details/{e.Id}", ev.Url!.ToString(), StringComparison.Ordinal);
        Assert.Equal("Mexico City, SRE", ev.Location);

        // The same event in Spanish when the address asks for it.
        Assert.Contains(await EventsAsync(url + "?lang=es"), x => x.Summary == "Reunión de prueba de seguimiento");

        var listed = await api.GetFromJsonAsync<JsonElement>("/api/v1/follows");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == e.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/follows/engagement/{e.Id}")).StatusCode);
        Assert.DoesNotContain(await EventsAsync(url), x => x.Uid == $"engagement-{e.Id}@puente");
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/follows/engagement/{e.Id}")).StatusCode);
    }

    [Fact]
    public async Task Engagements_keep_their_place_zone_and_commitments_are_all_day_on_their_due_date()
    {
        app.SkipIfUnavailable();
        var mechanism = await AddMechanismAsync("CAL-ZONES");
        var mexico = await AddEngagementAsync("CAL-MX-WINTER", "Mexico City winter meeting", "Reunión de invierno", "America/Mexico_City", new DateTime(2026, 1, 20, 10, 0, 0), mechanism.Id);
        var before = await AddEngagementAsync("CAL-NY-EST", "New York before the clock change", "Nueva York antes", "America/New_York", new DateTime(2026, 3, 5, 10, 0, 0), mechanism.Id);
        var after = await AddEngagementAsync("CAL-NY-EDT", "New York after the clock change", "Nueva York después", "America/New_York", new DateTime(2026, 3, 20, 10, 0, 0), mechanism.Id);
        var allDay = await AddEngagementAsync("CAL-ALLDAY", "All-day visit", "Visita de un día", "America/Mexico_City", new DateTime(2026, 2, 3), mechanism.Id, allDay: true);
        var pledge = await AddCommitmentAsync("CAL-PLEDGE", "Deliver the zone report", "Entregar el informe", new DateOnly(2026, 2, 14), c => c.MechanismId = mechanism.Id);

        using var api = await app.ApiAs(TestUsers.UsEditor);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/follows", new { type = "mechanism", id = mechanism.Code })).StatusCode);
        var url = await RenewAsync(api);
        var text = await FeedTextAsync(url);
        var calendar = Parse(text);

        // VTIMEZONE for each zone used, and the events' times with TZID.
        Assert.Contains(calendar.TimeZones, z => z.TzId == "America/Mexico_City");
        Assert.Contains(calendar.TimeZones, z => z.TzId == "America/New_York");
        Assert.Contains("DTSTART;TZID=America/Mexico_City:20260120T100000", text, StringComparison.Ordinal);

        var mx = calendar.Events.Single(x => x.Uid == $"engagement-{mexico.Id}@puente");
        Assert.Equal("America/Mexico_City", mx.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 1, 20, 16, 0, 0, DateTimeKind.Utc), mx.DtStart.AsUtc);
        Assert.Equal(new DateTime(2026, 1, 20, 18, 0, 0, DateTimeKind.Utc), mx.DtEnd!.AsUtc);
        // New York: UTC−5 before the second Sunday of March, UTC−4 after.
        Assert.Equal(new DateTime(2026, 3, 5, 15, 0, 0, DateTimeKind.Utc), calendar.Events.Single(x => x.Uid == $"engagement-{before.Id}@puente").DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 3, 20, 14, 0, 0, DateTimeKind.Utc), calendar.Events.Single(x => x.Uid == $"engagement-{after.Id}@puente").DtStart!.AsUtc);

        var day = calendar.Events.Single(x => x.Uid == $"engagement-{allDay.Id}@puente");
        Assert.True(day.IsAllDay);
        Assert.Equal(new DateOnly(2026, 2, 3), day.DtStart!.Date);

        var due = calendar.Events.Single(x => x.Uid == $"commitment-{pledge.Id}@puente");
        Assert.True(due.IsAllDay);
        Assert.Equal(new DateOnly(2026, 2, 14), due.DtStart!.Date);
        Assert.Equal("Due: Deliver the zone report", due.Summary);
        Assert.EndsWith($"/Commitments/Details/{pledge.Id}", due.Url!.ToString(), StringComparison.Ordinal);
        Assert.Contains(await EventsAsync(url + "?lang=es"), x => x.Summary == "Vence: Entregar el informe");
    }

    [Fact]
    public async Task The_feed_keeps_the_last_thirty_days_and_a_bounded_horizon()
    {
        app.SkipIfUnavailable();
        var mechanism = await AddMechanismAsync("CAL-WINDOW");
        var recent = await AddEngagementAsync("CAL-RECENT", "Recent meeting", "Reciente", "UTC", new DateTime(2025, 12, 20, 10, 0, 0), mechanism.Id);
        var old = await AddEngagementAsync("CAL-OLD", "Old meeting", "Antigua", "UTC", new DateTime(2025, 11, 1, 10, 0, 0), mechanism.Id);
        var far = await AddEngagementAsync("CAL-FAR", "Far meeting", "Lejana", "UTC", new DateTime(2028, 1, 1, 10, 0, 0), mechanism.Id);
        using var api = await app.ApiAs(TestUsers.JointViewer);
        await api.PostAsJsonAsync("/api/v1/follows", new { type = "mechanism", id = mechanism.Code });
        var events = await EventsAsync(await RenewAsync(api));
        Assert.Contains(events, x => x.Uid == $"engagement-{recent.Id}@puente" && x.DtStart!.AsUtc == new DateTime(2025, 12, 20, 10, 0, 0, DateTimeKind.Utc));
        Assert.DoesNotContain(events, x => x.Uid == $"engagement-{old.Id}@puente");
        Assert.DoesNotContain(events, x => x.Uid == $"engagement-{far.Id}@puente");
    }

    [Fact]
    public async Task Posts_linked_to_the_account_and_followed_people_bring_their_engagements_and_commitments()
    {
        app.SkipIfUnavailable();
        var sre = await SystemAsync(db => db.Actors.SingleAsync(a => a.Code == "MX-SRE"));
        var post = new Post { Id = Guid.CreateVersion7(), Code = "CAL-LINKED-POST", NameEn = "Linked post", NameEs = "Cargo vinculado", ActorId = sre.Id, Country = "MX", Seniority = Seniority.Cabinet };
        var person = new Person { Id = Guid.CreateVersion7(), Code = "CAL-PERSON", NameEn = "Followed Person", NameEs = "Persona seguida" };
        await SystemAsync(async db =>
        {
            db.AddRange(post, person);
            db.Add(new Tenure { Id = Guid.CreateVersion7(), Code = "T-CAL-PERSON", PostId = post.Id, PersonId = person.Id, From = new DateOnly(2025, 1, 1) });
            await db.SaveChangesAsync();
            return 0;
        });
        var pledge = await AddCommitmentAsync("CAL-OWNED", "Owned by the linked post", "Del cargo vinculado", new DateOnly(2026, 3, 1), c => c.OwnerMxPostId = post.Id);
        var meeting = await AddEngagementAsync("CAL-PERSON-MEETS", "The followed person meets", "La persona se reúne", "America/Mexico_City", new DateTime(2026, 2, 10, 9, 0, 0));
        await SystemAsync(async db =>
        {
            var participant = new Participant { Id = Guid.CreateVersion7(), Code = "P-CAL-PERSON", PersonId = person.Id, Lead = true };
            participant.FollowAccessOf(meeting);
            db.Add(participant);
            await db.SaveChangesAsync();
            return 0;
        });

        using var api = await app.ApiAs(TestUsers.MxViewer);
        var url = await RenewAsync(api);
        var events = await EventsAsync(url);
        Assert.DoesNotContain(events, x => x.Uid == $"commitment-{pledge.Id}@puente");
        Assert.DoesNotContain(events, x => x.Uid == $"engagement-{meeting.Id}@puente");

        // An administrator links the post to the account (as reminders use it): its commitments and its holder's meetings come.
        await SystemAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == TestUsers.MxViewer.Name);
            user.Posts = "CAL-LINKED-POST";
            await db.SaveChangesAsync();
            return 0;
        });
        events = await EventsAsync(url);
        Assert.Contains(events, x => x.Uid == $"commitment-{pledge.Id}@puente");
        Assert.Contains(events, x => x.Uid == $"engagement-{meeting.Id}@puente");

        // Following the person alone brings the same (the post they hold today, the meetings they take part in).
        await SystemAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == TestUsers.MxViewer.Name);
            user.Posts = "";
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.DoesNotContain(await EventsAsync(url), x => x.Uid == $"commitment-{pledge.Id}@puente");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/follows", new { type = "person", id = person.Id.ToString() })).StatusCode);
        events = await EventsAsync(url);
        Assert.Contains(events, x => x.Uid == $"commitment-{pledge.Id}@puente");
        Assert.Contains(events, x => x.Uid == $"engagement-{meeting.Id}@puente");
    }

    [Fact]
    public async Task An_agenda_issue_brings_the_engagements_and_commitments_that_name_it()
    {
        app.SkipIfUnavailable();
        var meeting = await AddEngagementAsync("CAL-ISSUE-MEET", "Water talks", "Pláticas del agua", "America/Mexico_City", new DateTime(2026, 1, 25, 9, 0, 0));
        var pledge = await AddCommitmentAsync("CAL-ISSUE-PLEDGE", "Water pledge", "Compromiso del agua", new DateOnly(2026, 2, 1), c => c.IssueCodes = ",WATER,");
        await SystemAsync(async db =>
        {
            var e = await db.Set<Engagement>().SingleAsync(x => x.Id == meeting.Id);
            e.IssueCodes = ",WATER,";
            await db.SaveChangesAsync();
            return 0;
        });
        using var api = await app.ApiAs(TestUsers.WaterAnalyst);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/follows", new { type = "issue", id = "WATER" })).StatusCode);
        var events = await EventsAsync(await RenewAsync(api));
        Assert.Contains(events, x => x.Uid == $"engagement-{meeting.Id}@puente");
        Assert.Contains(events, x => x.Uid == $"commitment-{pledge.Id}@puente");
    }

    [Fact]
    public async Task A_right_taken_away_removes_the_event_at_the_next_fetch()
    {
        app.SkipIfUnavailable();
        var mechanism = await AddMechanismAsync("CAL-RIGHTS");
        var restricted = await AddEngagementAsync("CAL-RESTRICTED", "Restricted water meeting", "Reunión restringida", "America/Mexico_City", new DateTime(2026, 2, 1, 10, 0, 0), mechanism.Id,
            confidentiality: Confidentiality.Restricted, grants: [Principals.ForGroup("water")]);
        var shared = await AddEngagementAsync("CAL-TO-INTERNAL", "Shared until it is not", "Compartida hasta que no", "America/Mexico_City", new DateTime(2026, 2, 2, 10, 0, 0), mechanism.Id);

        using var water = await app.ApiAs(TestUsers.WaterAnalyst);
        await water.PostAsJsonAsync("/api/v1/follows", new { type = "mechanism", id = mechanism.Code });
        var waterUrl = await RenewAsync(water);
        Assert.Contains(await EventsAsync(waterUrl), x => x.Uid == $"engagement-{restricted.Id}@puente");

        using var us = await app.ApiAs(TestUsers.UsAnalyst);
        await us.PostAsJsonAsync("/api/v1/follows", new { type = "mechanism", id = mechanism.Code });
        var usUrl = await RenewAsync(us);
        Assert.DoesNotContain(await EventsAsync(usUrl), x => x.Uid == $"engagement-{restricted.Id}@puente");
        Assert.Contains(await EventsAsync(usUrl), x => x.Uid == $"engagement-{shared.Id}@puente");

        // The group leaves the record's grants: gone from the feed at once, with the same address.
        await SystemAsync(async db =>
        {
            db.RecordGrants.RemoveRange(await db.RecordGrants.Where(g => g.RecordId == restricted.Id).ToListAsync());
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.DoesNotContain(await EventsAsync(waterUrl), x => x.Uid == $"engagement-{restricted.Id}@puente");

        // The record becomes Internal to Mexico: the U.S. analyst's feed no longer shows it.
        await SystemAsync(async db =>
        {
            var e = await db.Set<Engagement>().SingleAsync(x => x.Id == shared.Id);
            e.Confidentiality = Confidentiality.Internal;
            e.OwnerSide = Side.MX;
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.DoesNotContain(await EventsAsync(usUrl), x => x.Uid == $"engagement-{shared.Id}@puente");

        // A group taken from the account (its viewer is the account as it is now).
        var again = await AddEngagementAsync("CAL-GROUP", "Group meeting", "Reunión del grupo", "UTC", new DateTime(2026, 2, 3, 10, 0, 0), mechanism.Id,
            confidentiality: Confidentiality.Restricted, grants: [Principals.ForGroup("water")]);
        Assert.Contains(await EventsAsync(waterUrl), x => x.Uid == $"engagement-{again.Id}@puente");
        await SystemAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == TestUsers.WaterAnalyst.Name);
            user.Groups = "";
            await db.SaveChangesAsync();
            return 0;
        });
        try
        {
            Assert.DoesNotContain(await EventsAsync(waterUrl), x => x.Uid == $"engagement-{again.Id}@puente");
        }
        finally
        {
            await SystemAsync(async db =>
            {
                var user = await db.Users.SingleAsync(u => u.UserName == TestUsers.WaterAnalyst.Name);
                user.Groups = "water";
                await db.SaveChangesAsync();
                return 0;
            });
        }
    }

    [Fact]
    public async Task A_mexican_internal_record_is_never_in_a_us_feed_not_even_a_us_administrators()
    {
        app.SkipIfUnavailable();
        var mechanism = await AddMechanismAsync("CAL-MX-INTERNAL");
        var secret = await AddEngagementAsync("CAL-MX-ONLY", "Mexican internal preparation", "Preparación interna", "America/Mexico_City", new DateTime(2026, 2, 5, 10, 0, 0), mechanism.Id,
            confidentiality: Confidentiality.Internal, side: Side.MX);
        var pledge = await AddCommitmentAsync("CAL-MX-ONLY-C", "Mexican internal pledge", "Compromiso interno", new DateOnly(2026, 2, 6), c =>
        {
            c.MechanismId = mechanism.Id;
            c.Confidentiality = Confidentiality.Internal;
            c.OwnerSide = Side.MX;
        });
        using var usAdmin = await app.ApiAs(TestUsers.UsAdmin);
        // Following it is refused as if it did not exist.
        var refused = await usAdmin.PostAsJsonAsync("/api/v1/follows", new { type = "engagement", id = secret.Id.ToString() });
        var missing = await usAdmin.PostAsJsonAsync("/api/v1/follows", new { type = "engagement", id = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(WithoutTrace(await missing.Content.ReadAsStringAsync()), WithoutTrace(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await usAdmin.PostAsJsonAsync("/api/v1/follows", new { type = "engagement", id = "CAL-MX-ONLY" })).StatusCode);

        // Even with a follow of it in the database and the mechanism followed, the feed leaves it out.
        await usAdmin.PostAsJsonAsync("/api/v1/follows", new { type = "mechanism", id = mechanism.Code });
        await SystemAsync(async db =>
        {
            var id = (await db.Users.SingleAsync(u => u.UserName == TestUsers.UsAdmin.Name)).Id;
            db.Add(new Follow { Id = Guid.CreateVersion7(), UserId = id, SubjectType = FollowSubject.Engagement, SubjectId = secret.Id, CreatedAt = CalendarClock.Start });
            db.Add(new Follow { Id = Guid.CreateVersion7(), UserId = id, SubjectType = FollowSubject.Commitment, SubjectId = pledge.Id, CreatedAt = CalendarClock.Start });
            await db.SaveChangesAsync();
            return 0;
        });
        var usText = await FeedTextAsync(await RenewAsync(usAdmin));
        Assert.DoesNotContain("Mexican internal", usText, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Id.ToString(), usText, StringComparison.Ordinal);
        Assert.DoesNotContain(pledge.Id.ToString(), usText, StringComparison.Ordinal);
        // Its list of follows does not say what the hidden one is.
        var follows = await usAdmin.GetFromJsonAsync<JsonElement>("/api/v1/follows");
        var hidden = follows.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == secret.Id);
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("title").ValueKind);

        using var mx = await app.ApiAs(TestUsers.MxEditor);
        await mx.PostAsJsonAsync("/api/v1/follows", new { type = "mechanism", id = mechanism.Code });
        var mxEvents = await EventsAsync(await RenewAsync(mx));
        Assert.Contains(mxEvents, x => x.Uid == $"engagement-{secret.Id}@puente");
        Assert.Contains(mxEvents, x => x.Uid == $"commitment-{pledge.Id}@puente");
    }

    [Fact]
    public async Task Renewing_ends_the_old_address_and_revoking_ends_the_feed()
    {
        app.SkipIfUnavailable();
        using var api = await app.ApiAs(TestUsers.UsAnalyst);
        using var anonymous = app.Anonymous();
        var first = await RenewAsync(api);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(first)).StatusCode);
        var second = await RenewAsync(api);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second)).StatusCode);
        var status = await api.GetFromJsonAsync<JsonElement>("/api/v1/calendar");
        Assert.True(status.GetProperty("active").GetBoolean());
        Assert.False(status.TryGetProperty("url", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync("/api/v1/calendar")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second)).StatusCode);
        Assert.False((await api.GetFromJsonAsync<JsonElement>("/api/v1/calendar")).GetProperty("active").GetBoolean());

        // Only the hash is stored, and the audit trail says renewed/revoked without the secret.
        var secret = SecretOf(second);
        var (scope, db) = app.Database();
        await using (scope)
        {
            Assert.False(await db.Set<CalendarFeedToken>().AnyAsync(f => f.TokenHash == secret));
            var entries = await db.AuditEntries.Where(a => a.After != null && a.After.Contains("calendarFeed")).ToListAsync();
            Assert.Contains(entries, a => a.After!.Contains("revoked", StringComparison.Ordinal));
            Assert.DoesNotContain(await db.AuditEntries.ToListAsync(), a => (a.After ?? "").Contains(secret, StringComparison.Ordinal)
                || (a.Before ?? "").Contains(secret, StringComparison.Ordinal) || (a.RecordLabel ?? "").Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_page_turns_the_feed_on_in_the_readers_language_and_follow_buttons_are_idempotent()
    {
        app.SkipIfUnavailable();
        var e = await AddEngagementAsync("CAL-PAGE", "Page follow meeting", "Reunión seguida en la página", "America/Mexico_City", new DateTime(2026, 1, 28, 10, 0, 0));
        using var ui = await app.UiAs(TestUsers.MxAdmin, "es-MX");
        var page = await ui.GetStringAsync("/Account/Calendar");
        Assert.Contains("No tiene calendario suscrito.", page, StringComparison.Ordinal);

        var details = await ui.GetStringAsync($"/Engagements/Details/{e.Id}");
        Assert.Contains("id=\"follow\"", details, StringComparison.Ordinal);
        for (var i = 0; i < 2; i++)
        {
            var followed = await FormPost.SubmitAsync(ui, $"/Engagements/Details/{e.Id}",
                new() { ["type"] = "Engagement", ["id"] = e.Id.ToString(), ["returnUrl"] = $"/Engagements/Details/{e.Id}" }, "/Account/Calendar?handler=Follow");
            Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
            Assert.Equal($"/Engagements/Details/{e.Id}", followed.Headers.Location!.OriginalString);
        }

        Assert.Contains("id=\"unfollow\"", await ui.GetStringAsync($"/Engagements/Details/{e.Id}"), StringComparison.Ordinal);
        var renewed = await FormPost.SubmitAsync(ui, "/Account/Calendar", [], "/Account/Calendar?handler=Renew");
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var body = await renewed.Content.ReadAsStringAsync();
        Assert.Contains("Reunión seguida en la página", body, StringComparison.Ordinal); // the list of follows, in Spanish
        var match = System.Text.RegularExpressions.Regex.Match(body, @"value=""(http[^""]+/calendar/[A-Za-z0-9_-]{43}\.ics)""");
        Assert.True(match.Success);
        // The feed is in the language the page was in when it was turned on.
        Assert.Contains(await EventsAsync(match.Groups[1].Value), x => x.Summary == "Reunión seguida en la página");
        Assert.DoesNotContain(SecretOf(match.Groups[1].Value), await ui.GetStringAsync("/Account/Calendar"), StringComparison.Ordinal);

        var revoked = await FormPost.SubmitAsync(ui, "/Account/Calendar", [], "/Account/Calendar?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(match.Groups[1].Value)).StatusCode);

        // A record the reader cannot read cannot be followed from the page either.
        var hidden = await AddEngagementAsync("CAL-PAGE-US", "US internal", "Interna EUA", "UTC", new DateTime(2026, 2, 1, 10, 0, 0), confidentiality: Confidentiality.Internal, side: Side.US);
        var refused = await FormPost.SubmitAsync(ui, "/Account/Calendar", new() { ["type"] = "Engagement", ["id"] = hidden.Id.ToString() }, "/Account/Calendar?handler=Follow");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task Bad_and_over_long_secrets_and_locked_accounts_get_404_never_500()
    {
        app.SkipIfUnavailable();
        using var anonymous = app.Anonymous();
        foreach (var path in new[] { "/calendar/x.ics", "/calendar/" + new string('a', 43) + ".ics", "/calendar/" + new string('A', 5000) + ".ics",
                     "/calendar/%27%22%3Cscript%3E.ics", "/calendar/" + new string('-', 43) + ".ics", "/calendar/..%2F..%2Fetc.ics", "/calendar/.ics" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path[..Math.Min(path.Length, 60)]}: {(int)response.StatusCode}");
        }

        var user = new TestUsers.TestUser("cal-locked", Roles.Viewer, Side.MX, []);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Data.Access.ViewerContext>().Viewer = Viewer.System;
            var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(new NewAccount(user.Name, user.Role, user.Side, TestUsers.Password), Viewer.System);
            Assert.True(created.Succeeded);
        }

        using var api = await app.ApiAs(user);
        var url = await RenewAsync(api);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);
        await SystemAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.UserName == user.Name);
            account.LockoutEnd = DateTimeOffset.MaxValue;
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Follows_are_checked_a_duplicate_is_409_and_a_bad_type_names_the_field()
    {
        app.SkipIfUnavailable();
        var e = await AddEngagementAsync("CAL-DUP", "Duplicate follow", "Duplicado", "UTC", new DateTime(2026, 2, 1, 10, 0, 0));
        using var api = await app.ApiAs(TestUsers.UsEditor, "es-MX");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/follows", new { type = "Engagement", id = e.Id.ToString() })).StatusCode);
        var again = await api.PostAsJsonAsync("/api/v1/follows", new { type = "engagement", id = "CAL-DUP" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Ya sigue esto.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var badType = await api.PostAsJsonAsync("/api/v1/follows", new { type = "alert", id = e.Id.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.True((await badType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("type", out _));
        var numeric = await api.PostAsJsonAsync("/api/v1/follows", new { type = "1", id = e.Id.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, numeric.StatusCode);
        var longId = await api.PostAsJsonAsync("/api/v1/follows", new { type = "engagement", id = new string('x', 101) });
        Assert.True((await longId.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("id", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync("/api/v1/follows", new StringContent("{", System.Text.Encoding.UTF8, "application/json"))).StatusCode);

        // Another user's follows are their own: the Mexican editor does not see the U.S. editor's.
        using var other = await app.ApiAs(TestUsers.MxEditor);
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/v1/follows");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == e.Id && i.GetProperty("code").GetString() == "CAL-DUP");

        // Following is audited as an account event naming the kind and id only.
        var (scope, db) = app.Database();
        await using (scope)
        {
            var entry = await db.AuditEntries.Where(a => a.EntityType == "Account" && a.After != null && a.After.Contains(e.Id.ToString())).SingleAsync();
            Assert.DoesNotContain("Duplicate follow", entry.After!, StringComparison.Ordinal);
            Assert.Equal(TestUsers.UsEditor.Name, entry.Actor);
        }
    }

    [Fact]
    public async Task No_feed_secret_reaches_any_log_entry_at_any_level()
    {
        app.SkipIfUnavailable();
        using var api = await app.ApiAs(TestUsers.MxEditor);
        var url = await RenewAsync(api);
        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url + "?lang=es")).StatusCode);
        var unknown = "/calendar/" + new string('Q', 43) + ".ics";
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(unknown)).StatusCode);

        var logs = app.Logs.All;
        // The requests were logged (hosting writes every path at Information, captured here at every level)…
        Assert.Contains("/calendar/***", logs, StringComparison.Ordinal);
        // …without the secrets.
        Assert.DoesNotContain(SecretOf(url), logs, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('Q', 43), logs, StringComparison.Ordinal);
    }

    private static string WithoutTrace(string problem) => System.Text.RegularExpressions.Regex.Replace(problem, "\"traceId\":\"[^\"]*\"", "");

    private static string SecretOf(string url) => url[(url.LastIndexOf('/') + 1)..^".ics".Length];

    private static Ical.Net.Calendar Parse(string text) => Ical.Net.Calendar.Load(text) ?? throw new InvalidOperationException("not a calendar");

    private async Task<string> FeedTextAsync(string url)
    {
        using var anonymous = app.Anonymous();
        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<IReadOnlyList<CalendarEvent>> EventsAsync(string url) => [.. Parse(await FeedTextAsync(url)).Events];

    private static async Task<string> RenewAsync(HttpClient api)
    {
        var response = await api.PostAsync("/api/v1/calendar/renew", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        Assert.Matches(@"/calendar/[A-Za-z0-9_-]{43}\.ics$", url);
        return new Uri(url).PathAndQuery;
    }

    private async Task<T> SystemAsync<T>(Func<Data.PuenteDbContext, Task<T>> work)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            return await work(db);
        }
    }

    private Task<Mechanism> AddMechanismAsync(string code) => SystemAsync(async db =>
    {
        var m = new Mechanism { Id = Guid.CreateVersion7(), Code = code, NameEn = code + " mechanism", NameEs = code + " mecanismo", Participants = "MX,US", Section = "II" };
        db.Add(m);
        await db.SaveChangesAsync();
        return m;
    });

    private Task<Engagement> AddEngagementAsync(string code, string nameEn, string nameEs, string zone, DateTime startLocal, Guid? mechanismId = null, bool allDay = false,
        Confidentiality confidentiality = Confidentiality.Shared, Side side = Side.MX, string[]? grants = null) => SystemAsync(async db =>
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var endLocal = allDay ? startLocal : startLocal.AddHours(2);
        var e = new Engagement
        {
            Id = Guid.CreateVersion7(), Code = code, NameEn = nameEn, NameEs = nameEs, Kind = EngagementKind.WorkingGroupMeeting, Section = "II",
            TimeZone = zone, StartLocal = startLocal, EndLocal = endLocal, AllDay = allDay, Place = "Mexico City, SRE",
            StartUtc = TimeZoneInfo.ConvertTimeToUtc(startLocal, tz), EndUtc = TimeZoneInfo.ConvertTimeToUtc(endLocal, tz), StartDate = DateOnly.FromDateTime(startLocal),
            MechanismId = mechanismId, Confidentiality = confidentiality, OwnerSide = side,
        };
        db.Add(e);
        foreach (var g in grants ?? [])
        {
            db.RecordGrants.Add(new RecordGrant { RecordId = e.Id, Principal = g });
        }

        await db.SaveChangesAsync();
        return e;
    });

    private Task<Commitment> AddCommitmentAsync(string code, string nameEn, string nameEs, DateOnly due, Action<Commitment> configure) => SystemAsync(async db =>
    {
        var anyPost = await db.Set<Post>().OrderBy(p => p.Code).Select(p => p.Id).FirstAsync();
        var c = new Commitment
        {
            Id = Guid.CreateVersion7(), Code = code, NameEn = nameEn, NameEs = nameEs, Origin = CommitmentOrigin.Mechanism, Section = "II",
            MadeOn = Today.AddDays(-10), StatusDate = Today.AddDays(-10), Due = due, OwnerMxPostId = anyPost, OwnerUsPostId = anyPost,
        };
        configure(c);
        db.Add(c);
        await db.SaveChangesAsync();
        return c;
    });
}
