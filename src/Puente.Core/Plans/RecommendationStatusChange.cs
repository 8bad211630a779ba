using Puente.Core.Catalog;
using Puente.Core.Records;

namespace Puente.Core.Plans;

/// <summary>
/// One dated change of a recommendation's status, with a note in each language and evidence: an engagement, a commitment
/// and/or a web address. A part of its recommendation (docs/decisions/0022-record-parts.md): read by exactly whoever
/// reads the recommendation, audited in its history. Changes are ordered by <see cref="Date"/>, then
/// <see cref="Sequence"/>; a new change is never dated before the latest one (docs/decisions/0043-plans-and-recommendation-status.md).
/// </summary>
public sealed class RecommendationStatusChange : RecordPart
{
    public const int NoteMaxLength = 2000;
    public const int UrlMaxLength = 500;

    /// <summary>The most changes one recommendation keeps (a bound on its page and its answer).</summary>
    public const int MaxPerRecommendation = 500;

    public Recommendation? Recommendation { get; set; }

    /// <summary>1, 2, 3… in the order recorded, unique per recommendation.</summary>
    public int Sequence { get; set; }

    public RecommendationStatus Status { get; set; }

    /// <summary>The day the status took effect (not the day it was recorded: that is <see cref="ContentRecord.CreatedAt"/>).</summary>
    public DateOnly Date { get; set; }

    public string? NoteEn { get; set; }
    public string? NoteEs { get; set; }
    public string? EvidenceUrl { get; set; }
    public Guid? EvidenceEngagementId { get; set; }
    public Guid? EvidenceCommitmentId { get; set; }

    public bool HasEvidence => EvidenceUrl is not null || EvidenceEngagementId is not null || EvidenceCommitmentId is not null;

    public override string Label => Code;
}
