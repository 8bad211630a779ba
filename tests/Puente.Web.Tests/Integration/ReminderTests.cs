using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Puente.Web.Features.Commitments;
using Puente.Web.Mail;
using Puente.Web.Scheduling;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// Commitment reminders against a real SMTP server on loopback: the accounts linked to an owner post are reminded
/// before the due date and when it is overdue, in the app and by e-mail, once each however often the jobs run, and
/// never of a commitment they may not read. The jobs are run by hand and the clock moved by the test.
/// </summary>
public abstract class ReminderTests<TApp>(TApp app)
    where TApp : PuenteApp, IMailApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task RunAsync<TJob>()
        where TJob : class, Quartz.IJob => app.Factory.Services.GetRequiredService<IJobRunner>().RunAsync<TJob>(Ct);

    private List<MimeMessage> ReceivedAbout(string code, string address) =>
        [.. app.Mail.Smtp.Received.Where(m => (m.Subject ?? "").Contains(code, StringComparison.Ordinal) && m.To.Mailboxes.Any(b => b.Address == address))];

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
    public async Task The_owners_accounts_are_reminded_once_before_the_due_date_and_once_overdue_and_only_of_what_they_may_read()
    {
        app.SkipIfUnavailable();
        const string mxMail = "enlace.cila@sre.example", usMail = "liaison.ibwc@state.example";
        await LinkAsync(TestUsers.MxEditor.Name, "MX-CILA-COMMISSIONER", mxMail);
        await LinkAsync(TestUsers.UsAnalyst.Name, "US-IBWC-COMMISSIONER", usMail);
        var today = DateOnly.FromDateTime(app.Mail.Clock.GetUtcNow().UtcDateTime);
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        foreach (var (code, text, confidentiality, days) in new[]
        {
            ("REM-SHARED", "Exchange the weekly delivery tables", "Shared", 5),
            ("REM-INTERNAL", "Brief the Secretary on the delivery gap", "Internal", 1),
        })
        {
            var created = await mx.PostAsJsonAsync("/api/v1/commitments", new
            {
                code, textEn = text, textEs = text + " (es)", ownerMx = "MX-CILA-COMMISSIONER", ownerUs = "US-IBWC-COMMISSIONER",
                instrument = "AGREEMENT-2025-12", made = today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), due = today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                confidentiality, ownerSide = "MX",
            }, Ct);
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        }

        // Run twice, sent twice: each reminder once.
        await RunAsync<CommitmentReminderJob>();
        await RunAsync<CommitmentReminderJob>();
        await RunAsync<MailDispatchJob>();
        await RunAsync<MailDispatchJob>();

        var shared = Assert.Single(ReceivedAbout("REM-SHARED", usMail));
        Assert.Contains("Exchange the weekly delivery tables", shared.TextBody, StringComparison.Ordinal);
        Assert.Contains("due in 5 days", shared.TextBody, StringComparison.Ordinal);
        Assert.Single(ReceivedAbout("REM-SHARED", mxMail));
        var internalOne = Assert.Single(ReceivedAbout("REM-INTERNAL", mxMail));
        Assert.StartsWith("Puente: compromiso REM-INTERNAL vence en 1 día", internalOne.Subject, StringComparison.Ordinal); // Spanish first for MX
        // The U.S. account never hears of the Mexican-internal commitment, by e-mail or in the app.
        Assert.Empty(ReceivedAbout("REM-INTERNAL", usMail));
        Assert.DoesNotContain(app.Mail.Smtp.Received, m => m.To.Mailboxes.Any(b => b.Address == usMail) && (m.TextBody ?? "").Contains("Brief the Secretary", StringComparison.Ordinal));
        using var us = await app.ApiAs(TestUsers.UsAnalyst);
        var notes = JsonDocument.Parse(await us.GetStringAsync("/api/v1/notifications", Ct)).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(notes, n => n.GetProperty("title").GetString() == "Exchange the weekly delivery tables" && n.GetProperty("occasion").GetString()!.StartsWith("due-7@", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.GetProperty("title").GetString()!.Contains("Brief the Secretary", StringComparison.Ordinal));

        // A week later both are overdue: one more reminder each, once.
        app.Mail.Clock.Advance(TimeSpan.FromDays(7));
        await RunAsync<CommitmentReminderJob>();
        await RunAsync<CommitmentReminderJob>();
        await RunAsync<MailDispatchJob>();
        Assert.Equal(2, ReceivedAbout("REM-SHARED", usMail).Count);
        Assert.Contains("overdue", ReceivedAbout("REM-SHARED", usMail)[1].Subject, StringComparison.Ordinal);
        Assert.Equal(2, ReceivedAbout("REM-INTERNAL", mxMail).Count);
        Assert.Empty(ReceivedAbout("REM-INTERNAL", usMail));

        // Kept: no more reminders. (Recorded through the service: the clock moved past the test tokens' hour.)
        var (scope, _) = app.Database();
        await using (scope)
        {
            var ledger = scope.ServiceProvider.GetRequiredService<CommitmentService>();
            var kept = await ledger.FindAsync("REM-SHARED", track: true, Ct);
            var (change, errors) = await ledger.AddStatusAsync(kept!, new StatusInput
            {
                Status = "Kept", Date = today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), EvidenceUrl = "https://example.org/tables",
            }, Ct);
            Assert.True(change is not null, string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)));
        }

        app.Mail.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync<CommitmentReminderJob>();
        await RunAsync<MailDispatchJob>();
        Assert.Equal(2, ReceivedAbout("REM-SHARED", usMail).Count);
    }

    [Theory]
    [InlineData(10, null)]
    [InlineData(7, "due-7")]
    [InlineData(2, "due-7")]
    [InlineData(1, "due-1")]
    [InlineData(0, "due-0")]
    [InlineData(-1, "overdue")]
    public void The_occasion_follows_the_days_left_and_names_the_due_date(int left, string? occasion)
    {
        var today = new DateOnly(2031, 3, 3);
        var due = today.AddDays(left);
        // The due date is part of the occasion: a commitment whose due date moves is reminded again for the new one.
        Assert.Equal(occasion is null ? null : $"{occasion}@{due:yyyy-MM-dd}", CommitmentReminders.Occasion(due, today, [7, 1]));
    }
}

public sealed class SqliteReminderTests(SqliteMailApp app) : ReminderTests<SqliteMailApp>(app), IClassFixture<SqliteMailApp>;

public sealed class PostgresReminderTests(PostgresMailApp app) : ReminderTests<PostgresMailApp>(app), IClassFixture<PostgresMailApp>;
