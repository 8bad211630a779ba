using SpreadCheetah;

namespace Puente.Web.Features.Exports;

/// <summary>
/// Writes a list as an Excel workbook with SpreadCheetah, row by row into the response: memory stays bounded by its
/// buffer whatever the number of rows (docs/decisions/0051-streamed-exports.md). Texts are text cells (never formulas)
/// and neutralised as in CSV; numbers are number cells; dates ISO 8601 texts, the same as in CSV.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's limit on a sheet's name.</summary>
    private const int MaxSheetName = 31;

    /// <summary>Writes the workbook to <paramref name="stream"/>; returns how many rows (header excluded).</summary>
    public static async Task<int> WriteAsync<TRow>(Stream stream, string sheet, IReadOnlyList<string> headers, IReadOnlyList<ExportColumn<TRow>> columns,
        IAsyncEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        await using var body = new ResponseStream(stream);
        var count = 0;
        var spreadsheet = await Spreadsheet.CreateNewAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (spreadsheet.ConfigureAwait(false))
        {
            await spreadsheet.StartWorksheetAsync(sheet.Length > MaxSheetName ? sheet[..MaxSheetName] : sheet, token: cancellationToken).ConfigureAwait(false);
            await spreadsheet.AddRowAsync(headers.Select(h => new Cell(ExportCells.Neutralise(h))).ToArray(), cancellationToken).ConfigureAwait(false);
            var cells = new Cell[columns.Count];
            await foreach (var item in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    cells[i] = CellOf(columns[i].Value(item));
                }

                await spreadsheet.AddRowAsync(cells, cancellationToken).ConfigureAwait(false);
                count++;
            }

            await spreadsheet.FinishAsync(cancellationToken).ConfigureAwait(false);
        }

        // The zip's closing records were written synchronously, after the last row: send them.
        await body.SendHeldAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static Cell CellOf(object? value) => value switch
    {
        int i => new Cell(i),
        long l => new Cell(l),
        double d => new Cell(d),
        decimal m => new Cell(m),
        _ => new Cell(ExportCells.Text(value)),
    };
}
