namespace Puente.Core.Commitments;

/// <summary>Where a commitment stands. The first three are open; the rest close it.</summary>
public enum CommitmentStatus
{
    NotStarted,
    InProgress,
    Stalled,
    Kept,
    PartlyKept,
    Broken,
    Superseded,
    Withdrawn,
}

/// <summary>Where a commitment was made.</summary>
public enum CommitmentOrigin
{
    /// <summary>At an engagement (a meeting, call, session).</summary>
    Engagement,

    /// <summary>Under a mechanism, outside a recorded session.</summary>
    Mechanism,

    /// <summary>In an IBWC/CILA minute or a water agreement (<see cref="Commitment.Instrument"/> names it).</summary>
    WaterMinute,

    /// <summary>In a plan (<see cref="Commitment.Instrument"/> names it).</summary>
    Plan,
}

public static class CommitmentStatuses
{
    /// <summary>Not started, in progress or stalled: still owed.</summary>
    public static bool IsOpen(CommitmentStatus status) => status is CommitmentStatus.NotStarted or CommitmentStatus.InProgress or CommitmentStatus.Stalled;
}
