using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Puente.Core.Text;

namespace Puente.Core.Warning;

/// <summary>
/// The detectors an indicator runs, with their parameters, as text an editor writes and the database keeps:
/// <c>ewma lambda=0.3 k=3 warmup=12; cusum k=0.5 h=5 warmup=12; seasonal change=0.25 lag=12; threshold level=100000 lower=0</c>
/// — detectors separated by <c>;</c>, each its name then <c>name=value</c> parameters (invariant culture: a decimal
/// point, no thousands separators); a parameter left out takes the detector's default (<see cref="EwmaDetector"/>,
/// <see cref="CusumDetector"/>, <see cref="SeasonalDetector"/>); a threshold needs its <c>level</c>. Names are
/// case-insensitive, each detector at most once, the text at most <see cref="MaxLength"/> characters, every parameter
/// within its range (<see cref="Ranges"/>). <see cref="ToString"/> writes the canonical text, every parameter spelled
/// out, which <see cref="TryParse"/> reads back to the same detectors.
/// </summary>
public sealed partial class DetectorSettings
{
    /// <summary>The longest settings text accepted.</summary>
    public const int MaxLength = 500;

    private sealed record Parameter(string Name, double Min, double Max, bool Whole, bool Required = false);

    private sealed record Kind(string Name, Parameter[] Parameters, Func<IReadOnlyDictionary<string, double>, IDetector> Create,
        Func<IDetector, IEnumerable<(string Name, double? Value)>> Values, string Example);

    private static readonly Kind[] Kinds =
    [
        new("ewma", [new("lambda", 0.01, 1, false), new("k", 0.5, 10, false), new("warmup", 2, 120, true)],
            p => new EwmaDetector(p.GetValueOrDefault("lambda", new EwmaDetector().Lambda), p.GetValueOrDefault("k", new EwmaDetector().K),
                (int)p.GetValueOrDefault("warmup", new EwmaDetector().Warmup)),
            d => d is EwmaDetector e ? [("lambda", e.Lambda), ("k", e.K), ("warmup", e.Warmup)] : [], "lambda=0.3"),
        new("cusum", [new("k", 0, 5, false), new("h", 0.5, 50, false), new("warmup", 2, 120, true)],
            p => new CusumDetector(p.GetValueOrDefault("k", new CusumDetector().K), p.GetValueOrDefault("h", new CusumDetector().H),
                (int)p.GetValueOrDefault("warmup", new CusumDetector().Warmup)),
            d => d is CusumDetector c ? [("k", c.K), ("h", c.H), ("warmup", c.Warmup)] : [], "h=5"),
        new("seasonal", [new("change", 0.01, 10, false), new("lag", 1, 104, true)],
            p => new SeasonalDetector(p.GetValueOrDefault("change", new SeasonalDetector().Change), (int)p.GetValueOrDefault("lag", new SeasonalDetector().Lag)),
            d => d is SeasonalDetector s ? [("change", s.Change), ("lag", s.Lag)] : [], "change=0.25"),
        new("threshold", [new("level", -1e12, 1e12, false, Required: true), new("lower", -1e12, 1e12, false)],
            p => new ThresholdDetector(p["level"], p.TryGetValue("lower", out var lower) ? lower : null),
            d => d is ThresholdDetector t ? [("level", t.Level), ("lower", t.Lower)] : [], "level=100000"),
    ];

    private DetectorSettings(IReadOnlyList<IDetector> detectors) => Detectors = detectors;

    /// <summary>The detectors, in the order written.</summary>
    public IReadOnlyList<IDetector> Detectors { get; }

    /// <summary>The detectors every indicator runs unless configured otherwise: EWMA, CUSUM and seasonal with their default
    /// parameters (docs/early-warning-defaults.md). A threshold has no default level, so it runs only when configured.</summary>
    public static DetectorSettings Defaults { get; } = new([new EwmaDetector(), new CusumDetector(), new SeasonalDetector()]);

    /// <summary>The detector names, as settings write them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Kinds.Select(k => k.Name)];

    /// <summary>Each detector's parameters with their inclusive ranges, e.g. <c>ewma.lambda</c> → (0.01, 1, false);
    /// Whole means a whole number.</summary>
    public static IReadOnlyDictionary<string, (double Min, double Max, bool Whole)> Ranges { get; } =
        Kinds.SelectMany(k => k.Parameters.Select(p => (Key: $"{k.Name}.{p.Name}", Range: (p.Min, p.Max, p.Whole))))
            .ToDictionary(x => x.Key, x => x.Range, StringComparer.Ordinal);

    /// <summary>Settings of these detectors (each name at most once).</summary>
    /// <exception cref="ArgumentException">Two detectors share a name, or a detector is not one of <see cref="Names"/>.</exception>
    public static DetectorSettings Of(IEnumerable<IDetector> detectors)
    {
        var list = detectors.ToList();
        if (list.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count() != list.Count || list.Any(d => !Names.Contains(d.Name)))
        {
            throw new ArgumentException("Each detector once, one of " + string.Join(", ", Names), nameof(detectors));
        }

        return new DetectorSettings(list);
    }

