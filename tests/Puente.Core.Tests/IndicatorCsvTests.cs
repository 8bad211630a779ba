using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Puente.Core.Text;
using Puente.Core.Warning;

namespace Puente.Core.Tests;

public sealed class IndicatorCsvTests
{
    private static IndicatorCsvTable Csv(string text, IndicatorFrequency frequency = IndicatorFrequency.Month) =>
        IndicatorCsv.Parse(Encoding.UTF8.GetBytes(text), frequency);

    private static string Problems(IndicatorCsvTable table) => string.Join("; ", table.Problems.Listed.Select(p => $"{p.Row}/{p.Field}: {p.Message}"));

    private static List<(int Row, string Field, string Code)> Codes(IndicatorCsvTable table) =>
        [.. table.Problems.Listed.Select(p => (p.Row, p.Field, p.Problem.Code))];

    [Fact]
    public void A_monthly_file_reads_months_and_days_in_any_column_order_with_a_bom_crlf_and_blank_rows_oldest_first()
    {
        var table = Csv("\uFEFFValue,PERIOD\r\n128877,2024-05\r\n\r\n 140644.5 , 2024-04-17 \r\n-3e2,2023-12\r\n\"1.5\",\"2024-06\"\r\n");
        Assert.True(table.Valid, Problems(table));
        Assert.Equal(4, table.Rows);
        Assert.Equal(
        [
            (new DateOnly(2023, 12, 1), -300.0),
            (new DateOnly(2024, 4, 1), 140644.5),
            (new DateOnly(2024, 5, 1), 128877.0),
            (new DateOnly(2024, 6, 1), 1.5),
        ], table.Values);
    }

    [Fact]
    public void Every_bad_cell_is_reported_by_row_and_column_and_nothing_is_given_to_write()
    {
        var table = Csv("period,value\n"
            + "2024-01,10\n"          // 2: fine
            + "2024-13,11\n"          // 3: no such month
            + "2024-02,\"1,234\"\n"   // 4: a thousands separator
            + "2024-03,12,5\n"        // 5: a decimal comma splits the row
            + ",13\n"                 // 6: no period
            + "2024-04,\n"            // 7: no value
            + "2024-01-20,14\n"       // 8: January again, as a day
            + "2024-05,NaN\n"         // 9: not a finite number
            + "2024-06,1e16\n"        // 10: too large to be a real value
            + "1899-12,1\n"           // 11: a typing slip of a year
            + "2024,15\n");           // 12: a year is too coarse for a monthly indicator
        Assert.False(table.Refused);
        Assert.False(table.Valid);
        Assert.Empty(table.Values);
        Assert.Equal(11, table.Rows);
        Assert.Equal(
        [
            (3, "period", "indicatorValues.notAMonth"),
            (4, "value", "indicatorValues.notANumber"),
            (5, "row", "indicatorImport.fieldCount"),
            (6, "period", "indicatorValues.required"),
            (7, "value", "indicatorValues.required"),
            (8, "period", "indicatorValues.samePeriodAsRow"),
            (9, "value", "indicatorValues.notRecordable"),
            (10, "value", "indicatorValues.notRecordable"),
            (11, "period", "indicatorValues.periodOutOfRange"),
            (12, "period", "indicatorValues.notAMonth"),
        ], Codes(table));
        var repeat = table.Problems.Listed.Single(p => p.Row == 8);
        Assert.Equal("is in the period 2024-01, as row 2 is; give each period once", repeat.Message);
        Assert.Equal("'1,234' is not a number: write it with a decimal point and no thousands separators, e.g. 1234.5",
            table.Problems.Listed.Single(p => p.Row == 4).Message);
    }

