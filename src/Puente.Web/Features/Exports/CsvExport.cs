using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace Puente.Web.Features.Exports;

/// <summary>
/// Writes a list as RFC 4180 CSV (comma, CRLF, fields quoted by Sep when they hold a comma, quote or line break), UTF-8
/// with a byte-order mark so that Excel reads accents right. Rows are written as they are read: the file is never
/// whole in memory.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Writes the header and every row to <paramref name="stream"/>; returns how many rows (header excluded).</summary>
    public static async Task<int> WriteAsync<TRow>(Stream stream, IReadOnlyList<string> headers, IReadOnlyList<ExportColumn<TRow>> columns,
        IAsyncEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await using (text.ConfigureAwait(false))
        {
            var writer = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(text, leaveOpen: true);
            var count = 0;
            await using (writer.ConfigureAwait(false))
            {
                writer.Header.Add(headers.Select(ExportCells.Neutralise).ToArray());
                await foreach (var item in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    await WriteRowAsync(writer, headers, columns, item, cancellationToken).ConfigureAwait(false);
                    count++;
                }

                if (count == 0)
                {
                    // Sep writes its header with the first row; an empty list still gets its header line.
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await text.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    private static async ValueTask WriteRowAsync<TRow>(SepWriter writer, IReadOnlyList<string> headers, IReadOnlyList<ExportColumn<TRow>> columns, TRow item,
        CancellationToken cancellationToken)
    {
        var row = writer.NewRow(cancellationToken);
        for (var i = 0; i < columns.Count; i++)
        {
            row[ExportCells.Neutralise(headers[i])].Set(ExportCells.Text(columns[i].Value(item)));
        }

        await row.DisposeAsync().ConfigureAwait(false);
    }
}
