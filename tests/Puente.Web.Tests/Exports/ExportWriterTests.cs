using System.Text;
using ClosedXML.Excel;
using Puente.Web.Features.Exports;

namespace Puente.Web.Tests.Exports;

/// <summary>
/// The two writers on their own: each of the six characters that make a spreadsheet read a cell as a formula is
/// neutralised (a single quote in front) in CSV and in Excel, Excel cells are text (never formulas), CSV quoting is
/// RFC 4180's, and numbers stay numbers.
/// </summary>
public sealed class ExportWriterTests
{
    private static readonly ExportColumn<object?>[] Columns = [new("Value", v => v)];

    private static async IAsyncEnumerable<object?> Rows(params object?[] values)
    {
        foreach (var v in values)
        {
            await Task.Yield();
            yield return v;
        }
    }

    public static TheoryData<string> Triggers => ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1"];

    [Theory]
    [MemberData(nameof(Triggers))]
    public async Task A_cell_starting_with_a_formula_character_gets_a_single_quote_in_csv(string text)
    {
        using var stream = new MemoryStream();
        var count = await CsvExport.WriteAsync(stream, ["Value"], Columns, Rows(text), CancellationToken.None);
        Assert.Equal(1, count);
        var csv = Encoding.UTF8.GetString(stream.ToArray().AsSpan(3));
        var field = csv["Value\r\n".Length..^2];
        // A field holding a carriage return is quoted (RFC 4180); inside, the text starts with the quote mark.
        Assert.Equal(text.Contains('\r') ? "\"'" + text + "\"" : "'" + text, field);
    }

    [Theory]
    [MemberData(nameof(Triggers))]
    public async Task A_cell_starting_with_a_formula_character_gets_a_single_quote_and_stays_text_in_excel(string text)
    {
        using var stream = new MemoryStream();
        await XlsxExport.WriteAsync(stream, "Sheet", ["Value"], Columns, Rows(text), CancellationToken.None);
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        var cell = workbook.Worksheet(1).Cell(2, 1);
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
        // An XML reader turns a carriage return in the cell's text into a line feed (XML end-of-line handling).
        Assert.Equal("'" + text.Replace('\r', '\n'), cell.GetString());
    }

    [Fact]
    public async Task Csv_quotes_commas_quotes_and_line_breaks_and_keeps_accents_and_numbers()
    {
        using var stream = new MemoryStream();
        await CsvExport.WriteAsync(stream, ["Value"], Columns, Rows("Comisión, \"binacional\"\nagua", -12.5, 3, null, "safe"), CancellationToken.None);
        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        Assert.Equal("Value\r\n\"Comisión, \"\"binacional\"\"\nagua\"\r\n-12.5\r\n3\r\n\r\nsafe\r\n", Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }

    [Fact]
    public async Task Excel_writes_numbers_as_numbers_and_an_empty_list_as_its_header()
    {
        using var stream = new MemoryStream();
        await XlsxExport.WriteAsync(stream, "Sheet", ["Value"], Columns, Rows(-12.5, 3), CancellationToken.None);
        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        Assert.Equal(XLDataType.Number, workbook.Worksheet(1).Cell(2, 1).DataType);
        Assert.Equal(-12.5, workbook.Worksheet(1).Cell(2, 1).GetDouble());

        using var empty = new MemoryStream();
        Assert.Equal(0, await CsvExport.WriteAsync(empty, ["Value"], Columns, Rows(), CancellationToken.None));
        Assert.Equal("Value\r\n", Encoding.UTF8.GetString(empty.ToArray().AsSpan(3)));
    }
}
