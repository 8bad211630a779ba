using Puente.Core.Catalog;
using Puente.Core.Memory;
using Puente.Core.Records;

namespace Puente.Core.Commitments;

/// <summary>
/// A two-sided commitment. Its wording is the record's names: <see cref="BilingualRecord.NameEn"/> as the English text
/// was agreed and <see cref="BilingualRecord.NameEs"/> as the Spanish text was agreed (two texts, not a translation);
/// the descriptions hold context. Each side's owner is a post, so the commitment survives a change of person (the
/// holder on any day comes from the tenures). <see cref="Status"/> is the latest of <see cref="Changes"/>, kept on the
/// record so that lists of open and overdue commitments read one table.
/// </summary>
public sealed class Commitment : BilingualRecord
{
    public const int InstrumentMaxLength = 60;
    public const int TeamMaxLength = 64;
    public const int MaxCodes = 20;
    public const int MaxChanges = 200;

    public CommitmentOrigin Origin { get; set; }

    /// <summary>The day it was made (an engagement's local start date when made at one).</summary>
    public DateOnly MadeOn { get; set; }

    /// <summary>The day it is due; null: ongoing.</summary>
    public DateOnly? Due { get; set; }

    public Guid OwnerMxPostId { get; set; }
    public Post? OwnerMxPost { get; set; }
    public Guid OwnerUsPostId { get; set; }
    public Post? OwnerUsPost { get; set; }

    public Guid? EngagementId { get; set; }
    public Engagement? Engagement { get; set; }

    /// <summary>The mechanism it was made under (the engagement's when made at a session).</summary>
    public Guid? MechanismId { get; set; }
    public Mechanism? Mechanism { get; set; }

    /// <summary>The water minute or agreement ("MINUTE-323", "AGREEMENT-2025-12") or plan ("WHITE-PAPER-2025") it is in.</summary>
    public string? Instrument { get; set; }

    /// <summary>Agenda issue codes, stored ",A,B," as on engagements.</summary>
    public string IssueCodes { get; set; } = "";

    /// <summary>Recommendation codes of the paper's plan (",III-04,"), stored as <see cref="IssueCodes"/>.</summary>
    public string RecommendationCodes { get; set; } = "";

    /// <summary>An account group that follows it (lower case; its members see it under "mine" and get its reminders).</summary>
    public string? Team { get; set; }

    /// <summary>The latest status: state, not content (recording it is not a local edit of a seeded commitment).</summary>
    [RecordState]
    public CommitmentStatus Status { get; set; }

    /// <summary>The date of the latest status change (<see cref="MadeOn"/> before any).</summary>
    [RecordState]
    public DateOnly StatusDate { get; set; }

    public List<CommitmentStatusChange> Changes { get; set; } = [];

    public override string Label => Code;
}

/// <summary>
/// One dated change of a commitment's status, with a note and evidence (an engagement, one of its attachments, or a
/// web address). A part of its commitment: read by whoever reads the commitment, audited in its history.
/// </summary>
public sealed class CommitmentStatusChange : RecordPart
{
    public const int NoteMaxLength = 2000;
    public const int UrlMaxLength = 500;

    public Commitment? Commitment { get; set; }

    /// <summary>1, 2, 3… in the order recorded; with <see cref="Date"/> it orders the history.</summary>
    public int Sequence { get; set; }

    public CommitmentStatus Status { get; set; }
    public DateOnly Date { get; set; }
    public string? NoteEn { get; set; }
    public string? NoteEs { get; set; }
    public string? EvidenceUrl { get; set; }
    public Guid? EvidenceEngagementId { get; set; }
    public Engagement? EvidenceEngagement { get; set; }
    public Guid? EvidenceAttachmentId { get; set; }

    public override string Label => Code;
}
