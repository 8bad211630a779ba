using Puente.Core.Access;

namespace Puente.Core.Records;

/// <summary>
/// A record of the institutional memory. Every read of one is filtered by <see cref="Confidentiality"/>;
/// every create, update and delete of one is written to the audit trail.
/// </summary>
public abstract class ContentRecord
{
    public Guid Id { get; set; }

    public Confidentiality Confidentiality { get; set; } = Confidentiality.Shared;

    /// <summary>The side whose users may read the record when it is <see cref="Confidentiality.Internal"/>.</summary>
    public Side OwnerSide { get; set; } = Side.Joint;

    /// <summary>Stable natural key (upper-case ASCII, digits, '-', '.'), unique per record type.</summary>
    public string Code { get; set; } = "";

    /// <summary>Section of the white paper the record is traced to ("I".."VII", "Conclusion"), if any.</summary>
    public string? Section { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public string UpdatedBy { get; set; } = "";

    /// <summary>Hash of the catalog entry last applied by seeding; null for records users created.
    /// Seeding updates a record only while it still carries the values it last seeded (no local edits).</summary>
    public string? SeedHash { get; set; }

    /// <summary>Optimistic concurrency: incremented on every save; an edit based on an older version is refused.</summary>
    public int Version { get; set; }

    /// <summary>A human label for audit entries and history.</summary>
    public abstract string Label { get; }
}
