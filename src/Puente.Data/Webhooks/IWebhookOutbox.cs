using Puente.Core.Records;

namespace Puente.Data.Webhooks;

/// <summary>
/// Queues signed webhook deliveries in the caller's unit of work; the dispatch job POSTs them later
/// (docs/webhooks.md, docs/decisions/0034-webhooks.md).
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>
    /// Adds to <paramref name="db"/> (not saved: the caller saves it with its own change, in the same transaction) one
    /// delivery for every enabled subscription that wants <paramref name="eventType"/> and whose account may read
    /// <paramref name="subject"/> as it stands in this unit of work (<c>Viewer.CanRead</c> with the account's side and
    /// groups, and the subject's grants, saved or added here). A subscription that already has a delivery with
    /// <paramref name="eventKey"/>, saved or added to this context, gets nothing: a rerun queues nothing twice (two
    /// units of work adding the same key at once: the second save fails on the unique key). Returns how many were added.
    /// <para>The body is serialized once, camelCase JSON:
    /// <c>{"event", "key", "occurredAt", "subject": {"type", "id"}, "data": payload}</c>; <paramref name="payload"/> must
    /// carry only what every reader of the subject may read.</para>
    /// </summary>
    /// <param name="db">The caller's unit of work, which saves the deliveries with its own change.</param>
    /// <param name="subject">The record the event is about, with its id set (a new record: give it an id before).</param>
    /// <param name="eventType">One of <c>Puente.Core.Webhooks.WebhookEvents.All</c>.</param>
    /// <param name="eventKey">What this event is ("alert:{id}:opened"), at most 200 characters.</param>
    /// <param name="payload">The event's data (serialized with System.Text.Json, camelCase, enums as names).</param>
    /// <param name="ct">Cancels the look-ups.</param>
    /// <exception cref="ArgumentException">An unknown event, an empty or too long key, a subject without an id, or a body
    /// over 64 KiB of UTF-8.</exception>
    Task<int> EnqueueAsync(PuenteDbContext db, ContentRecord subject, string eventType, string eventKey, object payload, CancellationToken ct);
}
