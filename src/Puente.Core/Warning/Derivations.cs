using Puente.Core.Catalog;
using Puente.Core.Health;
using Puente.Core.Series;

namespace Puente.Core.Warning;

/// <summary>
/// One indicator Puente derives from its own modules: its natural key (<see cref="Indicator.Derivation"/>), the code
/// and texts it is created with, and whether a period's value is a flow (counted over the period: only complete periods
/// are recorded) or a level (a state on a day: the current period carries today's value, revised until it ends).
/// </summary>
public sealed record Derivation(string Key, string Code, IndicatorFrequency Frequency, string Unit, Concern Concern, string? IssueCode,
    string Detectors, bool IsFlow, string NameEn, string NameEs, string DescriptionEn, string DescriptionEs, string SourceEn, string SourceEs)
{
    /// <summary>The seeded playbook that answers this indicator among its issue's (the issue may have several), if any.</summary>
    public string? PlaybookCode { get; init; }
}

/// <summary>The indicators derived from the event store, the narrative, the water ledgers, mechanism health and the
/// commitment ledger, and the pure arithmetic that turns each module's figures into their values.</summary>
public static class Derivations
{
    public const string EventsCount = "events.count";
    public const string EventsGoldstein = "events.goldstein";
    public const string EventsConflict = "events.material-conflict";
    public const string PressUs = "narrative.us-problem-share";
    public const string PressMx = "narrative.mx-problem-share";
    public const string RioGrande = "water.rio-grande-balance";
    public const string ColoradoTier = "water.colorado-tier";
    public const string MechanismsLate = "health.late-or-dormant";
    public const string CommitmentsOverdue = "commitments.overdue";

    /// <summary>The first month counted for the month-end levels (mechanisms, commitments): the seeded history starts in 2006.</summary>
    public static DateOnly HistoryStart { get; } = new(2006, 1, 1);

    public static IReadOnlyList<Derivation> All { get; } =
    [
        new(EventsCount, "USA-MEX-EVENTS", IndicatorFrequency.Month, "events", Concern.Both, null, "", true,
            "U.S.–Mexico events per month", "Eventos EE. UU.–México por mes",
            "Events between the two countries, in either direction, in the GDELT records Puente has ingested.",
            "Eventos entre los dos países, en cualquier dirección, en los registros GDELT que Puente ha ingerido.",
            "GDELT 2.0 event files in Puente's event store", "Archivos de eventos GDELT 2.0 del almacén de eventos de Puente"),
        new(EventsGoldstein, "USA-MEX-GOLDSTEIN", IndicatorFrequency.Month, "goldstein", Concern.Down, null, "", true,
            "U.S.–Mexico mean Goldstein score", "Puntaje Goldstein medio EE. UU.–México",
            "The mean Goldstein scale (−10 conflict to +10 cooperation) of the month's events between the two countries.",
            "La media de la escala Goldstein (−10 conflicto a +10 cooperación) de los eventos del mes entre los dos países.",
            "GDELT 2.0 event files in Puente's event store", "Archivos de eventos GDELT 2.0 del almacén de eventos de Puente"),
        new(EventsConflict, "USA-MEX-CONFLICT", IndicatorFrequency.Month, "share", Concern.Up, null, "", true,
            "U.S.–Mexico material-conflict share", "Proporción de conflicto material EE. UU.–México",
            "The share of the month's events between the two countries that are material conflict (CAMEO quad class 4).",
            "La proporción de los eventos del mes entre los dos países que son conflicto material (clase cuádruple CAMEO 4).",
            "GDELT 2.0 event files in Puente's event store", "Archivos de eventos GDELT 2.0 del almacén de eventos de Puente"),
        new(PressUs, "PRESS-US-PROBLEM", IndicatorFrequency.Month, "share", Concern.Up, null, "", true,
            "U.S. press on Mexico: problem frames", "Prensa de EE. UU. sobre México: marcos de problema",
            "The share of U.S. outlets' articles about Mexico that carry at least one problem frame (violence, migration as a threat, corruption…).",
            "La proporción de artículos de medios de EE. UU. sobre México con al menos un marco de problema (violencia, migración como amenaza, corrupción…).",
            "GDELT GKG articles in Puente's event store, with Puente's frame map", "Artículos GDELT GKG del almacén de eventos de Puente, con el mapa de marcos de Puente"),
        new(PressMx, "PRESS-MX-PROBLEM", IndicatorFrequency.Month, "share", Concern.Up, null, "", true,
            "Mexican press on the U.S.: problem frames", "Prensa mexicana sobre EE. UU.: marcos de problema",
            "The share of Mexican outlets' articles about the United States that carry at least one problem frame.",
            "La proporción de artículos de medios mexicanos sobre Estados Unidos con al menos un marco de problema.",
            "GDELT GKG articles in Puente's event store, with Puente's frame map", "Artículos GDELT GKG del almacén de eventos de Puente, con el mapa de marcos de Puente"),
        new(RioGrande, "RIO-GRANDE-PACE", IndicatorFrequency.Week, "AF", Concern.Down, "WATER", "threshold level=-50000; ewma; cusum", false,
            "Rio Grande: balance against the pro-rated obligation", "Río Bravo: saldo frente a la obligación prorrateada",
            "Mexico's deliveries in the current five-year cycle minus the obligation pro-rated to the day (acre-feet, each Monday): below zero, behind pace.",
            "Entregas de México en el ciclo quinquenal en curso menos la obligación prorrateada al día (acres-pie, cada lunes): bajo cero, atrasadas.",
            "Puente's Rio Grande ledger (1944 Treaty, Article 4; IBWC/CILA figures and recorded deliveries)", "Libro del Río Bravo de Puente (Tratado de 1944, artículo 4; cifras de la CILA/IBWC y entregas registradas)")
        {
            PlaybookCode = "PB-WATER-RIO-GRANDE-PACE",
        },
        new(ColoradoTier, "COLORADO-TIER", IndicatorFrequency.Year, "tier level", Concern.Up, "WATER", "threshold level=1.5", false,
            "Colorado River: shortage tier for Mexico", "Río Colorado: nivel de escasez para México",
            "The year's tier from Lake Mead's elevation under the minute in force: −1 surplus, 0 normal, 1 Tier 0, 2 Tier 1, 3 Tier 2a, 4 Tier 2b, 5 Tier 3.",
            "El nivel del año según la elevación del lago Mead bajo el acta vigente: −1 excedente, 0 normal, 1 Nivel 0, 2 Nivel 1, 3 Nivel 2a, 4 Nivel 2b, 5 Nivel 3.",
            "Puente's Colorado tier table (Minutes 319 and 323) and the recorded Lake Mead elevations", "Tabla de niveles del Colorado de Puente (actas 319 y 323) y las elevaciones registradas del lago Mead")
        {
            PlaybookCode = "PB-WATER-COLORADO-SHORTAGE",
        },
        new(MechanismsLate, "MECHANISMS-LATE", IndicatorFrequency.Month, "mechanisms", Concern.Up, null, "", false,
            "Mechanisms late or dormant", "Mecanismos atrasados o inactivos",
            "How many of the paper's mechanisms with a cadence were late or dormant at the end of the month (today for the current month), from their shared sessions.",
            "Cuántos de los mecanismos del documento con periodicidad estaban atrasados o inactivos al final del mes (hoy para el mes en curso), según sus sesiones compartidas.",
            "Puente's mechanism health (sessions recorded as Shared)", "Salud de los mecanismos de Puente (sesiones registradas como compartidas)"),
        new(CommitmentsOverdue, "COMMITMENTS-OVERDUE", IndicatorFrequency.Month, "commitments", Concern.Up, null, "", false,
            "Commitments overdue", "Compromisos vencidos",
            "Shared commitments past their due date and still open at the end of the month (today for the current month).",
            "Compromisos compartidos con la fecha de vencimiento pasada y aún abiertos al final del mes (hoy para el mes en curso).",
            "Puente's commitment ledger (commitments recorded as Shared)", "Libro de compromisos de Puente (compromisos registrados como compartidos)"),
    ];

