using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Puente.Core.Memory;
using Puente.Data.Audit;
using Puente.Data.Mail;
using Puente.Web.Mail;
using Puente.Web.Scheduling;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// The outbox against a real SMTP server on loopback: what is queued arrives once, a refusal is retried after a backoff
/// and delivered when the server takes mail again, the last attempt gives up, and the password is never logged. The
/// dispatch job is run by hand (<see cref="IJobRunner"/>) and the clock moved by the test: nothing waits.
/// </summary>
public abstract class MailTests<TApp>(TApp app)
    where TApp : PuenteApp, IMailApp
{
    private const string From = "puente@sre.example";

    private MailRig Rig => app.Mail;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_enqueued_message_arrives_exactly_once_even_when_the_dispatch_job_runs_twice()
    {
        app.SkipIfUnavailable();
        var key = NewKey();
        await EnqueueAsync(key);

        await DispatchAsync();
        await DispatchAsync();

        var received = Assert.Single(ReceivedFor(key));
        Assert.Equal("Reminder " + key, received.Subject);
        Assert.Equal("ana.lopez@sre.example", received.To.Mailboxes.Single().Address);
        Assert.Equal(("Puente", From), (received.From.Mailboxes.Single().Name, received.From.Mailboxes.Single().Address));
        Assert.Contains("Compromiso pendiente: acción " + key, received.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>HTML " + key + "</p>", received.HtmlBody, StringComparison.Ordinal);
        var row = await RowAsync(key);
        Assert.NotNull(row.SentAt);
        Assert.Null(row.NextAttemptAt);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task The_same_key_is_queued_once()
    {
        app.SkipIfUnavailable();
        var key = NewKey();
        await EnqueueAsync(key);
        var (scope, db) = app.Database();
        await using (scope)
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
            Assert.False(await outbox.EnqueueAsync(db, key, "user-1", "other@sre.example", "Again", "Again", null, Ct));
            var fresh = NewKey();
            Assert.True(await outbox.EnqueueAsync(db, fresh, "user-1", "other@sre.example", "Once", "Once", null, Ct));
            Assert.False(await outbox.EnqueueAsync(db, fresh, "user-1", "other@sre.example", "Twice in one unit of work", "Twice", null, Ct));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(1, await CountAsync(key));
    }

    [Fact]
    public async Task A_refusing_server_means_a_retry_after_a_backoff_and_then_one_delivery()
    {
        app.SkipIfUnavailable();
        var key = NewKey();
        await EnqueueAsync(key);
        Rig.Smtp.RefuseRecipients = true;
        try
        {
            await DispatchAsync();
            var refused = await RowAsync(key);
            Assert.Null(refused.SentAt);
            Assert.Equal(1, refused.Attempts);
            Assert.Equal(Rig.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), refused.NextAttemptAt);
            Assert.Contains("SmtpCommandException", refused.LastError, StringComparison.Ordinal);

            await DispatchAsync(); // not due yet: no attempt
            Assert.Equal(1, (await RowAsync(key)).Attempts);
        }
        finally
        {
            Rig.Smtp.RefuseRecipients = false;
        }

        Assert.Empty(ReceivedFor(key));
        Rig.Clock.Advance(TimeSpan.FromMinutes(1));
        await DispatchAsync();

        Assert.Single(ReceivedFor(key));
        var sent = await RowAsync(key);
        Assert.NotNull(sent.SentAt);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task A_message_is_given_up_after_the_last_attempt_and_never_sent_later()
    {
        app.SkipIfUnavailable();
        var key = NewKey();
        await EnqueueAsync(key);
        Rig.Smtp.RefuseRecipients = true;
        try
        {
            await DispatchAsync();
            Rig.Clock.Advance(TimeSpan.FromMinutes(1));
            await DispatchAsync();
            Assert.Equal(Rig.Clock.GetUtcNow() + TimeSpan.FromMinutes(2), (await RowAsync(key)).NextAttemptAt); // the wait doubles
            Rig.Clock.Advance(TimeSpan.FromMinutes(2));
            await DispatchAsync(); // the third and last (Puente:Mail:MaxAttempts = 3)
        }
        finally
        {
            Rig.Smtp.RefuseRecipients = false;
        }

        var failed = await RowAsync(key);
        Assert.Equal(3, failed.Attempts);
        Assert.NotNull(failed.FailedAt);
        Assert.Null(failed.NextAttemptAt);
        Rig.Clock.Advance(TimeSpan.FromHours(1));
        await DispatchAsync();
        Assert.Empty(ReceivedFor(key));
    }

    [Fact]
    public async Task A_message_not_sent_within_its_age_is_given_up_rather_than_sent_late()
    {
        app.SkipIfUnavailable();
        var key = NewKey();
        await EnqueueAsync(key);
        Rig.Clock.Advance(TimeSpan.FromHours(73)); // Puente:Mail:MaxAgeHours is 72

        await DispatchAsync();

        Assert.Empty(ReceivedFor(key));
        var row = await RowAsync(key);
        Assert.NotNull(row.FailedAt);
        Assert.Contains("72 hours", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_smtp_password_never_appears_in_the_logs_or_the_stored_error()
    {
        app.SkipIfUnavailable();
        // Messages other tests of the class left queued go first: a refused login stops the run at the first message,
        // and the error must be this test's message's.
        await DispatchAsync();
        var key = NewKey();
        await EnqueueAsync(key);
        Rig.Smtp.RefuseLogins = true;
        try
        {
            await DispatchAsync();
        }
        finally
        {
            Rig.Smtp.RefuseLogins = false;
        }

        var refused = await RowAsync(key);
        Assert.Contains("Authentication", refused.LastError, StringComparison.Ordinal);
        Rig.Clock.Advance(TimeSpan.FromMinutes(1));
        await DispatchAsync();
        Assert.Single(ReceivedFor(key));

        var logs = Rig.Logs.All;
        Assert.Contains("Mail: message", logs, StringComparison.Ordinal); // the failure was logged …
        Assert.Contains(SmtpTestServer.UserName, string.Join(" ", Rig.Smtp.Settings().Select(s => s.Value)), StringComparison.Ordinal);
        Assert.DoesNotContain(SmtpTestServer.Password, logs, StringComparison.Ordinal); // … without the password
        Assert.DoesNotContain(SmtpTestServer.Password, refused.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queuing_mail_with_a_record_change_keeps_the_audit_chain_whole_and_audits_only_the_record()
    {
        app.SkipIfUnavailable();
        var key = NewKey();
        var (scope, db) = app.Database();
        await using (scope)
        {
            var before = await db.AuditEntries.CountAsync(Ct);
            db.Add(new Person { Id = Guid.CreateVersion7(), Code = "MAIL-" + key[^8..].ToUpperInvariant(), NameEn = "Mail person", NameEs = "Persona del correo" });
            Assert.True(await scope.ServiceProvider.GetRequiredService<IMailOutbox>().EnqueueAsync(db, key, "user-1", "ana.lopez@sre.example",
                "With a record", "Body", null, Ct));
            await db.SaveChangesAsync(Ct);

            var added = await db.AuditEntries.OrderBy(a => a.Id).Skip(before).ToListAsync(Ct);
            Assert.Equal(nameof(Person), Assert.Single(added).EntityType);
            Assert.True((await AuditVerifier.VerifyAsync(db, Ct)).Intact);
        }

        Assert.Equal(1, await CountAsync(key));
    }

    [Fact]
    public async Task Out_of_bounds_messages_are_refused_naming_the_parameter()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.Database();
        await using (scope)
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
            Task Enqueue(string subject = "Subject", string body = "Body", string to = "ana@sre.example", string? key = null) =>
                outbox.EnqueueAsync(db, key ?? NewKey(), "user-1", to, subject, body, null, Ct);

            Assert.Equal("subject", (await Assert.ThrowsAsync<ArgumentException>(() => Enqueue(subject: new string('s', 301)))).ParamName);
            Assert.Equal("subject", (await Assert.ThrowsAsync<ArgumentException>(() => Enqueue(subject: "two\nlines"))).ParamName);
            Assert.Equal("textBody", (await Assert.ThrowsAsync<ArgumentException>(() => Enqueue(body: new string('b', OutboxMessage.BodyMaxBytes + 1)))).ParamName);
            Assert.Equal("textBody", (await Assert.ThrowsAsync<ArgumentException>(() => Enqueue(body: new string('ñ', OutboxMessage.BodyMaxBytes / 2 + 1)))).ParamName);
            Assert.Equal("toAddress", (await Assert.ThrowsAsync<ArgumentException>(() => Enqueue(to: "not an address"))).ParamName);
            Assert.Equal("toAddress", (await Assert.ThrowsAsync<ArgumentException>(() => Enqueue(to: "Ana <ana@sre.example>"))).ParamName);
            Assert.Equal("key", (await Assert.ThrowsAsync<ArgumentException>(() => Enqueue(key: new string('k', 201)))).ParamName);
            Assert.Empty(db.ChangeTracker.Entries<OutboxMessage>());
        }
    }

    private static string NewKey() => "test:" + Guid.NewGuid().ToString("N");

    private IEnumerable<MimeMessage> ReceivedFor(string key) =>
        Rig.Smtp.Received.Where(m => m.MessageId == MailDispatcher.MessageIdFor(key, From));

    private Task DispatchAsync() => app.Factory.Services.GetRequiredService<IJobRunner>().RunAsync<MailDispatchJob>(Ct);

    private async Task EnqueueAsync(string key)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<IMailOutbox>().EnqueueAsync(db, key, "user-1", "ana.lopez@sre.example",
                "Reminder " + key, "Compromiso pendiente: acción " + key, "<p>HTML " + key + "</p>", Ct));
            await db.SaveChangesAsync(Ct);
        }
    }

    private async Task<OutboxMessage> RowAsync(string key)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            return await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Key == key, Ct);
        }
    }

    private async Task<int> CountAsync(string key)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            return await db.Set<OutboxMessage>().CountAsync(m => m.Key == key, Ct);
        }
    }
}

public sealed class SqliteMailTests(SqliteMailApp app) : MailTests<SqliteMailApp>(app), IClassFixture<SqliteMailApp>;

public sealed class PostgresMailTests(PostgresMailApp app) : MailTests<PostgresMailApp>(app), IClassFixture<PostgresMailApp>;
