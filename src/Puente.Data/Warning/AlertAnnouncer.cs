using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Core.Localization;
using Puente.Core.Memory;
using Puente.Core.Warning;
using Puente.Data.Mail;
using Puente.Data.Notifications;

namespace Puente.Data.Warning;

/// <summary>
/// Tells who should know that an alert opened or escalated, through every channel, in the caller's unit of work (its save
/// commits the alert and its announcements together, docs/decisions/0037-alerts.md). The people told are the accounts
/// linked to the indicator's owner post, the playbook's owner post and the agenda issue's owner post
/// (<c>PuenteUser.Posts</c>), not locked, and only when they may read the alert (the same rule as the database filter,
/// with the indicator's grants). Each (account, alert, occasion) is told once: the notification's unique key and the
/// e-mail's outbox key (<c>alert:{id}:{occasion}:{account}</c>) hold it.
/// </summary>
public sealed class AlertAnnouncer(Notifier notifier, IMailOutbox outbox, Webhooks.IWebhookOutbox webhooks, IConfiguration configuration, TimeProvider time)
{
    /// <summary>The notification kind (<c>Notification.Kind</c>) of alerts.</summary>
    public const string Kind = "alert";

    /// <summary>Where e-mails link to: Puente's address as its users open it (the key reminders use too); without it
    /// the e-mails give the path alone.</summary>
    public const string PublicUrlKey = "Puente:Reminders:PublicUrl";

    private sealed record Recipient(string UserId, string? Email, Side Side, Viewer Viewer);

    /// <summary>
    /// The fan-out: one call per channel. <paramref name="alert"/> is a record of <paramref name="db"/> (new or changed,
    /// not yet saved); nothing is saved here. Occasions that do not tell people (<see cref="AlertOccasions.TellsPeople"/>)
    /// reach only the machine channels.
    /// </summary>
    public async Task AnnounceAsync(PuenteDbContext db, Alert alert, string occasion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentException.ThrowIfNullOrWhiteSpace(occasion);
        if (AlertOccasions.TellsPeople(occasion))
        {
            var recipients = await RecipientsAsync(db, alert, ct);
            await NotifyInAppAsync(db, alert, occasion, recipients, ct);
            await EmailAsync(db, alert, occasion, recipients, ct);
        }

        // Machines hear of every occasion, through the subscriptions whose account may read the alert (decision 0034).
        await webhooks.EnqueueAsync(db, alert, AlertOccasions.EventName(occasion), $"alert:{alert.Id:N}:{occasion}", EventData(alert), ct);
    }

    /// <summary>What a machine is told of an alert: its own columns only, which are exactly as open as the alert (no
    /// playbook, no issue: those have access of their own).</summary>
    public static object EventData(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new
        {
            alert.Id, alert.Code, IndicatorId = alert.ParentId, alert.Detector, Severity = alert.Severity.ToString(), Status = alert.Status.ToString(),
            alert.Active, alert.FirstPeriod, alert.LastPeriod, alert.Value, alert.Baseline, alert.Statistic, alert.Threshold, alert.OpenedAt,
            Link = $"/Alerts/{alert.Id}",
        };
    }

    private async Task NotifyInAppAsync(PuenteDbContext db, Alert alert, string occasion, IReadOnlyList<Recipient> recipients, CancellationToken ct)
    {
        foreach (var r in recipients)
        {
            await notifier.NotifyAsync(db, r.UserId, Kind, alert.Id, occasion, ct);
        }
    }

