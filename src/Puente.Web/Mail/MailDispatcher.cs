using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Puente.Data.Mail;

namespace Puente.Web.Mail;

/// <summary>
/// Sends what is due in the outbox (docs/decisions/0041-mail-outbox.md). Each message is claimed by one conditional
/// UPDATE (a lease, and the attempt counted) before it is sent, so two runs — two nodes, or a run by hand beside the
/// scheduled one — never both send it; it is marked sent after the server took it. A crash between the two leaves the
/// lease to lapse and the message is sent again, with the same Message-ID (made from its key): at least once, and
/// recognisably the same. A refused or failed send is retried after 1, 2, 4 … minutes, up to
/// <c>Puente:Mail:MaxAttempts</c>, then given up. Runs in a scope that reads as the system (the outbox is the system's).
/// </summary>
public sealed partial class MailDispatcher(PuenteDbContext db, IOptions<MailOptions> options, TimeProvider time, ILogger<MailDispatcher> logger)
{
    /// <summary>The most messages one run claims; the rest wait for the next run.</summary>
    public const int BatchSize = 50;

    /// <summary>How long a claim holds: far longer than one send may take (the SMTP timeout is at most 5 minutes).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>The wait after a first failed attempt; it doubles with each attempt, up to <see cref="MaxBackoff"/>.</summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones (1: one minute).</summary>
    public static TimeSpan Backoff(int attempts) =>
        attempts >= 20 ? MaxBackoff : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << (Math.Max(attempts, 1) - 1)));

    /// <summary>The Message-ID of the message with this key: the same for every attempt, different for every key.</summary>
    public static string MessageIdFor(string key, string from)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var at = from.LastIndexOf('@');
        return $"{hash[..40]}.puente@{(at >= 0 ? from[(at + 1)..] : "puente.invalid")}";
    }

    /// <summary>Sends the due messages, at most <see cref="BatchSize"/>; nothing when mail is off.</summary>
    public async Task<MailDispatchReport> DispatchAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return MailDispatchReport.None;
        }

        var now = time.GetUtcNow();
        var tooOld = now - TimeSpan.FromHours(settings.MaxAgeHours);
        var expired = await Due(now).Where(m => m.CreatedAt < tooOld).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null)
            .SetProperty(m => m.FailedAt, now)
            .SetProperty(m => m.LastError, $"Not sent within {settings.MaxAgeHours} hours of being queued; given up."), ct);
        var due = await Due(now).OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        int sent = 0, retrying = 0, failed = 0;
        SmtpClient? client = null;
        try
        {
            foreach (var id in due)
            {
                var lease = Guid.NewGuid();
                now = time.GetUtcNow();
                var claimed = await Due(now).Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.LeaseId, lease)
                    .SetProperty(m => m.LeaseUntil, now + Lease)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
                if (claimed == 0)
                {
                    continue; // another run took it
                }

                var message = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, ct);
                try
                {
                    var mime = ToMime(message, settings);
                    client ??= await ConnectAsync(settings, ct);
                    await client.SendAsync(mime, ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    if (await MarkFailedAsync(message, lease, ex, settings, ct))
                    {
                        failed++;
                    }
                    else
                    {
                        retrying++;
                    }

                    // The server refused this message: go on with the next. Anything else (no connection, a broken one,
                    // authentication): the server is not usable now, and the others wait for the next run.
                    if (ex is SmtpCommandException)
                    {
                        continue;
                    }

                    break;
                }

                if (!await MarkSentAsync(id, lease))
                {
                    LogLeaseLost(id);
                }

                sent++;
            }
        }
        finally
        {
            if (client is not null)
            {
                if (client.IsConnected)
                {
                    try
                    {
                        await client.DisconnectAsync(quit: true, CancellationToken.None);
                    }
                    catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
                    {
                        // The messages are marked; a connection that will not close cleanly is of no consequence.
                    }
                }

                client.Dispose();
            }
        }

        var report = new MailDispatchReport(sent, retrying, failed, expired);
        if (report != MailDispatchReport.None)
        {
            LogDispatched(sent, retrying, failed, expired);
        }

        return report;
    }

    /// <summary>Pending (due by now) and not claimed by a run that still holds its lease.</summary>
    private IQueryable<OutboxMessage> Due(DateTimeOffset now) =>
        db.Set<OutboxMessage>().Where(m => m.NextAttemptAt != null && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now));

    private static MimeMessage ToMime(OutboxMessage message, MailOptions settings)
    {
        var mime = new MimeMessage
        {
            MessageId = MessageIdFor(message.Key, settings.From!),
            Date = message.CreatedAt,
            Subject = message.Subject,
            Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.From!)); // required when enabled (validated at start)
        mime.To.Add(new MailboxAddress(null, message.ToAddress));
        return mime;
    }

    private static async Task<SmtpClient> ConnectAsync(MailOptions settings, CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(settings.TimeoutSeconds).TotalMilliseconds };
        try
        {
            var security = settings.Security.ToLowerInvariant() switch
            {
                "none" => SecureSocketOptions.None,
                "ssl" => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(settings.Host!, settings.EffectivePort, security, ct);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password!, ct); // both or neither (validated)
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Marks the message sent, if this run still holds its claim. Not cancellable: the server has the message,
    /// and a shutdown must not leave it unmarked.</summary>
    private async Task<bool> MarkSentAsync(Guid id, Guid lease)
    {
        var now = time.GetUtcNow();
        return await db.Set<OutboxMessage>().Where(m => m.Id == id && m.LeaseId == lease).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null)
            .SetProperty(m => m.LeaseId, (Guid?)null)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, (string?)null), CancellationToken.None) == 1;
    }

    /// <summary>Records the failed attempt: due again after the backoff, or given up after the last attempt (true).</summary>
    private async Task<bool> MarkFailedAsync(OutboxMessage message, Guid lease, Exception error, MailOptions settings, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var givenUp = message.Attempts >= settings.MaxAttempts;
        var text = Describe(error, settings);
        DateTimeOffset? next = givenUp ? null : now + Backoff(message.Attempts);
        DateTimeOffset? failedAt = givenUp ? now : null;
        await db.Set<OutboxMessage>().Where(m => m.Id == message.Id && m.LeaseId == lease).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.FailedAt, failedAt)
            .SetProperty(m => m.LastError, text)
            .SetProperty(m => m.LeaseId, (Guid?)null)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct);
        if (givenUp)
        {
            LogGivenUp(message.Id, message.Attempts, text);
        }
        else
        {
            LogRetrying(message.Id, message.Attempts, next!.Value, text);
        }

        return givenUp;
    }

    /// <summary>The error, short and without the password (servers may echo what they were sent).</summary>
    internal static string Describe(Exception error, MailOptions settings)
    {
        var text = $"{error.GetType().Name}: {error.Message}".ReplaceLineEndings(" ");
        if (!string.IsNullOrEmpty(settings.Password))
        {
            text = text.Replace(settings.Password, "***", StringComparison.Ordinal);
        }

        return text.Length <= OutboxMessage.ErrorMaxLength ? text : text[..(OutboxMessage.ErrorMaxLength - 1)] + "…";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail: {Sent} sent, {Retrying} to retry, {Failed} given up, {Expired} too old")]
    private partial void LogDispatched(int sent, int retrying, int failed, int expired);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail: message {Id} failed (attempt {Attempts}); next attempt at {Next}: {Error}")]
    private partial void LogRetrying(Guid id, int attempts, DateTimeOffset next, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail: message {Id} given up after {Attempts} attempts: {Error}")]
    private partial void LogGivenUp(Guid id, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail: message {Id} was sent after its claim lapsed; another run may send it again")]
    private partial void LogLeaseLost(Guid id);
}
