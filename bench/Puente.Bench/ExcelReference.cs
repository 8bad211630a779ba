using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using nietras.SeparatedValues;
using SpreadCheetah;

/// <summary>
/// The export benchmark's references, each in a process of its own so that its peak memory is its own: the rows of a CSV
/// export written as an Excel workbook by ClosedXML (the whole workbook in memory, then saved: the library the issue
/// named) or by SpreadCheetah (row by row into the file, as the host does). Prints rows, seconds, peak working set (MB)
/// and managed bytes allocated (MB).
/// </summary>
internal static class ExcelReference
{
    public static async Task<int> RunAsync(string mode, string csv, string output)
    {
        var watch = Stopwatch.StartNew();
        var rows = 0;
        using var reader = Sep.Reader(o => o with { Unescape = true, HasHeader = false }).FromFile(csv);
        if (mode == "xlsx-closedxml")
        {
            using var workbook = new XLWorkbook();
            var sheet = workbook.AddWorksheet("Export");
            foreach (var row in reader)
            {
                rows++;
                for (var c = 0; c < row.ColCount; c++)
                {
                    var cell = sheet.Cell(rows, c + 1);
                    cell.DataType = XLDataType.Text;
                    cell.Value = row[c].ToString();
                }
            }

            workbook.SaveAs(output);
        }
        else
        {
            await using var file = File.Create(output);
            await using var spreadsheet = await Spreadsheet.CreateNewAsync(file);
            await spreadsheet.StartWorksheetAsync("Export");
            Cell[]? cells = null;
            foreach (var row in reader)
            {
                rows++;
                cells ??= new Cell[row.ColCount];
                for (var c = 0; c < cells.Length; c++)
                {
                    cells[c] = new Cell(row[c].ToString());
                }

                await spreadsheet.AddRowAsync(cells);
            }

            await spreadsheet.FinishAsync();
        }

        watch.Stop();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode} rows={rows - 1} seconds={watch.Elapsed.TotalSeconds:F2} peak_mb={self.PeakWorkingSet64 / 1048576} allocated_mb={GC.GetTotalAllocatedBytes(precise: true) / 1048576} bytes={new FileInfo(output).Length}"));
        return 0;
    }
}
