using Puente.Core.Commitments;

namespace Puente.Core.Health;

/// <summary>
/// Commitments counted by their status on one day: open (not started, in progress, stalled), kept, partly kept, broken,
/// and closed without a judgment (superseded, withdrawn).
/// </summary>
public sealed record CommitmentOutcomes(int Open, int Kept, int PartlyKept, int Broken, int Closed)
{
    public static CommitmentOutcomes None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Counts from (status, how many) pairs.</summary>
    public static CommitmentOutcomes From(IEnumerable<(CommitmentStatus Status, int Count)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int open = 0, kept = 0, partly = 0, broken = 0, closed = 0;
        foreach (var (status, count) in counts)
        {
            switch (status)
            {
                case CommitmentStatus.Kept: kept += count; break;
                case CommitmentStatus.PartlyKept: partly += count; break;
                case CommitmentStatus.Broken: broken += count; break;
                case var s when CommitmentStatuses.IsOpen(s): open += count; break;
                default: closed += count; break;
            }
        }

        return new CommitmentOutcomes(open, kept, partly, broken, closed);
    }

    /// <summary>Kept, partly kept or broken.</summary>
    public int Judged => Kept + PartlyKept + Broken;

    /// <summary>
    /// The kept share of those judged: (kept + ½ partly kept) ÷ (kept + partly kept + broken), in [0, 1]; null when none
    /// is judged. A partly kept commitment counts half: it was neither honoured nor broken.
    /// </summary>
    public double? KeptShareOfJudged => Judged == 0 ? null : (Kept + 0.5 * PartlyKept) / Judged;

    /// <summary>
    /// The kept share of those that were due: as <see cref="KeptShareOfJudged"/> with the still-open ones (due and not
    /// kept) counted as not kept; superseded and withdrawn ones left out. Null when there are none.
    /// </summary>
    public double? KeptShareOfDue => Judged + Open == 0 ? null : (Kept + 0.5 * PartlyKept) / (Judged + Open);
}
