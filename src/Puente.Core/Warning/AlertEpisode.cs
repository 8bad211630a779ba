namespace Puente.Core.Warning;

/// <summary>
/// One alert as the live system raises it: a detector's signals on consecutive points of the series (the next point, by
/// <see cref="Signal.Index"/>) make one episode — "one open alert per indicator and detector, updated while the signal
/// persists". <see cref="First"/> is the signal that opened it, <see cref="Last"/> the latest that kept it open,
/// <see cref="Severity"/> the highest over the episode and <see cref="Signals"/> how many points fired.
/// </summary>
public sealed record AlertEpisode(Signal First, Signal Last, Severity Severity, int Signals)
{
    public string Detector => First.Detector;

    /// <summary>
    /// Collapses one detector's signals (any order) into episodes in period order. A point skipped between two signals
    /// (a missing value) ends an episode: the signal did not persist through it.
    /// </summary>
    /// <exception cref="ArgumentException">The signals come from more than one detector.</exception>
    public static IReadOnlyList<AlertEpisode> Collapse(IEnumerable<Signal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var ordered = signals.OrderBy(s => s.Index).ToList();
        if (ordered.Select(s => s.Detector).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw new ArgumentException("Signals of one detector at a time.", nameof(signals));
        }

        var episodes = new List<AlertEpisode>();
        foreach (var signal in ordered)
        {
            if (episodes.Count > 0 && episodes[^1].Last.Index + 1 == signal.Index)
            {
                var open = episodes[^1];
                episodes[^1] = open with { Last = signal, Severity = (Severity)Math.Max((int)open.Severity, (int)signal.Severity), Signals = open.Signals + 1 };
            }
            else if (episodes.Count == 0 || episodes[^1].Last.Index != signal.Index)
            {
                episodes.Add(new AlertEpisode(signal, signal, signal.Severity, 1));
            }
        }

        return episodes;
    }
}
