using Puente.Core.Access;
using Puente.Core.Audit;

namespace Puente.Data.Audit;

/// <summary>One link of the audit chain. Append-only: the context refuses to update or delete entries.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public string Actor { get; set; } = "";
    public string? ActorUserId { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>The record's type name (Actor, Mechanism, …) or "Account" for sign-in and account events.</summary>
    public string? EntityType { get; set; }

    public Guid? RecordId { get; set; }
    public string? RecordLabel { get; set; }

    /// <summary>The stricter of the record's confidentiality before and after the change; entries are read under it.</summary>
    public Confidentiality Confidentiality { get; set; }

    public Side OwnerSide { get; set; }

    /// <summary>JSON of the record's values before the change (null for creates and account events).</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the record's values after the change (null for deletes).</summary>
    public string? After { get; set; }

    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public AuditFacts ToFacts() =>
        new(Timestamp, Actor, ActorUserId, Action, EntityType, RecordId, RecordLabel, Confidentiality, OwnerSide, Before, After);

    public AuditLink ToLink() => new(Id, ToFacts(), PreviousHash, Hash);
}
