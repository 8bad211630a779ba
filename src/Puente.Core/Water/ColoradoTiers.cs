using System.Globalization;
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
    /// <summary>The delivery years the calculator accepts (the treaty is of 1944).</summary>
    public const int FirstYear = 1945, LastYear = 2200;

    /// <summary>Lake Mead's range in feet: below dead pool (895 ft) to above the dam's crest.</summary>
    public const decimal MinElevationFt = 800m, MaxElevationFt = 1300m;

    /// <summary>
    /// Why no allotment can be computed for <paramref name="year"/>, or null: the year is before the first minute in the
    /// table, or no minute covers it (the last one has expired, or there is a gap: its successor must be added).
    /// </summary>
    public static Problem? Uncovered(IReadOnlyCollection<ColoradoRules> table, int year)
    {
        if (table.Any(r => r.AppliesTo(year)))
        {
            return null;
        }

        var first = table.OrderBy(r => r.ValidFrom).FirstOrDefault();
        return first is not null && new DateOnly(year, 1, 1) < first.ValidFrom
            ? WaterProblems.BeforeFirstMinute.With(year, first.Minute, first.ValidFrom.ToString(IsoDate.Format, CultureInfo.InvariantCulture))
            : WaterProblems.NoMinute.With(year);
    }

    /// <summary>
    /// Reads the calculator's inputs as typed (a form or a query string; numbers with a point for decimals) and returns
    /// them, or null with every problem (field: <c>year</c>, <c>elevation</c>, <c>floodControl</c>) added to
    /// <paramref name="problems"/>. An empty flood-control volume is zero.
    /// </summary>
    public static (int Year, decimal ElevationFt, decimal FloodControlAf)? Read(IReadOnlyCollection<ColoradoRules> table, string? year, string? elevation,
        string? floodControl, ICollection<FieldProblem> problems)
    {
        var before = problems.Count;
        var y = 0;
        if (string.IsNullOrWhiteSpace(year) || !int.TryParse(year.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out y))
        {
            problems.Add(new FieldProblem("year", WaterProblems.NotAYear.With(WaterLimits.Echo(year?.Trim()))));
        }
        else if (y is < FirstYear or > LastYear)
        {
            problems.Add(new FieldProblem("year", WaterProblems.YearOutOfRange.With(y, FirstYear, LastYear)));
        }
        else if (Uncovered(table, y) is { } uncovered)
        {
            problems.Add(new FieldProblem("year", uncovered));
        }

        var e = 0m;
        if (string.IsNullOrWhiteSpace(elevation))
        {
            problems.Add(new FieldProblem("elevation", WaterProblems.ElevationMissing.With(MinElevationFt, MaxElevationFt)));
        }
        else if (!decimal.TryParse(elevation.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out e))
        {
            problems.Add(new FieldProblem("elevation", WaterProblems.ElevationNotANumber.With(WaterLimits.Echo(elevation.Trim()))));
        }
        else if (e is < MinElevationFt or > MaxElevationFt)
        {
            problems.Add(new FieldProblem("elevation", WaterProblems.ElevationOutOfRange.With(e, MinElevationFt, MaxElevationFt)));
        }

        var flood = 0m;
        if (!string.IsNullOrWhiteSpace(floodControl)
            && (!decimal.TryParse(floodControl.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out flood)
                || flood < 0 || flood > WaterLimits.MaxFloodControlAf))
        {
            problems.Add(new FieldProblem("floodControl", WaterProblems.FloodControlOutOfRange.With(WaterLimits.Echo(floodControl.Trim()), WaterLimits.MaxFloodControlAf)));
        }

        return problems.Count > before ? null : (y, e, flood);
    }

    /// <summary>The allotment for <paramref name="year"/> at the projected 1 January elevation, under the rules in force that year.</summary>
    /// <exception cref="InvalidOperationException">No minute in the table covers the year (the message says why).</exception>
    public static ColoradoAllotment Allotment(IEnumerable<ColoradoRules> table, int year, decimal elevationFt, decimal floodControlAf = 0m)
    {
        var all = table.ToList();
        var rules = all.FirstOrDefault(r => r.AppliesTo(year))
            ?? throw new InvalidOperationException(Uncovered(all, year)!.ToString());
        static BandValue? Pick(IEnumerable<BandValue> bands, decimal e) => bands.FirstOrDefault(b => b.Band.Contains(e));
        var tier = Pick(rules.Tiers, elevationFt)?.Tier ?? "?";
        // Flood-control releases replace the surplus schedule up to the treaty's 200,000 AF ceiling for extra water.
        var surplus = floodControlAf > 0 ? 0m : Pick(rules.Surplus, elevationFt)?.AcreFeet ?? 0m;
        return new ColoradoAllotment(year, elevationFt, rules.Minute, tier, rules.BaseAf, surplus,
            Pick(rules.Reductions, elevationFt)?.AcreFeet ?? 0m, Pick(rules.ScarcitySavings, elevationFt)?.AcreFeet ?? 0m,
            Math.Min(floodControlAf, 200_000m));
    }
}
