using System.Globalization;

namespace Puente.Core.Warning;

/// <summary>
/// Which detectors run over an indicator, and how an alert names a detector's parameters: the one place that reads an
/// indicator's detector settings (<see cref="Indicator.Detectors"/>).
/// </summary>
public static class AlertDetectors
{
    /// <summary>
    /// The detectors of <paramref name="indicator"/>, in the order they run. For now every indicator runs EWMA, CUSUM and
    /// seasonal with their default parameters, whatever its settings say; reading the settings replaces this one line.
    /// </summary>
    public static IReadOnlyList<IDetector> For(Indicator indicator) =>
        indicator is null ? throw new ArgumentNullException(nameof(indicator)) : [new EwmaDetector(), new CusumDetector(), new SeasonalDetector()];

    /// <summary>A detector's name and parameters as the settings write them (<c>ewma lambda=0.3 k=3 warmup=12</c>),
    /// at most <see cref="Alert.SettingsMaxLength"/> characters: what an alert keeps of the detector that raised it.</summary>
    public static string SettingsOf(IDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        var text = detector switch
        {
            EwmaDetector e => Join("ewma", ("lambda", e.Lambda), ("k", e.K), ("warmup", e.Warmup)),
            CusumDetector c => Join("cusum", ("k", c.K), ("h", c.H), ("warmup", c.Warmup)),
            SeasonalDetector s => Join("seasonal", ("change", s.Change), ("lag", s.Lag)),
            ThresholdDetector t => Join("threshold", ("level", t.Level), ("lower", t.Lower)),
            _ => detector.Name,
        };
        return text.Length <= Alert.SettingsMaxLength ? text : text[..Alert.SettingsMaxLength];
    }

    /// <summary>The parameters of settings text written by <see cref="SettingsOf"/> (<c>k=3</c> → k: 3); what cannot be
    /// read is left out.</summary>
    public static IReadOnlyDictionary<string, double> ParametersOf(string settings)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var word in (settings ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && double.TryParse(word.AsSpan(equals + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                result[word[..equals]] = value;
            }
        }

        return result;
    }

    private static string Join(string name, params (string Name, double? Value)[] parameters) =>
        string.Join(' ', [name, .. parameters.Where(p => p.Value is not null).Select(p => p.Name + "=" + p.Value!.Value.ToString(CultureInfo.InvariantCulture))]);
}
