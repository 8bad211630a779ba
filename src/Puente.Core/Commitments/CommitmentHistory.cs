namespace Puente.Core.Commitments;

/// <summary>A commitment's status on any day, from its dated changes.</summary>
public static class CommitmentHistory
{
    /// <summary>
    /// The status on <paramref name="day"/>: the latest change dated on or before it (by date, then order recorded);
    /// <see cref="CommitmentStatus.NotStarted"/> from the day it was made until the first change; null before it was made.
    /// </summary>
    public static CommitmentStatus? StatusOn(DateOnly madeOn, IEnumerable<(DateOnly Date, int Sequence, CommitmentStatus Status)> changes, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (day < madeOn)
        {
            return null;
        }

        var latest = changes.Where(c => c.Date <= day).OrderBy(c => c.Date).ThenBy(c => c.Sequence).LastOrDefault();
        return latest == default ? CommitmentStatus.NotStarted : latest.Status;
    }
}
