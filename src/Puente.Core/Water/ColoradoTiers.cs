using Puente.Core.Text;

namespace Puente.Core.Water;

/// <summary>An elevation band with explicit edges: null means unbounded; each edge says whether it is included.</summary>
public sealed record ElevationBand(decimal? Lower, bool LowerInclusive, decimal? Upper, bool UpperInclusive)
{
    public bool Contains(decimal elevation) =>
        (Lower is null || (LowerInclusive ? elevation >= Lower : elevation > Lower))
        && (Upper is null || (UpperInclusive ? elevation <= Upper : elevation < Upper));
}

/// <summary>A band and the volume (AF) it gives, or the tier name it means.</summary>
public sealed record BandValue(ElevationBand Band, decimal AcreFeet, string? Tier = null);

/// <summary>
/// One minute's Colorado River rules for Mexico, chosen by Lake Mead's elevation projected for 1 January by the August
/// 24-Month Study. Data, not code: a successor minute is a new table with its own validity dates.
/// </summary>
public sealed record ColoradoRules(
    string Minute,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    decimal BaseAf,
    IReadOnlyList<BandValue> Tiers,
    IReadOnlyList<BandValue> Surplus,
    IReadOnlyList<BandValue> Reductions,
    IReadOnlyList<BandValue> ScarcitySavings)
{
    public bool AppliesTo(int year) => new DateOnly(year, 1, 1) >= ValidFrom && new DateOnly(year, 1, 1) <= ValidTo;
}

/// <summary>Next year's allotment to Mexico.</summary>
public sealed record ColoradoAllotment(int Year, decimal ElevationFt, string Minute, string Tier, decimal BaseAf, decimal SurplusAf,
    decimal GuidelineReductionAf, decimal BwscpSavingsAf, decimal FloodControlAf)
{
    public decimal AllotmentAf => BaseAf + SurplusAf + FloodControlAf - GuidelineReductionAf - BwscpSavingsAf;
}

public static class ColoradoCalculator
{
    /// <summary>Why no allotment can be computed for <paramref name="year"/> (no minute covers it), or null.</summary>
    public static Problem? Uncovered(IEnumerable<ColoradoRules> table, int year) =>
        table.Any(r => r.AppliesTo(year)) ? null : WaterProblems.NoMinute.With(year);

    /// <summary>The allotment for <paramref name="year"/> at the projected 1 January elevation, under the rules in force that year.</summary>
    /// <exception cref="InvalidOperationException">No minute in the table covers the year.</exception>
    public static ColoradoAllotment Allotment(IEnumerable<ColoradoRules> table, int year, decimal elevationFt, decimal floodControlAf = 0m)
    {
        var rules = table.FirstOrDefault(r => r.AppliesTo(year))
            ?? throw new InvalidOperationException(WaterProblems.NoMinute.With(year).ToString());
        static BandValue? Pick(IEnumerable<BandValue> bands, decimal e) => bands.FirstOrDefault(b => b.Band.Contains(e));
        var tier = Pick(rules.Tiers, elevationFt)?.Tier ?? "?";
        // Flood-control releases replace the surplus schedule up to the treaty's 200,000 AF ceiling for extra water.
        var surplus = floodControlAf > 0 ? 0m : Pick(rules.Surplus, elevationFt)?.AcreFeet ?? 0m;
        return new ColoradoAllotment(year, elevationFt, rules.Minute, tier, rules.BaseAf, surplus,
            Pick(rules.Reductions, elevationFt)?.AcreFeet ?? 0m, Pick(rules.ScarcitySavings, elevationFt)?.AcreFeet ?? 0m,
            Math.Min(floodControlAf, 200_000m));
    }
}
