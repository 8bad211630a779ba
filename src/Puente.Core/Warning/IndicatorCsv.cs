using nietras.SeparatedValues;
using Puente.Core.Text;

namespace Puente.Core.Warning;

/// <summary>
/// What an indicator's CSV gave: its values by period (oldest first) when it has no problem, the problems (the first
/// <see cref="IndicatorCsv.MaxListedProblems"/> by row, and their total), the number of data rows read, and whether
/// the file was refused as a whole (too large, not UTF-8, a bad header, too many rows).
/// </summary>
public sealed record IndicatorCsvTable(IReadOnlyList<(DateOnly Period, double Value)> Values, RowProblems Problems, int Rows, bool Refused)
{
    /// <summary>Every row is valid: the values may be written (all of them).</summary>
    public bool Valid => !Refused && !Problems.Any;
}

/// <summary>
/// Reads an indicator's values from a UTF-8 CSV file: a header naming the columns <c>period</c> and <c>value</c> (in
/// either order, any case), then one row per period. A period is written <c>YYYY-MM-DD</c>, <c>YYYY-MM</c> or
/// <c>YYYY</c> as <see cref="IndicatorPeriods.Parse"/> reads them for the indicator's frequency (a day names the
/// period that holds it); a value is an invariant-culture number (a decimal point, no thousands separators). Blank
/// rows are skipped. Problems name the spreadsheet row (the header is row 1) and the column. Bounds: at most
/// <see cref="MaxBytes"/> bytes (callers refuse larger files before reading them) and <see cref="MaxRows"/> rows.
/// </summary>
public static class IndicatorCsv
{
    /// <summary>The largest file accepted: 2 MB, several times what <see cref="MaxRows"/> rows of numbers take.</summary>
    public const int MaxBytes = 2_000_000;

    /// <summary>The most data rows a file may have: as many values as an indicator holds.</summary>
    public const int MaxRows = Indicator.MaxValues;

    /// <summary>The most problems a report lists; the rest are counted.</summary>
    public const int MaxListedProblems = 100;

    /// <summary>The columns, in the order the import documents them.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["period", "value"];

    private static readonly ImportProblemKinds Kinds = new(IndicatorProblems.Utf16, IndicatorProblems.NotUtf8, IndicatorProblems.UnknownColumn,
        IndicatorProblems.RepeatedColumn, IndicatorProblems.MissingColumn, IndicatorProblems.TooLong);

    /// <summary>Reads and checks a whole file for an indicator of <paramref name="frequency"/>.</summary>
    public static IndicatorCsvTable Parse(ReadOnlySpan<byte> content, IndicatorFrequency frequency)
    {
        var problems = new RowProblems(MaxListedProblems);
        if (content.Length > MaxBytes)
        {
            problems.Add(1, "file", IndicatorProblems.FileTooLarge.With(MaxBytes / 1_000_000, MaxRows));
            return Refuse(problems, 0);
        }

        if (ImportFile.Decode(content, 1, problems, Kinds) is not { } text)
        {
            return Refuse(problems, 0);
        }

        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), HasHeader = false, Unescape = true, DisableColCountCheck = true })
            .FromText(text);
        Dictionary<string, int>? columns = null;
        var values = new IndicatorValueSet(frequency, problems, IndicatorProblems.SamePeriodAsRow);
        var rows = 0;
        foreach (var record in reader)
        {
            var row = record.RowIndex + 1;
            if (ImportFile.IsBlank(record))
            {
                continue; // blank lines, before the header too (a file of blank lines has no header)
            }

            if (columns is null)
            {
                columns = ImportFile.Header(record, Columns, Columns, problems, Kinds);
                if (columns is null)
                {
                    return Refuse(problems, 0);
                }

                continue;
            }

            if (++rows > MaxRows)
            {
                problems.Add(row, "row", IndicatorProblems.TooManyRows.With(MaxRows));
                return Refuse(problems, rows - 1);
            }

            if (record.Span.Count('"') % 2 != 0)
            {
                problems.Add(row, "row", IndicatorProblems.UnclosedQuote.With());
                continue;
            }

            if (record.ColCount != columns.Count)
            {
                problems.Add(row, "row", IndicatorProblems.FieldCount.With(columns.Count, record.ColCount));
                continue;
            }

            values.Add(row, record[columns["period"]].ToString(), record[columns["value"]].ToString());
        }

        if (columns is null)
        {
            problems.Add(1, "header", IndicatorProblems.NoHeader.With());
            return Refuse(problems, 0);
        }

        return new IndicatorCsvTable(problems.Any ? [] : values.Values, problems, rows, Refused: false);
    }

    private static IndicatorCsvTable Refuse(RowProblems problems, int rows) => new([], problems, rows, Refused: true);
}
