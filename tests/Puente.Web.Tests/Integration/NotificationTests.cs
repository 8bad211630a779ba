using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Core.Access;
using Puente.Core.Memory;
using Puente.Data.Notifications;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// Notifications hold no text: the page, the badge and the API render them from their record through the reader's
/// access, show each user only their own, and let them mark them read. The kind used here is the test-only
/// <see cref="PersonNotificationSource"/>.
/// </summary>
public abstract class NotificationTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Scenario(Person Shared, Person UsInternal, Guid MxOnShared, Guid MxOnUsInternal, Guid UsOnShared);

    [Fact]
    public async Task The_api_lists_the_callers_own_notifications_rendered_through_their_access()
    {
        app.SkipIfUnavailable();
        var s = await ScenarioAsync(TestUsers.MxEditor, TestUsers.UsEditor);

        using var mx = await app.ApiAs(TestUsers.MxEditor, "en-US");
        var mine = await ListAsync(mx);
        var item = Assert.Single(mine.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("recordId").GetGuid() == s.Shared.Id);
        Assert.Equal(s.MxOnShared, item.GetProperty("id").GetGuid());
        Assert.Equal(PersonNotificationSource.KindName, item.GetProperty("kind").GetString());
        Assert.Equal("due-7", item.GetProperty("occasion").GetString());
        Assert.Equal(s.Shared.NameEn, item.GetProperty("title").GetString());
        Assert.Equal($"/People/Details/{s.Shared.Id}", item.GetProperty("url").GetString());
        Assert.False(item.GetProperty("read").GetBoolean());
        Assert.True(item.TryGetProperty("created", out _));
        // The US-internal person's notification is not shown to an MX reader, nor is the US editor's own notification.
        Assert.DoesNotContain(mine.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("recordId").GetGuid() == s.UsInternal.Id);
        Assert.DoesNotContain(mine.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == s.UsOnShared);
        Assert.Equal(mine.RootElement.GetProperty("items").GetArrayLength(), mine.RootElement.GetProperty("total").GetInt32());

        using var us = await app.ApiAs(TestUsers.UsEditor, "es-MX");
        var theirs = await ListAsync(us);
        var usItem = Assert.Single(theirs.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("recordId").GetGuid() == s.Shared.Id);
        Assert.Equal(s.UsOnShared, usItem.GetProperty("id").GetGuid());
        Assert.Equal(s.Shared.NameEs, usItem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task One_marks_only_ones_own_readable_notifications_read()
    {
        app.SkipIfUnavailable();
        var s = await ScenarioAsync(TestUsers.MxViewer, TestUsers.UsAnalyst);
        using var mx = await app.ApiAs(TestUsers.MxViewer);
        using var us = await app.ApiAs(TestUsers.UsAnalyst);

        Assert.Equal(HttpStatusCode.NotFound, (await us.PostAsync($"/api/v1/notifications/{s.MxOnShared}/read", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mx.PostAsync($"/api/v1/notifications/{s.UsOnShared}/read", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mx.PostAsync($"/api/v1/notifications/{s.MxOnUsInternal}/read", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await mx.PostAsync($"/api/v1/notifications/{s.MxOnShared}/read", null, Ct)).StatusCode);

        var after = await ListAsync(mx);
        Assert.True(after.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == s.MxOnShared).GetProperty("read").GetBoolean());
        var (scope, db) = app.Database();
        await using (scope)
        {
            Assert.Null((await db.Set<Notification>().SingleAsync(n => n.Id == s.UsOnShared, Ct)).ReadAt);
        }
    }

    [Fact]
    public async Task The_page_lists_them_the_badge_counts_the_unread_and_forms_mark_them_read()
    {
        app.SkipIfUnavailable();
        var s = await ScenarioAsync(TestUsers.JointViewer, TestUsers.UsEditor);
        var second = await PersonAsync(Confidentiality.Shared, Side.MX);
        await NotifyAsync(TestUsers.JointViewer, second.Id, "overdue");
        using var ui = await app.UiAs(TestUsers.JointViewer, "es-MX");

        var page = await ui.GetStringAsync("/Notifications", Ct);
        Assert.Contains(s.Shared.NameEs, page, StringComparison.Ordinal);
        Assert.Contains(second.NameEs, page, StringComparison.Ordinal);
        Assert.Contains("Vence en 7 días", page, StringComparison.Ordinal);
        Assert.Contains("Vencido", page, StringComparison.Ordinal);
        Assert.DoesNotContain(s.UsInternal.NameEs, page, StringComparison.Ordinal);
        Assert.Equal("2", Badge(page));

        var read = await FormPost.SubmitAsync(ui, "/Notifications", [], $"/Notifications?handler=Read&id={s.MxOnShared}");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Equal("1", Badge(await ui.GetStringAsync("/Actors", Ct)));

        var someoneElses = await FormPost.SubmitAsync(ui, "/Notifications", [], $"/Notifications?handler=Read&id={s.UsOnShared}");
        Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);

        var all = await FormPost.SubmitAsync(ui, "/Notifications", [], "/Notifications?handler=ReadAll");
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        var done = await ui.GetStringAsync("/Notifications", Ct);
        Assert.Null(Badge(done));
        Assert.Contains(second.NameEs, done, StringComparison.Ordinal); // still listed, as read
    }

    [Fact]
    public async Task A_notification_is_added_once_per_user_kind_record_and_occasion()
    {
        app.SkipIfUnavailable();
        var person = await PersonAsync(Confidentiality.Shared, Side.MX);
        var userId = await UserIdAsync(TestUsers.MxAdmin);
        var (scope, db) = app.Database();
        await using (scope)
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            Assert.True(await notifier.NotifyAsync(db, userId, PersonNotificationSource.KindName, person.Id, "due-1", Ct));
            Assert.False(await notifier.NotifyAsync(db, userId, PersonNotificationSource.KindName, person.Id, "due-1", Ct)); // same unit of work
            await db.SaveChangesAsync(Ct);
            Assert.False(await notifier.NotifyAsync(db, userId, PersonNotificationSource.KindName, person.Id, "due-1", Ct)); // saved
            Assert.True(await notifier.NotifyAsync(db, userId, PersonNotificationSource.KindName, person.Id, "overdue", Ct));
            await Assert.ThrowsAsync<ArgumentException>(() => notifier.NotifyAsync(db, userId, new string('k', 41), person.Id, "due-1", Ct));
        }
    }

    private static string? Badge(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "id=\"notifications-unread\">(\\d+)<");
        return match.Success ? match.Groups[1].Value : null;
    }

    private static async Task<JsonDocument> ListAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/notifications", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A Shared and a US-internal person; <paramref name="reader"/> notified about both, <paramref name="other"/>
    /// about the Shared one.</summary>
    private async Task<Scenario> ScenarioAsync(TestUsers.TestUser reader, TestUsers.TestUser other)
    {
        var shared = await PersonAsync(Confidentiality.Shared, Side.MX);
        var usInternal = await PersonAsync(Confidentiality.Internal, Side.US);
        return new Scenario(shared, usInternal,
            await NotifyAsync(reader, shared.Id, "due-7"),
            await NotifyAsync(reader, usInternal.Id, "overdue"),
            await NotifyAsync(other, shared.Id, "due-1"));
    }

    private async Task<Person> PersonAsync(Confidentiality confidentiality, Side side)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var person = new Person
        {
            Id = Guid.CreateVersion7(), Code = "NTF-" + suffix.ToUpperInvariant(), NameEn = "Notified person " + suffix, NameEs = "Persona avisada " + suffix,
            Confidentiality = confidentiality, OwnerSide = side,
        };
        var (scope, db) = app.Database();
        await using (scope)
        {
            db.Add(person);
            await db.SaveChangesAsync(Ct);
        }

        return person;
    }

    private async Task<Guid> NotifyAsync(TestUsers.TestUser user, Guid recordId, string occasion)
    {
        var userId = await UserIdAsync(user);
        var (scope, db) = app.Database();
        await using (scope)
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(db, userId, PersonNotificationSource.KindName, recordId, occasion, Ct));
            await db.SaveChangesAsync(Ct);
            return await db.Set<Notification>().Where(n => n.UserId == userId && n.RecordId == recordId && n.Occasion == occasion).Select(n => n.Id).SingleAsync(Ct);
        }
    }

    private async Task<string> UserIdAsync(TestUsers.TestUser user)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            return await db.Users.Where(u => u.UserName == user.Name).Select(u => u.Id).SingleAsync(Ct);
        }
    }
}

public sealed class SqliteNotificationTests(SqliteApp app) : NotificationTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresNotificationTests(PostgresApp app) : NotificationTests<PostgresApp>(app), IClassFixture<PostgresApp>;
