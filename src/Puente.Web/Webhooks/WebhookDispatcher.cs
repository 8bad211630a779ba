using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Core.Access;
using Puente.Core.Records;
using Puente.Core.Webhooks;
using Puente.Data.Webhooks;

namespace Puente.Web.Webhooks;

/// <summary>
/// Sends what is due in the webhook outbox (docs/decisions/0034-webhooks.md). Each delivery is claimed by one
/// conditional UPDATE (a lease, and the run counted) before it is sent, so two runs never both send it; it is marked
/// sent once the receiver answered 2xx. Within a run the client repeats a transient failure (5xx, 408, 429, no
/// connection, a timeout) with exponential backoff and jitter, within a total timeout; a delivery that still failed is
/// due again after 1, 2, 4 … minutes, up to <c>Puente:Webhooks:MaxAttempts</c> runs, then given up. Every request is a
/// row of the delivery log. Before each send the subscription's account must still be able to read the subject.
/// Runs in a scope that reads as the system (the outbox is the system's).
/// </summary>
public sealed partial class WebhookDispatcher(PuenteDbContext db, IHttpClientFactory clients, WebhookSecrets secrets, IOptions<WebhookOptions> options,
    TimeProvider time, ILogger<WebhookDispatcher> logger)
{
    /// <summary>The named <c>HttpClient</c> deliveries go through (its handlers: <see cref="PuenteWebhooks"/>).</summary>
    public const string ClientName = "puente-webhooks";

    public const string EventHeader = "X-Puente-Event";
    public const string DeliveryHeader = "X-Puente-Delivery";

    /// <summary>The most deliveries one run claims; the rest wait for the next run.</summary>
    public const int BatchSize = 50;

    /// <summary>How long a claim holds: longer than the longest total timeout (5 minutes).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    private static readonly MethodInfo SubjectAccessMethod =
        typeof(WebhookDispatcher).GetMethod(nameof(SubjectAccessAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>The wait before the next run may try a delivery after <paramref name="attempts"/> failed runs (1: one minute).</summary>
    public static TimeSpan Backoff(int attempts) =>
        attempts >= 20 ? MaxBackoff : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << (Math.Max(attempts, 1) - 1)));

    /// <summary>Sends the due deliveries, at most <see cref="BatchSize"/>; nothing when webhooks are off.</summary>
    public async Task<WebhookDispatchReport> DispatchAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return WebhookDispatchReport.None;
        }

        var now = time.GetUtcNow();
        var tooOld = now - TimeSpan.FromHours(settings.MaxAgeHours);
        var expired = await Due(now).Where(d => d.CreatedAt < tooOld).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)null)
            .SetProperty(d => d.FailedAt, now)
            .SetProperty(d => d.LastError, $"Not delivered within {settings.MaxAgeHours} hours of the event; given up."), ct);
        var enabled = db.Set<WebhookSubscription>().IgnoreQueryFilters().Where(s => s.Enabled).Select(s => s.Id);
        var due = await Due(now).Where(d => enabled.Contains(d.SubscriptionId))
            .OrderBy(d => d.NextAttemptAt).Select(d => new { d.Id, d.SubscriptionId }).Take(BatchSize).ToListAsync(ct);
        int sent = 0, retrying = 0, failed = 0;
        // A receiver that failed once in this run is left alone until the next: its other deliveries would only wait
        // out the same timeouts.
        var failing = new HashSet<Guid>();
        var client = clients.CreateClient(ClientName);
        foreach (var item in due)
        {
            if (failing.Contains(item.SubscriptionId))
            {
                continue;
            }

            var lease = Guid.NewGuid();
            now = time.GetUtcNow();
            var claimed = await Due(now).Where(d => d.Id == item.Id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.LeaseId, lease)
                .SetProperty(d => d.LeaseUntil, now + Lease)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1), ct);
            if (claimed == 0)
            {
                continue; // another run took it
            }

            var delivery = await db.Set<WebhookDelivery>().AsNoTracking().SingleAsync(d => d.Id == item.Id, ct);
            var subscription = await db.Set<WebhookSubscription>().IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.Id == item.SubscriptionId, ct);
            var (tries, error) = subscription is null
                ? ([], "The subscription was deleted.")
                : await SendAsync(client, subscription, delivery, ct);
            await LogAsync(delivery, tries, error, ct);
            if (error is null)
            {
                if (!await MarkSentAsync(delivery.Id, lease))
                {
                    LogLeaseLost(delivery.Id);
                }

                sent++;
                continue;
            }

            failing.Add(item.SubscriptionId);
            // Refused before any request (no longer readable, no secret): trying again will not help.
            var final = tries.Count == 0;
            if (await MarkFailedAsync(delivery, lease, error, final, settings, ct))
            {
                failed++;
            }
            else
            {
                retrying++;
            }
        }

        if (due.Count > 0 || expired > 0)
        {
            LogDispatched(sent, retrying, failed, expired);
        }

        return new WebhookDispatchReport(sent, retrying, failed, expired);
    }

    /// <summary>The error text of a failure, short and on one line.</summary>
    internal static string Describe(Exception error)
    {
        // HttpClient wraps the cause (a refused address, a socket error) in an HttpRequestException: name the cause.
        var cause = error is HttpRequestException { InnerException: { } inner } ? inner : error;
        var text = error is Polly.Timeout.TimeoutRejectedException or TaskCanceledException or OperationCanceledException
            ? $"Timed out: {error.Message}"
            : $"{cause.GetType().Name}: {cause.Message}";
        return Shorten(text.ReplaceLineEndings(" "));
    }

    private static string Shorten(string text) => text.Length <= WebhookAttempt.ErrorMaxLength ? text : text[..(WebhookAttempt.ErrorMaxLength - 1)] + "…";

    private IQueryable<WebhookDelivery> Due(DateTimeOffset now) =>
        db.Set<WebhookDelivery>().Where(d => d.NextAttemptAt != null && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now));

    /// <summary>Checks that the delivery may still go, then POSTs it: the requests made and, unless the receiver took
    /// it, why not.</summary>
    private async Task<(IReadOnlyList<WebhookSend.Try> Tries, string? Error)> SendAsync(HttpClient client, WebhookSubscription subscription,
        WebhookDelivery delivery, CancellationToken ct)
    {
        if (await RefusalAsync(subscription, delivery, ct) is { } refusal)
        {
            return ([], refusal);
        }

        string secret;
        try
        {
            secret = secrets.Unprotect(subscription.SecretCipher);
        }
        catch (CryptographicException)
        {
            return ([], "The secret cannot be decrypted (the key ring that encrypted it is gone); rotate the secret.");
        }

        if (!Uri.TryCreate(subscription.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return ([], "The address is not an http or https URL."); // checked when it was made; a row written past that check
        }

        var send = new WebhookSend(secret, Encoding.UTF8.GetBytes(delivery.Payload));
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(send.Body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        request.Headers.TryAddWithoutValidation(EventHeader, delivery.EventType);
        request.Headers.TryAddWithoutValidation(DeliveryHeader, delivery.Id.ToString());
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Puente-Webhooks", "1.0"));
        request.Options.Set(WebhookSend.Key, send);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return (send.Tries, response.IsSuccessStatusCode ? null : send.Tries.LastOrDefault()?.Error ?? $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return (send.Tries, Describe(e));
        }
    }

    /// <summary>Why the delivery may no longer go, or null: its account must still exist, be unlocked, be of the
    /// subscription's side and be able to read the subject (if the subject still exists: one deleted since was
    /// readable when the event happened).</summary>
    private async Task<string?> RefusalAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == subscription.AccountUserId)
            .Select(u => new { u.Id, u.UserName, u.Side, u.Groups, u.LockoutEnd }).SingleOrDefaultAsync(ct);
        if (account is null || (account.LockoutEnd is { } end && end > now) || account.Side != subscription.OwnerSide)
        {
            return "Not sent: the subscription's account was removed, locked or moved to another side.";
        }

        var type = db.Model.GetEntityTypes().Select(e => e.ClrType)
            .FirstOrDefault(t => t.Name == delivery.SubjectType && t.IsAssignableTo(typeof(ContentRecord)));
        if (type is null)
        {
            return null;
        }

        var access = await (Task<SubjectAccess?>)SubjectAccessMethod.MakeGenericMethod(type).Invoke(this, [delivery.SubjectId, ct])!;
        if (access is null)
        {
            return null;
        }

        var grants = await db.RecordGrants.AsNoTracking().Where(g => g.RecordId == access.GrantsOf).Select(g => g.Principal).ToListAsync(ct);
        var viewer = Viewer.ForUser(account.Id, account.UserName ?? "", account.Side,
            account.Groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), isAdministrator: false);
        return viewer.CanRead(access.Confidentiality, access.OwnerSide, grants)
            ? null
            : "Not sent: the subscription's account may no longer read the record the event is about.";
    }

    private sealed record SubjectAccess(Confidentiality Confidentiality, Side OwnerSide, Guid GrantsOf);

    private async Task<SubjectAccess?> SubjectAccessAsync<T>(Guid id, CancellationToken ct)
        where T : ContentRecord
    {
        var records = db.Set<T>().IgnoreQueryFilters().AsNoTracking().Where(r => r.Id == id);
        return typeof(T).IsAssignableTo(typeof(RecordPart))
            ? await records.Select(r => new SubjectAccess(r.Confidentiality, r.OwnerSide, EF.Property<Guid>(r, nameof(RecordPart.ParentId)))).SingleOrDefaultAsync(ct)
            : await records.Select(r => new SubjectAccess(r.Confidentiality, r.OwnerSide, r.Id)).SingleOrDefaultAsync(ct);
    }

    /// <summary>Writes one log row per request made (or one for a delivery refused before any request).</summary>
    private async Task LogAsync(WebhookDelivery delivery, IReadOnlyList<WebhookSend.Try> tries, string? error, CancellationToken ct)
    {
        var number = await db.Set<WebhookAttempt>().CountAsync(a => a.DeliveryId == delivery.Id, ct);
        IReadOnlyList<WebhookSend.Try> rows = tries.Count > 0 ? tries : [new WebhookSend.Try(time.GetUtcNow(), null, error, 0)];
        foreach (var t in rows)
        {
            db.Add(new WebhookAttempt
            {
                SubscriptionId = delivery.SubscriptionId,
                DeliveryId = delivery.Id,
                EventType = delivery.EventType,
                EventKey = delivery.EventKey,
                Number = ++number,
                At = t.At,
                StatusCode = t.StatusCode,
                Error = t.Error is null ? null : Shorten(t.Error),
                DurationMs = t.DurationMs,
                Succeeded = t.StatusCode is >= 200 and < 300,
            });
        }

        // Not cancellable: the requests were made, and the log must say so.
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
    }

    /// <summary>Marks the delivery sent, if this run still holds its claim. Not cancellable: the receiver has it.</summary>
    private async Task<bool> MarkSentAsync(Guid id, Guid lease)
    {
        var now = time.GetUtcNow();
        return await db.Set<WebhookDelivery>().Where(d => d.Id == id && d.LeaseId == lease).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.SentAt, now)
            .SetProperty(d => d.NextAttemptAt, (DateTimeOffset?)null)
            .SetProperty(d => d.LeaseId, (Guid?)null)
            .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(d => d.LastError, (string?)null), CancellationToken.None) == 1;
    }

    /// <summary>Records the failed run: due again after the backoff, or given up (true) after the last run or when
    /// <paramref name="final"/>.</summary>
    private async Task<bool> MarkFailedAsync(WebhookDelivery delivery, Guid lease, string error, bool final, WebhookOptions settings, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var attempts = delivery.Attempts; // as claimed
        var givenUp = final || attempts >= settings.MaxAttempts;
        DateTimeOffset? next = givenUp ? null : now + Backoff(attempts);
        DateTimeOffset? failedAt = givenUp ? now : null;
        var text = Shorten(error);
        await db.Set<WebhookDelivery>().Where(d => d.Id == delivery.Id && d.LeaseId == lease).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.NextAttemptAt, next)
            .SetProperty(d => d.FailedAt, failedAt)
            .SetProperty(d => d.LastError, text)
            .SetProperty(d => d.LeaseId, (Guid?)null)
            .SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (givenUp)
        {
            LogGivenUp(delivery.Id, delivery.SubscriptionId, attempts, text);
        }
        else
        {
            LogRetrying(delivery.Id, delivery.SubscriptionId, attempts, next!.Value, text);
        }

        return givenUp;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhooks: {Sent} delivered, {Retrying} to retry, {Failed} given up, {Expired} too old")]
    private partial void LogDispatched(int sent, int retrying, int failed, int expired);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhooks: delivery {Id} to subscription {Subscription} failed (run {Attempts}); next at {Next}: {Error}")]
    private partial void LogRetrying(Guid id, Guid subscription, int attempts, DateTimeOffset next, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhooks: delivery {Id} to subscription {Subscription} given up after {Attempts} runs: {Error}")]
    private partial void LogGivenUp(Guid id, Guid subscription, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhooks: delivery {Id} was made after its claim lapsed; another run may send it again")]
    private partial void LogLeaseLost(Guid id);
}
