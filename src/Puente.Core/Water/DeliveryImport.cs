using System.Globalization;
using Puente.Core.Text;

namespace Puente.Core.Water;

/// <summary>A problem with one row of a delivery table: where (row, field) and why.</summary>
public sealed record RowError(int Row, string Field, Problem Problem)
{
    /// <summary>The problem in English (CLI, logs); the web translates <see cref="Problem"/>.</summary>
    public string Message => Problem.ToString();
}

/// <summary>
/// The outcome of validating a delivery table: the good rows, the first <see cref="DeliveryImport.MaxErrors"/>
/// errors and how many problems there were in all.
/// </summary>
public sealed record DeliveryTable(IReadOnlyList<(int Row, Delivery Delivery)> Valid, IReadOnlyList<RowError> Errors, int Rows, int ProblemCount)
{
    /// <summary>Problems found but not listed in <see cref="Errors"/>.</summary>
    public int UnlistedProblems => ProblemCount - Errors.Count;
}

/// <summary>
/// Parses a weekly delivery table: CSV with the header <c>date,volume,unit,source[,document]</c>; <c>unit</c> is
/// <c>AF</c>, <c>m3</c> or <c>Mm3</c>; <c>source</c> is one of the six tributaries, <c>StorageTransfer</c> or
/// <c>MinuteCredit</c>. Every row is checked; rows are numbered from 2 (the header is row 1). A table is bounded:
/// at most <see cref="MaxBytes"/> (the callers refuse larger inputs before reading them) and <see cref="MaxRows"/> rows;
/// the report lists the first <see cref="MaxErrors"/> problems and counts all of them.
/// </summary>
public static class DeliveryImport
{
    /// <summary>The largest table accepted, in bytes (about 100,000 rows of a weekly table).</summary>
    public const int MaxBytes = 5_000_000;

    /// <summary>The most rows read: five years of weekly rows for every source is about 2,100.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The most problems listed in a report; the rest are only counted.</summary>
    public const int MaxErrors = 100;

    public static DeliveryTable Parse(string csv, IReadOnlyList<RioGrandeCycle> cycles, IEnumerable<Delivery> existing)
    {
        var valid = new List<(int, Delivery)>();
        var errors = new List<RowError>();
        var problems = 0;
        void Report(RowError e)
        {
            problems++;
            if (errors.Count < MaxErrors)
            {
                errors.Add(e);
            }
        }

        using var reader = new StringReader(csv);
        var first = reader.ReadLine();
        var header = first is null ? [] : first.Trim().ToLowerInvariant().Split(',').Select(h => h.Trim()).ToArray();
        if (header.Length < 4 || header[0] != "date" || header[1] != "volume" || header[2] != "unit" || header[3] != "source")
        {
            Report(new RowError(1, "header", WaterProblems.Header.With()));
            return new DeliveryTable(valid, errors, 0, problems);
        }

        var seen = existing.Select(d => (WeekOf(d.Date), d.Source)).ToHashSet();
        var rows = 0;
        var row = 1;
        var rowErrors = new List<RowError>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            row++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (rows == MaxRows)
            {
                Report(new RowError(row, "row", WaterProblems.TooManyRows.With(MaxRows)));
                break;
            }

            rows++;
            var f = line.Split(',');
            if (f.Length < 4 || f.Length > 5)
            {
                Report(new RowError(row, "row", WaterProblems.FieldCount.With(f.Length)));
                continue;
            }

            rowErrors.Clear();
            var delivery = Check(row, new DeliveryFields(f[0], f[1], f[2], f[3], f.Length == 5 ? f[4] : null), cycles, rowErrors, numbers: null);
            rowErrors.ForEach(Report);
            if (delivery is null)
            {
                continue;
            }

            if (!seen.Add((WeekOf(delivery.Date), delivery.Source)))
            {
                Report(new RowError(row, "date", WaterProblems.WeekRecorded.With(delivery.Source.ToString(), IsoText(WeekOf(delivery.Date)))));
                continue;
            }

            valid.Add((row, delivery));
        }

