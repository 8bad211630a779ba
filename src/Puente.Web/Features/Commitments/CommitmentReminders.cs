using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Core.Access;
using Puente.Core.Commitments;
using Puente.Core.Memory;
using Puente.Data.Mail;
using Puente.Data.Notifications;
using Puente.Web.Features.Notifications;
using Puente.Web.Scheduling;
using Quartz;

namespace Puente.Web.Features.Commitments;

/// <summary><c>Puente:Reminders</c>: when commitment reminders are made, and the address their e-mails link to.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Puente:Reminders";

    /// <summary><c>Puente:Reminders:Enabled</c>: on unless set to false.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Puente:Reminders:IntervalMinutes</c>: how often the job looks, 1–1,440 (60).</summary>
    public int IntervalMinutes { get; set; } = 60;

    /// <summary><c>Puente:Reminders:DaysBefore</c>: the days before the due date a reminder is made, each 1–365, at most
    /// 5 (7 and 1 when not set: the configuration binder would add to a default rather than replace it). One more is made
    /// on the due day and one when it is overdue.</summary>
    public int[]? DaysBefore { get; set; }

    /// <summary>The configured days, or 7 and 1.</summary>
    public IReadOnlyList<int> Days => DaysBefore is { Length: > 0 } days ? days : [7, 1];

    /// <summary><c>Puente:Reminders:PublicUrl</c>: Puente's address as its users open it ("https://puente.sre.gob.mx"), for
    /// the links in e-mails; without it the e-mails give the path alone.</summary>
    public string? PublicUrl { get; set; }
}