    [Theory]
    [InlineData(IndicatorFrequency.Day, "2024-05-07", "2024-05-07", null)]
    [InlineData(IndicatorFrequency.Day, "2024-05", null, "indicatorValues.notADay")]
    [InlineData(IndicatorFrequency.Week, "2024-05-09", "2024-05-06", null)] // a Thursday names the week from Monday
    [InlineData(IndicatorFrequency.Week, "2024-05", null, "indicatorValues.notAWeek")]
    [InlineData(IndicatorFrequency.Quarter, "2024-04", "2024-04-01", null)]
    [InlineData(IndicatorFrequency.Quarter, "2024-05-30", "2024-04-01", null)]
    [InlineData(IndicatorFrequency.Quarter, "2024-02", null, "indicatorValues.notAQuarter")]
    [InlineData(IndicatorFrequency.Year, "2024", "2024-01-01", null)]
    [InlineData(IndicatorFrequency.Year, "2024-01", "2024-01-01", null)]
    [InlineData(IndicatorFrequency.Year, "2024-07", null, "indicatorValues.notAYear")]
    [InlineData(IndicatorFrequency.Year, "24", null, "indicatorValues.notAYear")]
    public void Periods_are_read_for_the_indicators_frequency(IndicatorFrequency frequency, string period, string? start, string? problem)
    {
        var table = Csv($"period,value\n{period},1\n", frequency);
        if (start is null)
        {
            Assert.Equal([(2, "period", problem!)], Codes(table));
        }
        else
        {
            Assert.True(table.Valid, Problems(table));
            Assert.Equal(DateOnly.Parse(start, CultureInfo.InvariantCulture), Assert.Single(table.Values).Period);
        }
    }

    [Fact]
    public void Two_days_of_one_week_are_one_period_and_the_second_row_names_the_first()
    {
        var table = Csv("period,value\n2024-05-06,1\n2024-05-12,2\n", IndicatorFrequency.Week);
        var problem = Assert.Single(table.Problems.Listed);
        Assert.Equal((3, "period"), (problem.Row, problem.Field));
        Assert.Equal("is in the period 2024-05-06, as row 2 is; give each period once", problem.Message);
    }

    [Theory]
    [InlineData("period,value,note\n2024-01,1,x\n", "indicatorImport.unknownColumn")]
    [InlineData("period\n2024-01\n", "indicatorImport.missingColumn")]
    [InlineData("period,value,value\n2024-01,1,2\n", "indicatorImport.repeatedColumn")]
    [InlineData("", "indicatorImport.noHeader")]
    [InlineData("\n\n", "indicatorImport.noHeader")]
    public void A_bad_header_refuses_the_file(string text, string code)
    {
        var table = Csv(text);
        Assert.True(table.Refused);
        Assert.Contains(table.Problems.Listed, p => p.Row == 1 && p.Problem.Code == code);
        Assert.Empty(table.Values);
    }

    [Fact]
    public void A_file_that_is_not_utf8_or_too_large_or_too_long_is_refused_as_a_whole()
    {
        var latin1 = IndicatorCsv.Parse([.. "period,value\n"u8, 0xE9, .. "\n"u8], IndicatorFrequency.Month);
        Assert.True(latin1.Refused);
        Assert.Equal("indicatorImport.notUtf8", Assert.Single(latin1.Problems.Listed).Problem.Code);

        var utf16 = IndicatorCsv.Parse(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("period,value\n")).ToArray(), IndicatorFrequency.Month);
        Assert.Equal("indicatorImport.utf16", Assert.Single(utf16.Problems.Listed).Problem.Code);

        var large = IndicatorCsv.Parse(new byte[IndicatorCsv.MaxBytes + 1], IndicatorFrequency.Month);
        Assert.True(large.Refused);
        Assert.Equal("indicatorImport.fileTooLarge", Assert.Single(large.Problems.Listed).Problem.Code);

