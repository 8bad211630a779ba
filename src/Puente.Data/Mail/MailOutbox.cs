using System.Net.Mail;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Puente.Data.Mail;

/// <summary>The outbox over the <c>MailOutbox</c> table: checks the bounds, keeps one message per key.</summary>
public sealed class MailOutbox(TimeProvider time) : IMailOutbox
{
    public async Task<bool> EnqueueAsync(PuenteDbContext db, string key, string toUserId, string toAddress, string subject, string textBody,
        string? htmlBody, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        Check(key, nameof(key), OutboxMessage.KeyMaxLength);
        Check(toUserId, nameof(toUserId), OutboxMessage.UserIdMaxLength);
        Check(subject, nameof(subject), OutboxMessage.SubjectMaxLength);
        if (subject.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("A subject is one line.", nameof(subject));
        }

        CheckAddress(toAddress, nameof(toAddress));
        CheckBody(textBody, nameof(textBody));
        if (htmlBody is not null)
        {
            CheckBody(htmlBody, nameof(htmlBody));
        }

        if (db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.Key == key)
            // Every unit of work may queue mail, but only the system reads the outbox: the key is looked up past the filter.
            || await db.Set<OutboxMessage>().IgnoreQueryFilters().AnyAsync(m => m.Key == key, ct))
        {
            return false;
        }

        var now = time.GetUtcNow();
        db.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            Key = key,
            ToUserId = toUserId,
            ToAddress = toAddress,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        return true;
    }

    private static void Check(string value, string name, int maxLength)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Length > maxLength)
        {
            throw new ArgumentException($"At most {maxLength} characters, not {value.Length}.", name);
        }
    }

    private static void CheckBody(string body, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(body, name);
        var bytes = Encoding.UTF8.GetByteCount(body);
        if (bytes > OutboxMessage.BodyMaxBytes)
        {
            throw new ArgumentException($"At most {OutboxMessage.BodyMaxBytes} bytes of UTF-8, not {bytes}.", name);
        }
    }

    /// <summary>One bare address (no display name, no list), as SMTP's RCPT takes it.</summary>
    private static void CheckAddress(string address, string name)
    {
        Check(address, name, OutboxMessage.AddressMaxLength);
        if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || parsed.DisplayName.Length > 0)
        {
            throw new ArgumentException($"'{address}' is not one e-mail address.", name);
        }
    }
}
