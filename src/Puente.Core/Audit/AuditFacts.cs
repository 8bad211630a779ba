using Puente.Core.Access;

namespace Puente.Core.Audit;

/// <summary>
/// The content of an audit entry that its hash covers. <see cref="Timestamp"/> is kept to whole milliseconds so that
/// it survives every database's date storage unchanged.
/// </summary>
public sealed record AuditFacts(
    DateTimeOffset Timestamp,
    string Actor,
    string? ActorUserId,
    AuditAction Action,
    string? EntityType,
    Guid? RecordId,
    string? RecordLabel,
    Confidentiality Confidentiality,
    Side OwnerSide,
    string? Before,
    string? After)
{
    /// <summary>Truncates a time to whole milliseconds, in UTC.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