        return new DeliveryTable(valid, errors, rows, problems);
    }

    /// <summary>
    /// Checks one delivery on its own (a table row or the recording form) and returns it, or null with its problems
    /// added to <paramref name="errors"/>. With <paramref name="numbers"/> null the volume is written as in a table (a
    /// point for decimals, no thousands separators); otherwise it is read as the person's language writes numbers,
    /// thousands separators included. A volume above <see cref="WaterLimits.MaxDeliveryAf"/> is refused in its own unit,
    /// before any conversion could overflow. One week per source is checked by the caller, which knows what is recorded.
    /// </summary>
    public static Delivery? Check(int row, DeliveryFields fields, IReadOnlyList<RioGrandeCycle> cycles, ICollection<RowError> errors, IFormatProvider? numbers)
    {
        var before = errors.Count;
        var dateText = fields.Date.Trim();
        if (!IsoDate.TryParse(dateText, out var date))
        {
            errors.Add(new RowError(row, "date", WaterProblems.NotADate.With(WaterLimits.Echo(dateText))));
        }
        else if (!cycles.Any(c => c.Contains(date) || (c.EndKind == CycleEnd.Open && date >= c.Start && date <= c.ScheduledEnd)))
        {
            errors.Add(new RowError(row, "date", WaterProblems.NoCycle.With(IsoText(date))));
        }

        var unitText = fields.Unit.Trim();
        // Cubic metres per unit: the volume is compared with the ceiling in its own unit, so nothing is multiplied first.
        decimal? perUnit = unitText.ToLowerInvariant() switch
        {
            "af" => WaterUnits.CubicMetresPerAcreFoot,
            "m3" => 1m,
            "mm3" or "hm3" => 1_000_000m,
            _ => null,
        };
        if (perUnit is null)
        {
            errors.Add(new RowError(row, "unit", WaterProblems.UnknownUnit.With(WaterLimits.Echo(unitText))));
        }

        var volumeText = fields.Volume.Trim();
        var parsed = numbers is null
            ? decimal.TryParse(volumeText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var volume)
            : decimal.TryParse(volumeText, NumberStyles.Number, numbers, out volume);
        decimal af = 0;
        if (!parsed)
        {
            errors.Add(new RowError(row, "volume", numbers is null
                ? WaterProblems.NotANumber.With(WaterLimits.Echo(volumeText))
                : WaterProblems.NotANumberHere.With(WaterLimits.Echo(volumeText), 12345.5m.ToString("N1", numbers))));
        }
        else if (volume < 0)
        {
            errors.Add(new RowError(row, "volume", WaterProblems.Negative.With(volume)));
        }
        else if (perUnit is { } factor && !TryToAcreFeet(volume, factor, WaterLimits.MaxDeliveryAf, out af))
        {
            errors.Add(new RowError(row, "volume", WaterProblems.TooLarge.With(volume, unitText, WaterLimits.MaxDeliveryAf)));
        }

        var sourceText = fields.Source.Trim();
        // Unspecified marks seeded running totals that their source did not break down; a person names the tributary.
        if (!EnumText.TryParse<DeliverySource>(sourceText, out var source) || source == DeliverySource.Unspecified)
        {
            errors.Add(new RowError(row, "source", WaterProblems.UnknownSource.With(WaterLimits.Echo(sourceText),
                string.Join(", ", Enum.GetNames<DeliverySource>().Where(n => n != nameof(DeliverySource.Unspecified))))));
        }

        var document = string.IsNullOrWhiteSpace(fields.Document) ? null : fields.Document.Trim();
        if (document is { Length: > WaterLimits.MaxDocumentLength })
        {
            errors.Add(new RowError(row, "document", WaterProblems.TooLong.With(WaterLimits.MaxDocumentLength)));
        }

        return errors.Count > before ? null : new Delivery(date, af, source, document);
    }

    /// <summary>
    /// Converts a non-negative volume given in a unit of <paramref name="cubicMetresPerUnit"/> m³ to acre-feet, or
    /// returns false when it exceeds <paramref name="maxAf"/>. The comparison happens in the volume's own unit, so a
    /// huge value is refused before a multiplication could overflow.
    /// </summary>
    private static bool TryToAcreFeet(decimal volume, decimal cubicMetresPerUnit, decimal maxAf, out decimal acreFeet)
    {
        var maxInUnit = maxAf * WaterUnits.CubicMetresPerAcreFoot / cubicMetresPerUnit;
        if (volume > maxInUnit)
        {
            acreFeet = 0;
            return false;
        }

        acreFeet = cubicMetresPerUnit switch
        {
            WaterUnits.CubicMetresPerAcreFoot => volume,
            1m => WaterUnits.FromCubicMetres(volume),
            _ => WaterUnits.FromMillionCubicMetres(volume), // the third unit: millions of cubic metres
        };
        return true;
    }

    /// <summary>The Monday of a date's week: a source delivers at most once per week (Monday to Sunday).</summary>
    public static DateOnly WeekOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static string IsoText(DateOnly date) => date.ToString(IsoDate.Format, CultureInfo.InvariantCulture);
}