    private async Task EmailAsync(PuenteDbContext db, Alert alert, string occasion, IReadOnlyList<Recipient> recipients, CancellationToken ct)
    {
        if (!recipients.Any(r => !string.IsNullOrWhiteSpace(r.Email)))
        {
            return;
        }

        var indicator = await db.Set<Indicator>().IgnoreQueryFilters().FirstAsync(i => i.Id == alert.ParentId, ct);
        var facts = AlertFacts.Of(alert, indicator);
        var playbook = alert.PlaybookId is { } pid
            ? await db.Set<Playbook>().IgnoreQueryFilters().AsNoTracking().Include(p => p.OwnerPost).Include(p => p.Mechanism).FirstOrDefaultAsync(p => p.Id == pid, ct)
            : null;
        var restricted = new[] { playbook?.Id, playbook?.OwnerPostId, playbook?.MechanismId }.OfType<Guid>().ToList();
        var grants = (await db.RecordGrants.IgnoreQueryFilters().Where(g => restricted.Contains(g.RecordId)).Select(g => new { g.RecordId, g.Principal }).ToListAsync(ct))
            .GroupBy(g => g.RecordId).ToDictionary(g => g.Key, g => g.Select(x => x.Principal).ToList());
        bool MayRead(Viewer viewer, Core.Records.ContentRecord? record) =>
            record is not null && viewer.CanRead(record.Confidentiality, record.OwnerSide, grants.GetValueOrDefault(record.Id) ?? []);

        var link = (configuration[PublicUrlKey]?.Trim().TrimEnd('/') ?? "") + $"/Alerts/{alert.Id}";
        foreach (var r in recipients.Where(r => !string.IsNullOrWhiteSpace(r.Email)))
        {
            var readable = MayRead(r.Viewer, playbook) ? playbook : null;
            var owner = readable is not null && MayRead(r.Viewer, readable.OwnerPost) ? readable.OwnerPost : null;
            var mechanism = readable is not null && MayRead(r.Viewer, readable.Mechanism) ? readable.Mechanism : null;
            var spanishFirst = r.Side == Side.MX;
            string Body(bool spanish) => Message(alert, facts, occasion, readable, owner, mechanism, link, spanish);
            var subjectEn = Subject(alert, facts, occasion, spanish: false);
            var subjectEs = Subject(alert, facts, occasion, spanish: true);
            var subject = spanishFirst ? $"{subjectEs} / {subjectEn}" : $"{subjectEn} / {subjectEs}";
            if (subject.Length > OutboxMessage.SubjectMaxLength)
            {
                subject = subject[..OutboxMessage.SubjectMaxLength];
            }

            var body = new StringBuilder().Append(Body(spanishFirst)).Append("\n\n---\n\n").Append(Body(!spanishFirst)).ToString();
            await outbox.EnqueueAsync(db, $"alert:{alert.Id:N}:{occasion}:{r.UserId}", r.UserId, r.Email!, subject.ReplaceLineEndings(" "), body, null, ct);
        }
    }

    /// <summary>The accounts linked to the owner posts of the indicator, the playbook and the agenda issue that may read
    /// the alert, and are not locked.</summary>
    private async Task<IReadOnlyList<Recipient>> RecipientsAsync(PuenteDbContext db, Alert alert, CancellationToken ct)
    {
        var indicatorOwner = await db.Set<Indicator>().IgnoreQueryFilters().Where(i => i.Id == alert.ParentId).Select(i => i.OwnerPostId).FirstOrDefaultAsync(ct);
        var playbookOwner = alert.PlaybookId is { } pid
            ? await db.Set<Playbook>().IgnoreQueryFilters().Where(p => p.Id == pid).Select(p => (Guid?)p.OwnerPostId).FirstOrDefaultAsync(ct)
            : null;
        var issueOwner = alert.IssueCode is { } issue
            ? await db.Set<AgendaIssue>().IgnoreQueryFilters().Where(i => i.Code == issue).Select(i => i.OwnerPostId).FirstOrDefaultAsync(ct)
            : null;
        var posts = new[] { indicatorOwner, playbookOwner, issueOwner }.OfType<Guid>().Distinct().ToList();
        if (posts.Count == 0)
        {
            return [];
        }

        var codes = await db.Set<Post>().IgnoreQueryFilters().Where(p => posts.Contains(p.Id)).Select(p => p.Code).ToListAsync(ct);
        var grants = await db.RecordGrants.IgnoreQueryFilters().Where(g => g.RecordId == alert.ParentId).Select(g => g.Principal).ToListAsync(ct);
        var now = time.GetUtcNow();
        var accounts = await db.Users.AsNoTracking().Where(u => u.Posts != "")
            .Select(u => new { u.Id, u.UserName, u.Side, u.Groups, u.Posts, u.Email, u.LockoutEnd }).ToListAsync(ct);
        return [.. accounts
            .Where(a => Split(a.Posts).Intersect(codes, StringComparer.Ordinal).Any() && (a.LockoutEnd is null || a.LockoutEnd < now))
            .Select(a => new Recipient(a.Id, a.Email, a.Side, Viewer.ForUser(a.Id, a.UserName ?? "", a.Side, Split(a.Groups), isAdministrator: false)))
            .Where(r => r.Viewer.CanRead(alert.Confidentiality, alert.OwnerSide, grants))
            .OrderBy(r => r.UserId, StringComparer.Ordinal)];
    }

