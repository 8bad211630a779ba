using System.Globalization;
using Puente.Core.Text;

namespace Puente.Core.Water;

/// <summary>A problem with one row of a delivery table: where (row, field) and why.</summary>
public sealed record RowError(int Row, string Field, Problem Problem)
{
    /// <summary>The problem in English (CLI, logs); the web translates <see cref="Problem"/>.</summary>
    public string Message => Problem.ToString();
}

/// <summary>The outcome of validating a delivery table: the good rows and every error.</summary>
public sealed record DeliveryTable(IReadOnlyList<(int Row, Delivery Delivery)> Valid, IReadOnlyList<RowError> Errors, int Rows);

/// <summary>
/// Parses a weekly delivery table: CSV with the header <c>date,volume,unit,source[,document]</c>; <c>unit</c> is
/// <c>AF</c>, <c>m3</c> or <c>Mm3</c>; <c>source</c> is one of the six tributaries, <c>StorageTransfer</c> or
/// <c>MinuteCredit</c>. Every row is checked; rows are numbered from 2 (the header is row 1).
/// </summary>
public static class DeliveryImport
{
    public static DeliveryTable Parse(string csv, IReadOnlyList<RioGrandeCycle> cycles, IEnumerable<Delivery> existing)
    {
        var valid = new List<(int, Delivery)>();
        var errors = new List<RowError>();
        var lines = csv.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = lines.Length > 0 ? lines[0].Trim().ToLowerInvariant().Split(',').Select(h => h.Trim()).ToArray() : [];
        if (header.Length < 4 || header[0] != "date" || header[1] != "volume" || header[2] != "unit" || header[3] != "source")
        {
            errors.Add(new RowError(1, "header", WaterProblems.Header.With()));
            return new DeliveryTable(valid, errors, 0);
        }

        var seen = existing.Select(d => (Week(d.Date), d.Source)).ToHashSet();
        var rows = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            var row = i + 1;
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            rows++;
            var f = lines[i].Split(',');
            var before = errors.Count;
            if (f.Length < 4 || f.Length > 5)
            {
                errors.Add(new RowError(row, "row", WaterProblems.FieldCount.With(f.Length)));
                continue;
            }

            if (!IsoDate.TryParse(f[0].Trim(), out var date))
            {
                errors.Add(new RowError(row, "date", WaterProblems.NotADate.With(f[0].Trim())));
            }
            else if (!cycles.Any(c => c.Contains(date) || (c.EndKind == CycleEnd.Open && date >= c.Start && date <= c.ScheduledEnd)))
            {
                errors.Add(new RowError(row, "date", WaterProblems.NoCycle.With(IsoText(date))));
            }

            if (!decimal.TryParse(f[1].Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var volume))
            {
                errors.Add(new RowError(row, "volume", WaterProblems.NotANumber.With(f[1].Trim())));
            }
            else if (volume < 0)
            {
                errors.Add(new RowError(row, "volume", WaterProblems.Negative.With(volume)));
            }

            var unit = f[2].Trim().ToLowerInvariant();
            decimal? af = unit switch
            {
                "af" => volume,
                "m3" => WaterUnits.FromCubicMetres(volume),
                "mm3" or "hm3" => WaterUnits.FromMillionCubicMetres(volume),
                _ => null,
            };
            if (af is null)
            {
                errors.Add(new RowError(row, "unit", WaterProblems.UnknownUnit.With(f[2].Trim())));
            }

            var sourceText = f[3].Trim();
            if (!EnumText.TryParse<DeliverySource>(sourceText, out var source))
            {
                errors.Add(new RowError(row, "source", WaterProblems.UnknownSource.With(sourceText, string.Join(", ", Enum.GetNames<DeliverySource>()))));
            }

            if (errors.Count > before)
            {
                continue;
            }

            if (!seen.Add((Week(date), source)))
            {
                errors.Add(new RowError(row, "date", WaterProblems.WeekRecorded.With(source.ToString(), IsoText(Monday(date)))));
                continue;
            }

            valid.Add((row, new Delivery(date, af!.Value, source, f.Length == 5 ? f[4].Trim() : null)));
        }

        return new DeliveryTable(valid, errors, rows);
    }

    private static string IsoText(DateOnly date) => date.ToString(IsoDate.Format, CultureInfo.InvariantCulture);

    private static int Week(DateOnly date) => Monday(date).DayNumber;

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