    public static Derivation? Find(string? key) => All.FirstOrDefault(d => d.Key == key);

    /// <summary>
    /// The days a month-end level is read on, from <paramref name="from"/>'s month to today's: each month's last day, and
    /// today for the current month.
    /// </summary>
    public static IReadOnlyList<(DateOnly Period, DateOnly Day)> MonthEnds(DateOnly from, DateOnly today)
    {
        var list = new List<(DateOnly, DateOnly)>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= today; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            list.Add((month, end < today ? end : today));
        }

        return list;
    }

    /// <summary>
    /// Values of a flow measure per month (written <c>YYYY-MM</c>) kept only for months that ended on or before
    /// <paramref name="dataAsOf"/>: a month the data does not yet cover fully would read as a fall.
    /// </summary>
    public static IReadOnlyList<SeriesPoint> CompleteMonths(IEnumerable<(string Month, double Value)> months, DateOnly dataAsOf) =>
        [.. months.Select(m => (Start: IndicatorPeriods.Parse(m.Month, IndicatorFrequency.Month), m.Value))
            .Where(m => m.Start is { } s && s.AddMonths(1).AddDays(-1) <= dataAsOf && IndicatorPeriods.IsRecordable(m.Value))
            .Select(m => new SeriesPoint(m.Start!.Value, m.Value))
            .OrderBy(p => p.Date)];

    /// <summary>How many of the mechanisms (cadence and ascending session days) were late or dormant on <paramref name="day"/>.</summary>
    public static int LateOrDormant(IEnumerable<(Cadence Cadence, IReadOnlyList<DateOnly> Sessions)> mechanisms, DateOnly day) =>
        mechanisms.Count(m => MechanismHealth.Read(m.Cadence, m.Sessions, day).Status is MechanismStatus.Late or MechanismStatus.Dormant);

    /// <summary>A Colorado tier as a level: −1 surplus, 0 normal, 1 Tier 0, 2 Tier 1, 3 Tier 2a, 4 Tier 2b, 5 Tier 3; null when unknown.</summary>
    public static double? TierLevel(string tier) => tier switch
    {
        "Surplus" => -1,
        "Normal" => 0,
        "Tier 0" => 1,
        "Tier 1" => 2,
        "Tier 2a" => 3,
        "Tier 2b" => 4,
        "Tier 3" => 5,
        _ => null,
    };
}