    private static string Subject(Alert alert, AlertFacts facts, string occasion, bool spanish)
    {
        var name = spanish ? Bilingual.Pick(facts.IndicatorNameEn, facts.IndicatorNameEs, Spanish) : Bilingual.Pick(facts.IndicatorNameEn, facts.IndicatorNameEs, English);
        var severity = SeverityName(alert.Severity, spanish);
        return (AlertOccasions.EscalatedTo(occasion), spanish) switch
        {
            (null, false) => $"Puente: alert {alert.Code} opened ({severity}): {name}",
            (null, true) => $"Puente: alerta {alert.Code} abierta ({severity}): {name}",
            (_, false) => $"Puente: alert {alert.Code} escalated to {severity}: {name}",
            _ => $"Puente: alerta {alert.Code} escalada a {severity}: {name}",
        };
    }

    private static string Message(Alert alert, AlertFacts facts, string occasion, Playbook? playbook, Post? owner, Mechanism? mechanism, string link, bool spanish)
    {
        var culture = spanish ? Spanish : English;
        var text = new StringBuilder();
        var escalated = AlertOccasions.EscalatedTo(occasion) is not null;
        var severity = SeverityName(alert.Severity, spanish);
        text.Append((escalated, spanish) switch
        {
            (false, false) => $"Alert {alert.Code} opened, severity {severity}. Detector: {AlertExplanation.DetectorName(alert.Detector, false)}.",
            (true, false) => $"Alert {alert.Code} escalated to severity {severity}. Detector: {AlertExplanation.DetectorName(alert.Detector, false)}.",
            (false, true) => $"Se abrió la alerta {alert.Code}, gravedad {severity}. Detector: {AlertExplanation.DetectorName(alert.Detector, true)}.",
            _ => $"La alerta {alert.Code} subió a gravedad {severity}. Detector: {AlertExplanation.DetectorName(alert.Detector, true)}.",
        });
        text.Append("\n\n").Append(AlertExplanation.Text(facts, spanish));
        if (playbook is not null)
        {
            text.Append("\n\n").Append(spanish ? "Protocolo: " : "Playbook: ").Append(Bilingual.Pick(playbook.NameEn, playbook.NameEs, culture));
            var channel = Bilingual.Pick(playbook.ChannelEn, playbook.ChannelEs, culture);
            if (mechanism is not null)
            {
                text.Append('\n').Append(spanish ? "Mecanismo: " : "Mechanism: ").Append(Bilingual.Pick(mechanism.NameEn, mechanism.NameEs, culture));
            }

            if (channel.Length > 0)
            {
                text.Append('\n').Append(spanish ? "Canal: " : "Channel: ").Append(channel);
            }

            if (owner is not null)
            {
                text.Append('\n').Append(spanish ? "Responsable: " : "Owner: ").Append(Bilingual.Pick(owner.NameEn, owner.NameEs, culture));
            }

            var steps = Bilingual.Pick(playbook.StepsEn, playbook.StepsEs, culture).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = 0; i < steps.Length; i++)
            {
                text.Append('\n').Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(steps[i]);
            }
        }

        text.Append("\n\n").Append(spanish ? "Véala en Puente: " : "See it in Puente: ").Append(link);
        return text.ToString();
    }

    private static string SeverityName(Severity severity, bool spanish) => (severity, spanish) switch
    {
        (Severity.High, false) => "high",
        (Severity.Medium, false) => "medium",
        (_, false) => "low",
        (Severity.High, true) => "alta",
        (Severity.Medium, true) => "media",
        _ => "baja",
    };

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-MX");

    private static List<string> Split(string joined) => [.. joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
