using System.Globalization;

namespace Puente.Core.Warning;

/// <summary>
/// Which detectors run over an indicator, and how an alert names a detector's parameters: the one place that reads an
/// indicator's detector settings (<see cref="Indicator.Detectors"/>).
/// </summary>
public static class AlertDetectors
{
    /// <summary>
    /// The detectors of <paramref name="indicator"/>, in the order its settings name them: <see cref="DetectorSettings"/>
    /// reads them (empty: the defaults). Settings that no longer read (written before a parameter's range changed) give the
    /// defaults, so an indicator is never left unwatched; the indicator's form refuses such settings.
    /// </summary>
    public static IReadOnlyList<IDetector> For(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return DetectorSettings.TryParse(indicator.Detectors, out var settings, out _) ? settings.Detectors : DetectorSettings.Defaults.Detectors;
    }

    /// <summary>A detector's name and parameters as the settings write them (<c>ewma lambda=0.3 k=3 warmup=12</c>),
    /// at most <see cref="Alert.SettingsMaxLength"/> characters: what an alert keeps of the detector that raised it.</summary>
    public static string SettingsOf(IDetector detector)
    {
        var text = DetectorSettings.Format(detector);
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
}