    /// <summary>
    /// Reads settings text; null or blank text gives <see cref="Defaults"/>. On failure every problem found is returned,
    /// each naming the detector and parameter.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DetectorSettings? settings, out IReadOnlyList<Problem> problems)
    {
        settings = null;
        var found = new List<Problem>();
        problems = found;
        if (string.IsNullOrWhiteSpace(text))
        {
            settings = Defaults;
            return true;
        }

        if (text.Length > MaxLength)
        {
            found.Add(DetectorProblems.TooLong.With(MaxLength));
            return false;
        }

        var detectors = new List<IDetector>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = Spaced().Replace(part, "=").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var name = tokens[0].ToLowerInvariant();
            if (Kinds.Any(k => k.Name == name) && !seen.Add(name))
            {
                found.Add(DetectorProblems.RepeatedDetector.With(name));
                continue;
            }

            if (TryCreate(name, tokens[1..], out var detector, out var more))
            {
                detectors.Add(detector);
            }

            found.AddRange(more);
        }

        if (found.Count > 0)
        {
            return false;
        }

        settings = new DetectorSettings(detectors);
        return true;
    }

    /// <summary>One detector from a name and <c>name=value</c> texts (as a command line gives them).</summary>
    public static bool TryCreate(string name, IEnumerable<string> assignments, [NotNullWhen(true)] out IDetector? detector, out IReadOnlyList<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(assignments);
        detector = null;
        var found = new List<Problem>();
        problems = found;
        var key = name.Trim().ToLowerInvariant();
        var kind = Kinds.FirstOrDefault(k => k.Name == key);
        if (kind is null)
        {
            found.Add(DetectorProblems.UnknownDetector.With(ImportFile.Echo(name.Trim()), string.Join(", ", Names)));
            return false;
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var assignment in assignments)
        {
            var at = assignment.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                found.Add(DetectorProblems.NotAnAssignment.With(kind.Name, ImportFile.Echo(assignment), kind.Example));
                continue;
            }

            var parameter = assignment[..at].Trim();
            if (!parameters.TryAdd(parameter, assignment[(at + 1)..].Trim()))
            {
                found.Add(DetectorProblems.RepeatedParameter.With(kind.Name, parameter.ToLowerInvariant()));
            }
        }

        if (TryCreate(kind.Name, parameters, out detector, out var more) && found.Count == 0)
        {
            return true;
        }

        detector = null;
        found.AddRange(more);
        return false;
    }

    /// <summary>
    /// One detector from a name and its parameters (names case-insensitive; values invariant-culture numbers); a parameter
    /// left out takes the detector's default. On failure every problem found is returned.
    /// </summary>
    public static bool TryCreate(string name, IReadOnlyDictionary<string, string> parameters, [NotNullWhen(true)] out IDetector? detector,
        out IReadOnlyList<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parameters);
        detector = null;
        var found = new List<Problem>();
        problems = found;
        var kind = Kinds.FirstOrDefault(k => string.Equals(k.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            found.Add(DetectorProblems.UnknownDetector.With(ImportFile.Echo(name.Trim()), string.Join(", ", Names)));
            return false;
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (given, text) in parameters)
        {
            var parameter = kind.Parameters.FirstOrDefault(p => string.Equals(p.Name, given.Trim(), StringComparison.OrdinalIgnoreCase));
            if (parameter is null)
            {
                found.Add(DetectorProblems.UnknownParameter.With(kind.Name, ImportFile.Echo(given.Trim()), string.Join(", ", kind.Parameters.Select(p => p.Name))));
            }
            else if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                         CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                found.Add(DetectorProblems.NotANumber.With(kind.Name, parameter.Name, ImportFile.Echo(text)));
            }
            else if (parameter.Whole && value != Math.Floor(value))
            {
                found.Add(DetectorProblems.NotWhole.With(kind.Name, parameter.Name, ImportFile.Echo(text)));
            }
            else if (value < parameter.Min || value > parameter.Max)
            {
                found.Add(DetectorProblems.OutOfRange.With(kind.Name, parameter.Name, value, parameter.Min, parameter.Max));
            }
            else if (!values.TryAdd(parameter.Name, value))
            {
                found.Add(DetectorProblems.RepeatedParameter.With(kind.Name, parameter.Name));
            }
        }

        foreach (var missing in kind.Parameters.Where(p => p.Required && !values.ContainsKey(p.Name) && !parameters.Keys.Any(k => string.Equals(k.Trim(), p.Name, StringComparison.OrdinalIgnoreCase))))
        {
            found.Add(DetectorProblems.MissingParameter.With(kind.Name, missing.Name));
        }

        if (found.Count > 0)
        {
            return false;
        }

        detector = kind.Create(values);
        return true;
    }

    /// <summary>One detector's canonical text, e.g. <c>ewma lambda=0.3 k=3 warmup=12</c>.</summary>
    /// <exception cref="ArgumentException">The detector is not one of <see cref="Names"/>.</exception>
    public static string Format(IDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        var kind = Kinds.FirstOrDefault(k => k.Name == detector.Name) ?? throw new ArgumentException($"Unknown detector {detector.Name}", nameof(detector));
        var values = kind.Values(detector).Where(v => v.Value is not null).Select(v => $"{v.Name}={v.Value!.Value.ToString("R", CultureInfo.InvariantCulture)}");
        return string.Join(' ', [kind.Name, .. values]);
    }

    /// <summary>The canonical settings text: each detector with every parameter, separated by <c>"; "</c>.</summary>
    public override string ToString() => string.Join("; ", Detectors.Select(Format));

    [GeneratedRegex(@"\s*=\s*")]
    private static partial Regex Spaced();
}
