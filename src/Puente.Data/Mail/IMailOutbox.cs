namespace Puente.Data.Mail;

/// <summary>
/// Queues e-mail in the caller's unit of work; the dispatcher job sends it later (docs/decisions/0041-mail-outbox.md).
/// </summary>
public interface IMailOutbox
{
    /// <summary>
    /// Adds the message to <paramref name="db"/> (not saved: the caller saves it in the same transaction as its own
    /// change). Returns false when a message with this key already exists, saved or added to this context (nothing
    /// added). Two units of work adding the same key at once: the second save fails on the unique key.
    /// </summary>
    /// <exception cref="ArgumentException">A value is out of bounds: empty, too long (key 200, subject 300 characters,
    /// bodies 64 KiB of UTF-8), a subject with a line break, or an address that is not one plain e-mail address.</exception>
    Task<bool> EnqueueAsync(PuenteDbContext db, string key, string toUserId, string toAddress, string subject, string textBody,
        string? htmlBody, CancellationToken ct);
}
