using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Puente.Web.Api;

namespace Puente.Web.Features.Exports;

/// <summary>
/// A list's export as an HTTP result: the file streamed to the response row by row, then the export recorded in the
/// audit trail (who, which list, format, filters, rows). The rows come from the list's own service and filter, through
/// the context's access filter: an export holds exactly what the list would show, page after page.
/// </summary>
public static class ListExport
{
    /// <summary>The longest filter text an audit entry keeps (the rest is cut, marked with "…").</summary>
    public const int MaxFilterText = 500;

    /// <summary>The rows a list whose DTOs need a second query per page (indicators, alerts, historic commitments) reads at once.</summary>
    public const int PageSize = 500;

    /// <summary>The format named by <c>format</c>, or null when missing or unknown.</summary>
    public static ExportFormat? Format(string? format) => format?.Trim().ToUpperInvariant() switch
    {
        "CSV" => ExportFormat.Csv,
        "XLSX" => ExportFormat.Xlsx,
        _ => null,
    };

    /// <summary>400 naming <c>format</c>.</summary>
    public static ValidationProblem FormatProblem(IStringLocalizer t) => ApiResults.Invalid("format", t["Export as csv or xlsx."], t);

    /// <summary>The export of <paramref name="rows"/> under <paramref name="columns"/> as <paramref name="format"/>.</summary>
    public static IResult Of<TRow>(string list, ExportFormat format, IAsyncEnumerable<TRow> rows, IReadOnlyList<ExportColumn<TRow>> columns) =>
        new Result<TRow>(list, format, rows, columns);

    /// <summary>Each item of <paramref name="source"/> mapped, as it is read.</summary>
    public static async IAsyncEnumerable<TOut> Map<TIn, TOut>(IAsyncEnumerable<TIn> source, Func<TIn, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(map);
        await foreach (var item in source.ConfigureAwait(false))
        {
            yield return map(item);
        }
    }

    /// <summary>The items of the pages <paramref name="page"/> gives (1, 2, …, of <see cref="PageSize"/>) until one is short.</summary>
    public static async IAsyncEnumerable<T> Pages<T>(Func<int, Task<IReadOnlyList<T>>> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        for (var number = 1; number <= ApiResults.MaxPage; number++)
        {
            var items = await page(number).ConfigureAwait(false);
            foreach (var item in items)
            {
                yield return item;
            }

            if (items.Count < PageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>The request's filters as the audit keeps them: its query string without the format, bounded.</summary>
    public static string FilterText(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pairs = request.Query.Where(q => !string.Equals(q.Key, "format", StringComparison.OrdinalIgnoreCase) && !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => $"{q.Key}={v}"))
            .Where(p => !p.EndsWith('='));
        var text = string.Join("&", pairs);
        return text.Length > MaxFilterText ? text[..(MaxFilterText - 1)] + "…" : text;
    }

    /// <summary>The entry's JSON keeps "&amp;" and accents readable (the audit page encodes it as HTML when it shows it).</summary>
    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed class Result<TRow>(string list, ExportFormat format, IAsyncEnumerable<TRow> rows, IReadOnlyList<ExportColumn<TRow>> columns) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var services = httpContext.RequestServices;
            var t = services.GetRequiredService<IStringLocalizer<SharedResource>>();
            var db = services.GetRequiredService<PuenteDbContext>();
            var time = services.GetRequiredService<TimeProvider>();
            var response = httpContext.Response;
            var ct = httpContext.RequestAborted;
            var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var fileName = $"{list}-{day}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}";
            response.ContentType = format == ExportFormat.Csv ? CsvExport.ContentType : XlsxExport.ContentType;
            response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
            response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            response.Headers[HeaderNames.CacheControl] = "private, no-store";
            var headers = columns.Select(c => t[c.Header].Value).ToList();
            var count = format == ExportFormat.Csv
                ? await CsvExport.WriteAsync(response.Body, headers, columns, rows, ct)
                : await XlsxExport.WriteAsync(response.Body, t["Export." + list].Value, headers, columns, rows, ct);

            // Recorded once the file is written: the entry says how many rows the reader took away.
            var details = JsonSerializer.Serialize(new { list, format = format.ToString().ToLowerInvariant(), filters = FilterText(httpContext.Request), rows = count },
                AuditJson);
            db.RecordExportEvent(list, details);
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
