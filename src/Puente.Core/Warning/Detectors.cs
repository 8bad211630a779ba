using Puente.Core.Series;

namespace Puente.Core.Warning;

/// <summary>Which movement of an indicator is a concern.</summary>
public enum Concern
{
    Up,
    Down,
    Both,
}

/// <summary>How far past its threshold a signal is.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
}

/// <summary>
/// One point where a detector fired: the period and value, the baseline it was judged against, the detector's statistic
/// (a z-score, a cumulative sum, a relative change or the value itself) and the threshold the statistic crossed.
/// </summary>
public sealed record Signal(string Detector, int Index, DateOnly Period, double Value, double Baseline, double Statistic, double Threshold, Severity Severity);

/// <summary>
/// An early-warning detector over an indicator's values in period order. Pure and deterministic: the same points and
/// parameters give the same signals. Points whose value is not a finite number are skipped (they neither fire nor feed a
/// baseline).
/// </summary>
public interface IDetector
{
    string Name { get; }

    IReadOnlyList<Signal> Run(IReadOnlyList<SeriesPoint> points, Concern concern);
}

internal static class DetectorMath
{
    /// <summary>Low past the threshold, Medium from 1.5 times it, High from twice it (by the statistic's size).</summary>
    public static Severity SeverityOf(double statistic, double threshold)
    {
        var ratio = threshold == 0 ? double.PositiveInfinity : Math.Abs(statistic) / Math.Abs(threshold);
        return ratio >= 2 ? Severity.High : ratio >= 1.5 ? Severity.Medium : Severity.Low;
    }

    /// <summary>Whether a move in the direction of <paramref name="sign"/> (+1 up, −1 down) is a concern.</summary>
    public static bool Concerns(Concern concern, int sign) => concern switch
    {
        Concern.Up => sign > 0,
        Concern.Down => sign < 0,
        _ => sign != 0,
    };

    public static List<(int Index, SeriesPoint Point)> Finite(IReadOnlyList<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return [.. points.Select((p, i) => (i, p)).Where(x => double.IsFinite(x.p.Value))];
    }
}

/// <summary>Fires when the value passes a fixed level: above it for an upward concern, below it for a downward one
/// (both: above <see cref="Level"/> or below <see cref="Lower"/>).</summary>
public sealed record ThresholdDetector(double Level, double? Lower = null) : IDetector
{
    public string Name => "threshold";

    public IReadOnlyList<Signal> Run(IReadOnlyList<SeriesPoint> points, Concern concern)
    {
        var signals = new List<Signal>();
        foreach (var (i, p) in DetectorMath.Finite(points))
        {
            var lower = Lower ?? Level;
            if (concern != Concern.Down && p.Value > Level)
            {
                signals.Add(new Signal(Name, i, p.Date, p.Value, Level, p.Value, Level, DetectorMath.SeverityOf(p.Value, Level)));
            }
            else if (concern != Concern.Up && p.Value < lower)
            {
                // Below: severity by how far under, relative to the level's size.
                var depth = lower == 0 ? double.PositiveInfinity : Math.Abs(lower) / Math.Max(Math.Abs(p.Value), double.Epsilon);
                signals.Add(new Signal(Name, i, p.Date, p.Value, lower, p.Value, lower, DetectorMath.SeverityOf(depth, 1)));
            }
        }

        return signals;
    }
}

/// <summary>
/// EWMA z-score: the value against an exponentially weighted mean and deviation of the values before it (smoothing
/// <see cref="Lambda"/>), after <see cref="Warmup"/> values; fires when |z| ≥ <see cref="K"/> in the concern's
/// direction. A flat history (no deviation) never fires. The defaults (λ 0.1, k 3.5, 12) were chosen by backtesting on the
/// southwest border encounter series (docs/early-warning-defaults.md).
/// </summary>
public sealed record EwmaDetector(double Lambda = 0.1, double K = 3.5, int Warmup = 12) : IDetector
{
    public string Name => "ewma";

    public IReadOnlyList<Signal> Run(IReadOnlyList<SeriesPoint> points, Concern concern)
    {
        if (Lambda is <= 0 or > 1 || K <= 0 || Warmup < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(points), "lambda in (0, 1], k > 0, warmup ≥ 2");
        }

