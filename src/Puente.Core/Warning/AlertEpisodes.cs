namespace Puente.Core.Warning;

/// <summary>
/// Episodes of a detector's signals: maximal runs of signals on consecutive points of the series (indexes i, i + 1, …).
/// An alert is about one episode and is updated while the episode goes on; a point that does not signal ends it.
/// </summary>
public static class AlertEpisodes
{
    /// <summary>The episodes of <paramref name="signals"/> (in index order), each oldest first.</summary>
    public static IReadOnlyList<IReadOnlyList<Signal>> Of(IReadOnlyList<Signal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var episodes = new List<IReadOnlyList<Signal>>();
        List<Signal>? run = null;
        foreach (var signal in signals.OrderBy(s => s.Index))
        {
            if (run is null || signal.Index != run[^1].Index + 1)
            {
                run = [];
                episodes.Add(run);
            }

            if (run.Count == 0 || signal.Index != run[^1].Index)
            {
                run.Add(signal);
            }
        }

        return episodes;
    }

    /// <summary>The episode that ends at the series' latest point (index <paramref name="latestIndex"/>): the one going
    /// on now; null when the latest point does not signal.</summary>
    public static IReadOnlyList<Signal>? Current(IReadOnlyList<Signal> signals, int latestIndex) =>
        Of(signals) is { Count: > 0 } episodes && episodes[^1][^1].Index == latestIndex ? episodes[^1] : null;
}