        var days = new DateOnly(1990, 1, 1);
        var rows = string.Concat(Enumerable.Range(0, IndicatorCsv.MaxRows + 1).Select(i => $"{days.AddDays(i):yyyy-MM-dd},{i}\n"));
        var tooMany = Csv("period,value\n" + rows, IndicatorFrequency.Day);
        Assert.True(tooMany.Refused);
        Assert.Equal((IndicatorCsv.MaxRows + 2, "indicatorImport.tooManyRows"), (tooMany.Problems.Listed[^1].Row, tooMany.Problems.Listed[^1].Problem.Code));

        var justEnough = Csv("period,value\n" + string.Concat(Enumerable.Range(0, IndicatorCsv.MaxRows).Select(i => $"{days.AddDays(i):yyyy-MM-dd},{i}\n")), IndicatorFrequency.Day);
        Assert.True(justEnough.Valid, Problems(justEnough));
        Assert.Equal(IndicatorCsv.MaxRows, justEnough.Values.Count);
    }

    [Fact]
    public void Five_hundred_bad_rows_make_a_report_of_the_first_hundred_and_the_total()
    {
        var table = Csv("period,value\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"bad-{i},x\n")));
        Assert.Equal(1000, table.Problems.Total);
        Assert.Equal(IndicatorCsv.MaxListedProblems, table.Problems.Listed.Count);
        Assert.Equal(2, table.Problems.Listed[0].Row);
        Assert.Equal(51, table.Problems.Listed[^1].Row); // two problems a row, in row order
    }

    [Theory]
    [InlineData("1234.5", true, 1234.5)]
    [InlineData("-0.25", true, -0.25)]
    [InlineData("+7", true, 7)]
    [InlineData("1e3", true, 1000)]
    [InlineData(" 12 ", true, 12)]
    [InlineData("1,234", false, 0)]
    [InlineData("12,5", false, 0)]
    [InlineData("1 234", false, 0)]
    [InlineData("$12", false, 0)]
    [InlineData("12%", false, 0)]
    [InlineData("(12)", false, 0)]
    public void Numbers_are_read_with_a_decimal_point_and_never_a_group_separator(string text, bool read, double expected)
    {
        Assert.Equal(read, IndicatorValueSet.TryParseNumber(text, out var value));
        if (read)
        {
            Assert.Equal(expected, value);
        }
    }

    [Fact]
    public void A_requests_items_are_checked_as_a_files_rows_and_a_repeat_names_the_earlier_item()
    {
        var problems = new RowProblems(10);
        var set = new IndicatorValueSet(IndicatorFrequency.Month, problems, IndicatorProblems.SamePeriodAsItem);
        set.Add(0, "2024-05", 1.0);
        set.Add(1, "2024-05-31", 2.0);
        set.Add(2, "2024-06", (double?)null);
        set.Add(3, null, double.PositiveInfinity);
        Assert.Equal(
        [
            (1, "period", "indicatorValues.samePeriodAsItem"),
            (2, "value", "indicatorValues.required"),
            (3, "period", "indicatorValues.required"),
            (3, "value", "indicatorValues.notRecordable"),
        ], problems.Listed.Select(p => (p.Row, p.Field, p.Problem.Code)));
        Assert.Equal("is in the period 2024-05, as item 0 is; give each period once", problems.Listed[0].Message);
        Assert.Equal([(new DateOnly(2024, 5, 1), 1.0)], set.Values);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Any_months_and_finite_values_written_round_trip_exactly() =>
        Prop.ForAll(Gen.Choose(0, 2400).Select(m => new DateOnly(1900, 1, 1).AddMonths(m)).ArrayOf().ToArbitrary(),
            Gen.Choose(-1_000_000, 1_000_000).Select(v => v / 7.0).ArrayOf().ToArbitrary(), (months, values) =>
            {
                var expected = months.Distinct().Zip(values).OrderBy(x => x.First).Select(x => (x.First, x.Second)).ToList();
                var csv = "period,value\n" + string.Concat(expected.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.First:yyyy-MM},{x.Second:R}\n")));
                var table = Csv(csv);
                return table.Valid && table.Values.SequenceEqual(expected);
            });
}