/// <summary>Checks <see cref="ReminderOptions"/> at start, naming the key.</summary>
public sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.IntervalMinutes is < 1 or > 1440)
        {
            problems.Add("Puente:Reminders:IntervalMinutes must be from 1 to 1440.");
        }

        if (options.DaysBefore is { } days && (days.Length > 5 || days.Any(d => d is < 1 or > 365)))
        {
            problems.Add("Puente:Reminders:DaysBefore must be at most 5 numbers of days, each from 1 to 365.");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicUrl) && !Core.Text.WebAddress.IsValid(options.PublicUrl))
        {
            problems.Add("Puente:Reminders:PublicUrl must be an http:// or https:// address.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>Registers the reminders: settings (validated at start), the job, and the notifications' source.</summary>
public static class CommitmentReminderServices
{
    public static IServiceCollection AddCommitmentReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddScoped<CommitmentReminders>();
        services.AddScoped<INotificationSource, CommitmentNotificationSource>();
        services.AddScheduledJob<CommitmentReminderJob>(CommitmentReminderJob.Name, sp => sp.GetRequiredService<IOptions<ReminderOptions>>().Value is { Enabled: true } r
            ? TimeSpan.FromMinutes(r.IntervalMinutes)
            : null);
        return services;
    }
}

/// <summary>Runs <see cref="CommitmentReminders"/> every <c>Puente:Reminders:IntervalMinutes</c>, once per fire across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class CommitmentReminderJob(CommitmentReminders reminders) : IJob
{
    public const string Name = "commitment-reminders";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await reminders.RunAsync(cancellationToken);
}

/// <summary>
/// Reminds the accounts linked to a commitment's owner posts (or in its following group) before it is due, on the day,
/// and once it is overdue: an in-app notification and, for an account with an e-mail address, a message in the outbox.
/// Each (account, commitment, occasion) is reminded once: the notification's unique key and the outbox key hold it, so
/// a rerun, an interrupted run or a second node adds nothing. An account is reminded only of what it may read, and the
/// e-mail carries only the commitment's own wording, dates and owner posts (which are as open as the commitment,
/// decision 0029).
/// </summary>
public sealed class CommitmentReminders(PuenteDbContext db, IMailOutbox outbox, TimeProvider time, IOptions<ReminderOptions> options)
{
    public const string Kind = "commitment";
    private const int Batch = 500;

    public sealed record Report(int Notifications, int Emails);

    public async Task<Report> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return new Report(0, 0);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var ahead = settings.Days.Max();
        var last = today.AddDays(ahead);
        var accounts = await db.Users.AsNoTracking().Where(u => u.Posts != "" || u.Groups != "")
            .Select(u => new { u.Id, u.UserName, u.Side, u.Groups, u.Posts, u.Email, u.LockoutEnd }).ToListAsync(cancellationToken);
        accounts = [.. accounts.Where(a => a.LockoutEnd is null || a.LockoutEnd < time.GetUtcNow())];
        if (accounts.Count == 0)
        {
            return new Report(0, 0);
        }

        var codes = accounts.SelectMany(a => Split(a.Posts)).Distinct().ToList();
        var postIds = await db.Set<Post>().IgnoreQueryFilters().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        var groups = accounts.SelectMany(a => Split(a.Groups)).Distinct().ToList();
        var ids = postIds.Values.ToList();
        var due = await db.Set<Commitment>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => (c.Status == CommitmentStatus.NotStarted || c.Status == CommitmentStatus.InProgress || c.Status == CommitmentStatus.Stalled)
                && c.Due != null && c.Due <= last
                && (ids.Contains(c.OwnerMxPostId) || ids.Contains(c.OwnerUsPostId) || (c.Team != null && groups.Contains(c.Team))))
            .Select(c => new
            {
                c.Id, c.Code, c.NameEn, c.NameEs, Due = c.Due!.Value, c.Confidentiality, c.OwnerSide, c.OwnerMxPostId, c.OwnerUsPostId, c.Team,
                MxEn = c.OwnerMxPost!.NameEn, MxEs = c.OwnerMxPost.NameEs, UsEn = c.OwnerUsPost!.NameEn, UsEs = c.OwnerUsPost.NameEs,
            })
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return new Report(0, 0);
        }

        // The owner posts' access: a recipient is told only the names of the posts they may read.
        var ownerIds = due.SelectMany(c => new[] { c.OwnerMxPostId, c.OwnerUsPostId }).Distinct().ToList();
        var ownerAccess = await db.Set<Post>().IgnoreQueryFilters().Where(p => ownerIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.Confidentiality, p.OwnerSide), cancellationToken);
        var restricted = due.Where(c => c.Confidentiality == Confidentiality.Restricted).Select(c => c.Id)
            .Concat(ownerAccess.Where(p => p.Value.Confidentiality == Confidentiality.Restricted).Select(p => p.Key)).ToList();
        var grants = (await db.RecordGrants.Where(g => restricted.Contains(g.RecordId)).Select(g => new { g.RecordId, g.Principal }).ToListAsync(cancellationToken))
            .GroupBy(g => g.RecordId).ToDictionary(g => g.Key, g => g.Select(x => x.Principal).ToList());
        var dueIds = due.Select(c => c.Id).ToList();
        var existing = (await db.Set<Notification>().Where(n => n.Kind == Kind && dueIds.Contains(n.RecordId))
                .Select(n => new { n.UserId, n.RecordId, n.Occasion }).ToListAsync(cancellationToken))
            .Select(n => (n.UserId, n.RecordId, n.Occasion)).ToHashSet();
        var groupsByAccount = accounts.ToDictionary(a => a.Id, a => Split(a.Groups));
        var postsByAccount = accounts.ToDictionary(a => a.Id, a => Split(a.Posts).Where(postIds.ContainsKey).Select(c => postIds[c]).ToHashSet());
        var (notifications, emails, pending) = (0, 0, 0);
        foreach (var c in due.OrderBy(c => c.Due).ThenBy(c => c.Code))
        {
            var occasion = Occasion(c.Due, today, settings.Days);
            if (occasion is null)
            {
                continue;
            }

            foreach (var a in accounts)
            {
                var accountGroups = groupsByAccount[a.Id];
                var concerned = postsByAccount[a.Id].Contains(c.OwnerMxPostId) || postsByAccount[a.Id].Contains(c.OwnerUsPostId)
                    || (c.Team is not null && accountGroups.Contains(c.Team));
                var viewer = Viewer.ForUser(a.Id, a.UserName ?? "", a.Side, accountGroups, isAdministrator: false);
                if (!concerned || !viewer.CanRead(c.Confidentiality, c.OwnerSide, grants.GetValueOrDefault(c.Id) ?? []) || existing.Contains((a.Id, c.Id, occasion)))
                {
                    continue;
                }

                db.Add(new Notification { Id = Guid.CreateVersion7(), UserId = a.Id, Kind = Kind, RecordId = c.Id, Occasion = occasion, CreatedAt = time.GetUtcNow() });
                existing.Add((a.Id, c.Id, occasion));
                notifications++;
                pending++;
                if (!string.IsNullOrWhiteSpace(a.Email))
                {
                    var spanishFirst = a.Side == Side.MX;
                    bool MayRead(Guid post) => ownerAccess.TryGetValue(post, out var a) && viewer.CanRead(a.Confidentiality, a.OwnerSide, grants.GetValueOrDefault(post) ?? []);
                    var (mxEn, mxEs) = MayRead(c.OwnerMxPostId) ? (c.MxEn, c.MxEs) : ("—", "—");
                    var (usEn, usEs) = MayRead(c.OwnerUsPostId) ? (c.UsEn, c.UsEs) : ("—", "—");
                    var (subject, body) = Message(c.Code, c.Id, c.NameEn, c.NameEs, c.Due, occasion, mxEn, mxEs, usEn, usEs, spanishFirst, settings.PublicUrl, today);
                    if (await outbox.EnqueueAsync(db, $"commitment:{c.Id:N}:{occasion}:{a.Id}", a.Id, a.Email, subject, body, null, cancellationToken))
                    {
                        emails++;
                    }
                }

                if (pending >= Batch)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    pending = 0;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Report(notifications, emails);
    }

    /// <summary>
    /// "overdue" after the due day; "due-0" on it; "due-N" for the smallest configured N at or above the days left; null
    /// when it is further off than every N. Each ends with "@" and the due date, so that a commitment whose due date is
    /// moved is reminded again for the new one.
    /// </summary>
    public static string? Occasion(DateOnly due, DateOnly today, IReadOnlyCollection<int> daysBefore)
    {
        ArgumentNullException.ThrowIfNull(daysBefore);
        var left = due.DayNumber - today.DayNumber;
        var n = daysBefore.Where(d => d >= left).DefaultIfEmpty(-1).Min();
        var kind = left < 0 ? "overdue" : left == 0 ? "due-0" : n < 0 ? null : string.Create(CultureInfo.InvariantCulture, $"due-{n}");
        return kind is null ? null : string.Create(CultureInfo.InvariantCulture, $"{kind}@{due:yyyy-MM-dd}");
    }

    private static (string Subject, string Body) Message(string code, Guid id, string textEn, string textEs, DateOnly due, string occasion,
        string mxEn, string mxEs, string usEn, string usEs, bool spanishFirst, string? publicUrl, DateOnly today)
    {
        var en = CultureInfo.GetCultureInfo("en-US");
        var es = CultureInfo.GetCultureInfo("es-MX");
        var left = due.DayNumber - today.DayNumber;
        var overdue = occasion.StartsWith("overdue", StringComparison.Ordinal);
        string WhenEn() => overdue ? $"overdue since {due.ToString("d MMMM yyyy", en)}" : left == 0 ? "due today" : $"due in {left} day{(left == 1 ? "" : "s")}, on {due.ToString("d MMMM yyyy", en)}";
        string WhenEs() => overdue ? $"vencido desde el {due.ToString("d 'de' MMMM 'de' yyyy", es)}" : left == 0 ? "vence hoy" : $"vence en {left} día{(left == 1 ? "" : "s")}, el {due.ToString("d 'de' MMMM 'de' yyyy", es)}";
        var link = (publicUrl?.TrimEnd('/') ?? "") + $"/Commitments/Details/{id}";
        var english = $"""
            Commitment {code} is {WhenEn()}.

            As agreed in English: {textEn}
            As agreed in Spanish: {textEs}
            Owners: {mxEn} (Mexico); {usEn} (United States).

            Record its status in Puente: {link}
            """;
        var spanish = $"""
            El compromiso {code} {WhenEs()}.

            Como se acordó en español: {textEs}
            Como se acordó en inglés: {textEn}
            Responsables: {mxEs} (México); {usEs} (Estados Unidos).

            Registre su estado en Puente: {link}
            """;
        var subjectEn = $"Puente: commitment {code} {(overdue ? "is overdue" : left == 0 ? "is due today" : $"is due in {left} day{(left == 1 ? "" : "s")}")}";
        var subjectEs = $"Puente: compromiso {code} {(overdue ? "vencido" : left == 0 ? "vence hoy" : $"vence en {left} día{(left == 1 ? "" : "s")}")}";
        var subject = spanishFirst ? $"{subjectEs} / {subjectEn}" : $"{subjectEn} / {subjectEs}";
        if (subject.Length > 300)
        {
            subject = subject[..300];
        }

        var body = new StringBuilder().Append(spanishFirst ? spanish : english).Append("\n\n---\n\n").Append(spanishFirst ? english : spanish).ToString();
        return (subject, body);
    }

    private static List<string> Split(string joined) => [.. joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>The commitment notifications of the reader, described through the reader's access filter.</summary>
public sealed class CommitmentNotificationSource(PuenteDbContext db) : INotificationSource
{
    public string Kind => CommitmentReminders.Kind;

    public async Task<IReadOnlyDictionary<Guid, (string Title, string Url)>> DescribeAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var found = await db.Set<Commitment>().AsNoTracking().Where(c => recordIds.Contains(c.Id))
            .Select(c => new { c.Id, c.NameEn, c.NameEs }).ToListAsync(ct);
        return found.ToDictionary(c => c.Id, c => (Core.Localization.Bilingual.Pick(c.NameEn, c.NameEs, culture), $"/Commitments/Details/{c.Id}"));
    }
}