        var signals = new List<Signal>();
        double mean = 0, variance = 0;
        var seen = 0;
        foreach (var (i, p) in DetectorMath.Finite(points))
        {
            if (seen >= Warmup && variance > 1e-12 * Math.Max(1, mean * mean))
            {
                var sd = Math.Sqrt(variance);
                var z = (p.Value - mean) / sd;
                if (Math.Abs(z) >= K && DetectorMath.Concerns(concern, Math.Sign(z)))
                {
                    signals.Add(new Signal(Name, i, p.Date, p.Value, mean, z, K, DetectorMath.SeverityOf(z, K)));
                }
            }

            if (seen == 0)
            {
                mean = p.Value;
            }
            else
            {
                var diff = p.Value - mean;
                mean += Lambda * diff;
                variance = (1 - Lambda) * (variance + Lambda * diff * diff);
            }

            seen++;
        }

        return signals;
    }
}

/// <summary>
/// Two-sided CUSUM on values standardised by the mean and deviation of the first <see cref="Warmup"/> values: upper and
/// lower sums that grow by (z − <see cref="K"/>) and (−z − K); fires when one reaches <see cref="H"/> (in the concern's
/// direction) and starts that sum again. A flat warm-up (no deviation) never fires. The defaults (k 0.5, h 8, 12) were
/// chosen by backtesting on the southwest border encounter series (docs/early-warning-defaults.md).
/// </summary>
public sealed record CusumDetector(double K = 0.5, double H = 8, int Warmup = 12) : IDetector
{
    public string Name => "cusum";

    public IReadOnlyList<Signal> Run(IReadOnlyList<SeriesPoint> points, Concern concern)
    {
        if (K < 0 || H <= 0 || Warmup < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(points), "k ≥ 0, h > 0, warmup ≥ 2");
        }

        var finite = DetectorMath.Finite(points);
        if (finite.Count <= Warmup)
        {
            return [];
        }

        var warm = finite.Take(Warmup).Select(x => x.Point.Value).ToList();
        var mean = warm.Average();
        var sd = Math.Sqrt(warm.Sum(v => (v - mean) * (v - mean)) / (warm.Count - 1));
        if (!(sd > 1e-12 * Math.Max(1, Math.Abs(mean))))
        {
            return [];
        }

        var signals = new List<Signal>();
        double upper = 0, lower = 0;
        foreach (var (i, p) in finite.Skip(Warmup))
        {
            var z = (p.Value - mean) / sd;
            upper = Math.Max(0, upper + z - K);
            lower = Math.Max(0, lower - z - K);
            if (upper >= H && concern != Concern.Down)
            {
                signals.Add(new Signal(Name, i, p.Date, p.Value, mean, upper, H, DetectorMath.SeverityOf(upper, H)));
                upper = 0;
            }
            else if (lower >= H && concern != Concern.Up)
            {
                signals.Add(new Signal(Name, i, p.Date, p.Value, mean, -lower, H, DetectorMath.SeverityOf(lower, H)));
                lower = 0;
            }
        }

        return signals;
    }
}

/// <summary>
/// Change against the same period a year earlier (<see cref="Lag"/> periods back: 12 for months, 4 for quarters, 52 for
/// weeks): fires when the relative change reaches <see cref="Change"/> (0.5 = 50 %) in the concern's direction. A zero
/// value a year earlier is no baseline. The default 50 % was chosen by backtesting on the southwest border encounter
/// series (docs/early-warning-defaults.md); a change of 100 % or more could never fire on a fall.
/// </summary>
public sealed record SeasonalDetector(double Change = 0.5, int Lag = 12) : IDetector
{
    public string Name => "seasonal";

    public IReadOnlyList<Signal> Run(IReadOnlyList<SeriesPoint> points, Concern concern)
    {
        if (Change <= 0 || Lag < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(points), "change > 0, lag ≥ 1");
        }

        ArgumentNullException.ThrowIfNull(points);
        var signals = new List<Signal>();
        for (var i = Lag; i < points.Count; i++)
        {
            var (now, before) = (points[i].Value, points[i - Lag].Value);
            if (!double.IsFinite(now) || !double.IsFinite(before) || before == 0)
            {
                continue;
            }

            var relative = (now - before) / Math.Abs(before);
            if (Math.Abs(relative) >= Change && DetectorMath.Concerns(concern, Math.Sign(relative)))
            {
                signals.Add(new Signal(Name, i, points[i].Date, now, before, relative, Change, DetectorMath.SeverityOf(relative, Change)));
            }
        }

        return signals;
    }
}
