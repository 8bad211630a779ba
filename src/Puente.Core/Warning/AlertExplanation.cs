using System.Globalization;

namespace Puente.Core.Warning;

/// <summary>
/// An alert explained to a principal, in English or Spanish, from the numbers it keeps (<see cref="AlertFacts"/>): what
/// the indicator is; the value, its period and the baseline; which detector fired and what its statistic means in
/// words; the severity; and the periods that triggered it. Written when read, so both languages say the same numbers.
/// </summary>
public static class AlertExplanation
{
    /// <summary>How many triggering periods are listed by name (the latest ones).</summary>
    public const int PointsListed = 6;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-MX");

    /// <summary>The explanation as paragraphs: the indicator, the detector's reading, the severity, the points.</summary>
    public static IReadOnlyList<string> Write(AlertFacts facts, bool spanish)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return [What(facts, spanish), Reading(facts, spanish), SeverityText(facts.Severity, spanish), PointsText(facts, spanish)];
    }

    /// <summary>The explanation as one text, its paragraphs separated by blank lines.</summary>
    public static string Text(AlertFacts facts, bool spanish) => string.Join("\n\n", Write(facts, spanish));

    /// <summary>One line for lists: the detector's reading at the latest period
    /// ("4.2 standard deviations above the smoothed level in March 2031").</summary>
    public static string Summary(AlertFacts facts, bool spanish)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var c = spanish ? Spanish : English;
        var period = Period(facts.Frequency, facts.LastPeriod, spanish);
        return (facts.Detector, spanish) switch
        {
            ("ewma", false) => $"{Fixed(Math.Abs(facts.Statistic), c)} standard deviations {(facts.Statistic >= 0 ? "above" : "below")} the smoothed level in {period}",
            ("ewma", true) => $"{Fixed(Math.Abs(facts.Statistic), c)} desviaciones estándar por {(facts.Statistic >= 0 ? "encima" : "debajo")} del nivel suavizado en {period}",
            ("cusum", false) => $"a sustained shift {(facts.Statistic >= 0 ? "upward" : "downward")}: cumulative sum {Fixed(Math.Abs(facts.Statistic), c)} past the limit {Fixed(facts.Threshold, c)} in {period}",
            ("cusum", true) => $"un cambio sostenido hacia {(facts.Statistic >= 0 ? "arriba" : "abajo")}: suma acumulada {Fixed(Math.Abs(facts.Statistic), c)}, más allá del límite {Fixed(facts.Threshold, c)} en {period}",
            ("seasonal", _) => $"{Percent(facts.Statistic, c, signed: true)} {Against(SameTimeAYearEarlier(facts, spanish), spanish)} ({period})",
            ("threshold", false) => $"{Number(facts.Value, c)} {(facts.Value >= facts.Threshold ? "above" : "below")} the level {Number(facts.Threshold, c)} in {period}",
            ("threshold", true) => $"{Number(facts.Value, c)}, por {(facts.Value >= facts.Threshold ? "encima" : "debajo")} del nivel {Number(facts.Threshold, c)} en {period}",
            _ => $"{facts.Detector}: {Number(facts.Value, c)} ({period})",
        };
    }

    /// <summary>The detector's name as a principal reads it.</summary>
    public static string DetectorName(string detector, bool spanish) => (detector, spanish) switch
    {
        ("ewma", false) => "EWMA (jump against the smoothed level)",
        ("ewma", true) => "EWMA (salto frente al nivel suavizado)",
        ("cusum", false) => "CUSUM (sustained shift)",
        ("cusum", true) => "CUSUM (cambio sostenido)",
        ("seasonal", false) => "Seasonal (against a year earlier)",
        ("seasonal", true) => "Estacional (frente a un año antes)",
        ("threshold", false) => "Threshold (a fixed level)",
        ("threshold", true) => "Umbral (un nivel fijo)",
        _ => detector,
    };

    /// <summary>A period as people say it: "March 2031" / "marzo de 2031", "Q2 2031" / "T2 2031", "2031", the day.</summary>
    public static string Period(IndicatorFrequency frequency, DateOnly start, bool spanish)
    {
        var c = spanish ? Spanish : English;
        return frequency switch
        {
            IndicatorFrequency.Year => start.Year.ToString(CultureInfo.InvariantCulture),
            IndicatorFrequency.Quarter => $"{(spanish ? "T" : "Q")}{((start.Month - 1) / 3) + 1} {start.Year.ToString(CultureInfo.InvariantCulture)}",
            IndicatorFrequency.Month => spanish ? start.ToString("MMMM 'de' yyyy", c) : start.ToString("MMMM yyyy", c),
            IndicatorFrequency.Week => spanish ? "la semana del " + start.ToString("d 'de' MMMM 'de' yyyy", c) : "the week of " + start.ToString("d MMMM yyyy", c),
            _ => spanish ? start.ToString("d 'de' MMMM 'de' yyyy", c) : start.ToString("d MMMM yyyy", c),
        };
    }

    private static string What(AlertFacts f, bool spanish)
    {
        var name = spanish ? Pick(f.IndicatorNameEs, f.IndicatorNameEn) : Pick(f.IndicatorNameEn, f.IndicatorNameEs);
        var source = spanish ? Pick(f.SourceEs, f.SourceEn) : Pick(f.SourceEn, f.SourceEs);
        var frequency = (f.Frequency, spanish) switch
        {
            (IndicatorFrequency.Day, false) => "daily",
            (IndicatorFrequency.Week, false) => "weekly",
            (IndicatorFrequency.Month, false) => "monthly",
            (IndicatorFrequency.Quarter, false) => "quarterly",
            (IndicatorFrequency.Year, false) => "yearly",
            (IndicatorFrequency.Day, true) => "diario",
            (IndicatorFrequency.Week, true) => "semanal",
            (IndicatorFrequency.Month, true) => "mensual",
            (IndicatorFrequency.Quarter, true) => "trimestral",
            _ => spanish ? "anual" : "yearly",
        };
        var unit = string.IsNullOrWhiteSpace(f.Unit) ? "" : spanish ? $", en {f.Unit}" : $", in {f.Unit}";
        var from = string.IsNullOrWhiteSpace(source) ? "" : spanish ? $"; fuente: {source}" : $"; source: {source}";
        return spanish ? $"{name}: indicador {frequency}{unit}{from}." : $"{name}: a {frequency} indicator{unit}{from}.";
    }

    private static string Reading(AlertFacts f, bool spanish)
    {
        var c = spanish ? Spanish : English;
        var period = Period(f.Frequency, f.LastPeriod, spanish);
        var value = Number(f.Value, c);
        var baseline = Number(f.Baseline, c);
        var parameters = AlertDetectors.ParametersOf(f.Settings);
        var up = f.Statistic >= 0;
        switch (f.Detector)
        {
            case "ewma":
                return spanish
                    ? $"El valor fue {value} en {period}, frente a un nivel suavizado de {baseline} calculado con los valores anteriores. El detector EWMA se activó: el valor está {Fixed(Math.Abs(f.Statistic), c)} desviaciones estándar por {(up ? "encima" : "debajo")} del nivel suavizado (se activa desde {Fixed(f.Threshold, c)})."
                    : $"The value was {value} in {period}, against a smoothed level of {baseline} from the values before it. The EWMA detector fired: the value is {Fixed(Math.Abs(f.Statistic), c)} standard deviations {(up ? "above" : "below")} the smoothed level (it fires from {Fixed(f.Threshold, c)}).";
            case "cusum":
                var warmup = parameters.TryGetValue("warmup", out var w) ? w.ToString("0", c) : "12";
                return spanish
                    ? $"El valor fue {value} en {period}, frente a un nivel de referencia de {baseline} (la media de los primeros {warmup} valores). El detector CUSUM se activó: un cambio sostenido hacia {(up ? "arriba" : "abajo")}; la suma acumulada llegó a {Fixed(Math.Abs(f.Statistic), c)}, más allá del límite {Fixed(f.Threshold, c)}."
                    : $"The value was {value} in {period}, against a reference level of {baseline} (the mean of the first {warmup} values). The CUSUM detector fired: a sustained shift {(up ? "upward" : "downward")}; the cumulative sum reached {Fixed(Math.Abs(f.Statistic), c)}, past the limit {Fixed(f.Threshold, c)}.";
            case "seasonal":
                return spanish
                    ? $"El valor fue {value} en {period}, frente a {baseline} en {SameTimeAYearEarlier(f, true)}. El detector estacional se activó: {Percent(f.Statistic, c, signed: true)} {Against(SameTimeAYearEarlier(f, true), true)} (se activa desde ±{Percent(f.Threshold, c, signed: false)})."
                    : $"The value was {value} in {period}, against {baseline} in {SameTimeAYearEarlier(f, false)}. The seasonal detector fired: {Percent(f.Statistic, c, signed: true)} {Against(SameTimeAYearEarlier(f, false), false)} (it fires from ±{Percent(f.Threshold, c, signed: false)}).";
            case "threshold":
                var above = f.Value >= f.Threshold;
                return spanish
                    ? $"El valor fue {value} en {period}. El detector de umbral se activó: el valor está por {(above ? "encima" : "debajo")} del nivel {Number(f.Threshold, c)}."
                    : $"The value was {value} in {period}. The threshold detector fired: the value is {(above ? "above" : "below")} the level {Number(f.Threshold, c)}.";
            default:
                return spanish
                    ? $"El valor fue {value} en {period}, frente a {baseline}. El detector {f.Detector} se activó (estadístico {Fixed(f.Statistic, c)}, umbral {Fixed(f.Threshold, c)})."
                    : $"The value was {value} in {period}, against {baseline}. The {f.Detector} detector fired (statistic {Fixed(f.Statistic, c)}, threshold {Fixed(f.Threshold, c)}).";
        }
    }

    private static string SeverityText(Severity severity, bool spanish) => (severity, spanish) switch
    {
        (Severity.High, false) => "Severity: high — at least twice past the detector's threshold.",
        (Severity.Medium, false) => "Severity: medium — at least one and a half times the detector's threshold.",
        (_, false) => "Severity: low — past the detector's threshold.",
        (Severity.High, true) => "Gravedad: alta — al menos el doble del umbral del detector.",
        (Severity.Medium, true) => "Gravedad: media — al menos una vez y media el umbral del detector.",
        _ => "Gravedad: baja — por encima del umbral del detector.",
    };

    private static string PointsText(AlertFacts f, bool spanish)
    {
        var c = spanish ? Spanish : English;
        var points = f.Points.OrderBy(p => p.Period).ToList();
        var first = Period(f.Frequency, f.FirstPeriod, spanish);
        var last = Period(f.Frequency, f.LastPeriod, spanish);
        var listed = string.Join("; ", points.TakeLast(PointsListed).Select(p => $"{Period(f.Frequency, p.Period, spanish)}: {Number(p.Value, c)}"));
        var more = points.Count > PointsListed ? "…; " : "";
        var count = points.Count.ToString("N0", c);
        if (points.Count <= 1)
        {
            return spanish ? $"Lo activó un periodo: {first} ({listed})." : $"One period triggered it: {first} ({listed}).";
        }

        return spanish
            ? $"Lo activaron {count} periodos, de {first} a {last}: {more}{listed}."
            : $"{count} periods triggered it, from {first} to {last}: {more}{listed}.";
    }

    /// <summary>What the seasonal detector compares with, as a noun phrase: "the same month a year earlier" (or quarter,
    /// week, day), "the year before" for yearly values, "the period N periods earlier" for another lag.</summary>
    private static string SameTimeAYearEarlier(AlertFacts f, bool spanish)
    {
        var lag = AlertDetectors.ParametersOf(f.Settings).TryGetValue("lag", out var l) ? (int)l : 12;
        var n = lag.ToString(CultureInfo.InvariantCulture);
        return (f.Frequency, lag, spanish) switch
        {
            (IndicatorFrequency.Month, 12, false) => "the same month a year earlier",
            (IndicatorFrequency.Quarter, 4, false) => "the same quarter a year earlier",
            (IndicatorFrequency.Week, 52, false) => "the same week a year earlier",
            (IndicatorFrequency.Day, 365, false) => "the same day a year earlier",
            (IndicatorFrequency.Year, 1, false) => "the year before",
            (_, _, false) => $"the period {n} periods earlier",
            (IndicatorFrequency.Month, 12, true) => "el mismo mes de un año antes",
            (IndicatorFrequency.Quarter, 4, true) => "el mismo trimestre de un año antes",
            (IndicatorFrequency.Week, 52, true) => "la misma semana de un año antes",
            (IndicatorFrequency.Day, 365, true) => "el mismo día de un año antes",
            (IndicatorFrequency.Year, 1, true) => "el año anterior",
            _ => $"el periodo {n} periodos antes",
        };
    }

    /// <summary>"frente a" before a Spanish noun phrase, contracted before "el" ("frente al mismo mes").</summary>
    private static string Against(string phrase, bool spanish) =>
        !spanish ? "against " + phrase : phrase.StartsWith("el ", StringComparison.Ordinal) ? "frente al " + phrase[3..] : "frente a " + phrase;

    private static string Pick(string first, string second) => !string.IsNullOrWhiteSpace(first) ? first : second ?? "";

    /// <summary>A value as people read it: thousands separated, at most two decimals.</summary>
    public static string Number(double value, CultureInfo culture) =>
        Math.Abs(value) >= 1000 ? value.ToString("#,##0", culture) : value.ToString("#,##0.##", culture);

    private static string Fixed(double value, CultureInfo culture) => value.ToString("0.0", culture);

    private static string Percent(double ratio, CultureInfo culture, bool signed)
    {
        var text = (Math.Abs(ratio) * 100).ToString("0.#", culture);
        var sign = !signed ? "" : ratio >= 0 ? "+" : "−";
        return culture.TwoLetterISOLanguageName == "es" ? $"{sign}{text} %" : $"{sign}{text}%";
    }
}
