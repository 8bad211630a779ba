using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;
using Puente.Core.Access;
using Puente.Core.Audit;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// Exports of the nine lists as their users meet them: the rows the list has with its filters, in the reader's
/// language, formulas neutralised, for Analysts and above, only what the reader may read, each export in the audit
/// trail. Files are read back with Sep (CSV) and ClosedXML (Excel).
/// </summary>
public abstract class ExportTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    /// <summary>A file as rows of texts, the header first.</summary>
    private static async Task<List<string[]>> RowsAsync(HttpResponseMessage response, string format)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (format == "csv")
        {
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
            var text = new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
            Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
            using var reader = Sep.Reader(o => o with { Unescape = true, HasHeader = false }).FromText(text);
            var rows = new List<string[]>();
            foreach (var row in reader)
            {
                var cells = new string[row.ColCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = row[i].ToString();
                }

                rows.Add(cells);
            }

            return rows;
        }

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        var sheet = workbook.Worksheet(1);
        var width = sheet.Row(1).LastCellUsed().Address.ColumnNumber;
        return [.. sheet.RowsUsed().Select(r => Enumerable.Range(1, width).Select(c => r.Cell(c).GetString()).ToArray())];
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Theory]
    [InlineData("actors", "country=MX", "csv")]
    [InlineData("actors", "type=Agency&country=US", "xlsx")]
    [InlineData("mechanisms", "", "csv")]
    [InlineData("mechanisms", "q=water", "xlsx")]
    [InlineData("people", "q=an", "csv")]
    [InlineData("people", "", "xlsx")]
    [InlineData("posts", "country=US", "csv")]
    [InlineData("posts", "q=secretar", "xlsx")]
    [InlineData("engagements", "mechanism=HLED", "csv")]
    [InlineData("engagements", "from=2010-01-01&to=2015-12-31", "xlsx")]
    [InlineData("commitments", "", "csv")]
    [InlineData("commitments", "status=InProgress", "xlsx")]
    [InlineData("recommendations", "addressee=MX", "csv")]
    [InlineData("recommendations", "", "xlsx")]
    [InlineData("indicators", "issue=MIGRATION", "csv")]
    [InlineData("indicators", "", "xlsx")]
    [InlineData("alerts", "", "csv")]
    [InlineData("alerts", "status=closed", "xlsx")]
    public async Task A_list_exports_exactly_the_rows_its_list_has_with_the_same_filters(string list, string filters, string format)
    {
        app.SkipIfUnavailable();
        using var api = await app.ApiAs(TestUsers.UsAnalyst, "en-US");
        var separator = filters.Length == 0 ? "" : "&";
        var listed = await Json(await api.GetAsync($"/api/v1/{list}?{filters}{separator}pageSize=200"));
        var response = await api.GetAsync($"/api/v1/{list}/export?format={format}{separator}{filters}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(format == "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);

        var rows = await RowsAsync(response, format);
        Assert.Equal("Code", rows[0][0]);
        Assert.Equal(listed.GetProperty("total").GetInt32(), rows.Count - 1);
        var codes = rows.Skip(1).Select(r => r[0]).ToHashSet();
        foreach (var item in listed.GetProperty("items").EnumerateArray())
        {
            Assert.Contains(item.GetProperty("code").GetString()!, codes);
        }
    }

    [Fact]
    public async Task Filters_narrow_the_export_as_they_narrow_the_list()
    {
        app.SkipIfUnavailable();
        using var api = await app.ApiAs(TestUsers.UsAnalyst, "en-US");
        var all = await RowsAsync(await api.GetAsync("/api/v1/actors/export?format=csv"), "csv");
        var mexican = await RowsAsync(await api.GetAsync("/api/v1/actors/export?format=csv&country=MX"), "csv");
        var country = Array.IndexOf(all[0], "Country");
        Assert.True(mexican.Count > 1 && mexican.Count < all.Count, $"{mexican.Count} of {all.Count}");
        Assert.All(mexican.Skip(1), r => Assert.Equal("MX", r[country]));

        var hled = await RowsAsync(await api.GetAsync("/api/v1/engagements/export?format=xlsx&mechanism=HLED"), "xlsx");
        var mechanism = Array.IndexOf(hled[0], "Mechanism");
        Assert.True(hled.Count > 6);
        Assert.All(hled.Skip(1), r => Assert.Equal("HLED", r[mechanism]));
    }

    [Fact]
    public async Task A_spanish_reader_gets_spanish_headers_and_values_and_both_names()
    {
        app.SkipIfUnavailable();
        using var api = await app.ApiAs(TestUsers.UsAnalyst, "es-MX");
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var rows = await RowsAsync(await api.GetAsync($"/api/v1/actors/export?format={format}&type=Agency"), format);
            Assert.Equal(["Código", "Nombre", "Nombre (inglés)", "Nombre (español)"], rows[0].Take(4));
            var type = Array.IndexOf(rows[0], "Tipo");
            Assert.All(rows.Skip(1), r => Assert.Equal("Dependencia", r[type]));
            Assert.Contains(rows.Skip(1), r => r[Array.IndexOf(rows[0], "Acceso")] == "Compartido");
            // The name in the reader's language is the Spanish one where it was entered.
            Assert.All(rows.Skip(1), r => Assert.Equal(r[3].Length > 0 ? r[3] : r[2], r[1]));
        }
    }

    [Fact]
    public async Task Text_that_a_spreadsheet_would_run_as_a_formula_is_neutralised_in_both_formats()
    {
        app.SkipIfUnavailable();
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        string[] names = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(1,1)"];
        for (var i = 0; i < names.Length; i++)
        {
            var created = await editor.PostAsJsonAsync("/api/v1/actors", new
            {
                code = $"EXP-FORMULA-{i}", nameEn = names[i], nameEs = names[i], type = "Agency", country = "MX", level = "Federal",
            });
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict or HttpStatusCode.BadRequest, $"{created.StatusCode}");
        }

        using var api = await app.ApiAs(TestUsers.UsAnalyst, "en-US");
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var response = await api.GetAsync($"/api/v1/actors/export?format={format}&q=EXP-FORMULA-");
            var rows = await RowsAsync(response, format);
            Assert.Equal(names.Length, rows.Count - 1);
            Assert.Equal(names.Select(n => "'" + n).Order(StringComparer.Ordinal), rows.Skip(1).Select(r => r[1]).Order(StringComparer.Ordinal));
        }

        var bytes = await (await api.GetAsync("/api/v1/actors/export?format=xlsx&q=EXP-FORMULA-")).Content.ReadAsByteArrayAsync();
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.DoesNotContain(workbook.Worksheet(1).CellsUsed(), c => c.HasFormula);
    }

    [Fact]
    public async Task Analysts_and_above_export_and_a_viewer_is_refused_in_the_api_and_the_pages()
    {
        app.SkipIfUnavailable();
        using var viewer = await app.ApiAs(TestUsers.MxViewer);
        using var analyst = await app.ApiAs(TestUsers.UsAnalyst);
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        foreach (var list in new[] { "actors", "mechanisms", "people", "posts", "engagements", "commitments", "recommendations", "indicators", "alerts" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/api/v1/{list}/export?format=csv")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync($"/api/v1/{list}/export?format=csv")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/api/v1/{list}/export?format=xlsx")).StatusCode);
        }

        using var anonymous = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/actors/export?format=csv")).StatusCode);

        using var viewerUi = await app.UiAs(TestUsers.MxViewer);
        var refused = await viewerUi.GetAsync("/exports/actors?format=csv");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("export-csv", await viewerUi.GetStringAsync("/Actors?country=MX"), StringComparison.Ordinal);

        using var analystUi = await app.UiAs(TestUsers.UsAnalyst);
        var page = await analystUi.GetStringAsync("/Engagements?mechanism=HLED");
        Assert.Contains("href=\"/exports/engagements?mechanism=HLED&amp;format=csv\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/exports/engagements?mechanism=HLED&amp;format=xlsx\"", page, StringComparison.Ordinal);
        var download = await analystUi.GetAsync("/exports/engagements?mechanism=HLED&format=csv");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_missing_or_unknown_format_and_a_bad_filter_are_refused_naming_the_parameter()
    {
        app.SkipIfUnavailable();
        using var api = await app.ApiAs(TestUsers.UsAnalyst, "es-MX");
        foreach (var (url, field) in new[]
        {
            ("/api/v1/actors/export", "format"),
            ("/api/v1/people/export?format=pdf", "format"),
            ("/api/v1/engagements/export?format=csv&from=yesterday", "from"),
            ("/api/v1/engagements/export?format=csv&kind=Party", "kind"),
            ("/api/v1/commitments/export?format=xlsx&dueWithin=99999", "dueWithin"),
            ("/api/v1/commitments/export?format=csv&status=Forgotten", "status"),
            ("/api/v1/alerts/export?format=csv&status=Sleeping", "status"),
        })
        {
            var response = await api.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await Json(response);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{url}: {problem}");
        }

        var format = await Json(await api.GetAsync("/api/v1/actors/export?format=docx"));
        Assert.Equal("Exporte como csv o xlsx.", format.GetProperty("errors").GetProperty("format")[0].GetString());
    }

    [Fact]
    public async Task Every_export_is_in_the_audit_trail_with_who_which_list_the_filters_and_the_rows()
    {
        app.SkipIfUnavailable();
        using var api = await app.ApiAs(TestUsers.UsAnalyst, "en-US");
        var rows = await RowsAsync(await api.GetAsync("/api/v1/engagements/export?format=csv&mechanism=HLED&q=" + new string('x', 1) + "&to=2030-01-01"), "csv");
        var (scope, db) = app.Database();
        await using (scope)
        {
            var entry = await db.AuditEntries.Where(a => a.Action == AuditAction.Exported && a.Actor == "us-analyst").OrderByDescending(a => a.Id).FirstAsync();
            Assert.Equal("engagements", entry.RecordLabel);
            var details = JsonDocument.Parse(entry.After!).RootElement;
            Assert.Equal("csv", details.GetProperty("format").GetString());
            Assert.Equal("mechanism=HLED&q=x&to=2030-01-01", details.GetProperty("filters").GetString());
            Assert.Equal(rows.Count - 1, details.GetProperty("rows").GetInt32());
            Assert.Equal(Side.US, entry.OwnerSide);
        }

        // Filter text in the trail is bounded.
        await api.GetAsync("/api/v1/actors/export?format=xlsx&q=" + new string('y', 3000));
        var (scope2, db2) = app.Database();
        await using (scope2)
        {
            var entry = await db2.AuditEntries.Where(a => a.Action == AuditAction.Exported && a.RecordLabel == "actors").OrderByDescending(a => a.Id).FirstAsync();
            Assert.True(JsonDocument.Parse(entry.After!).RootElement.GetProperty("filters").GetString()!.Length <= 500);
        }

        // The US administrators see it on the audit page; the MX administrators do not.
        using var usAdmin = await app.UiAs(TestUsers.UsAdmin, "en-US");
        Assert.Contains("mechanism=HLED", await usAdmin.GetStringAsync("/Admin/Audit"), StringComparison.Ordinal);
        using var mxAdmin = await app.UiAs(TestUsers.MxAdmin, "en-US");
        Assert.DoesNotContain("mechanism=HLED&amp;q=x", await mxAdmin.GetStringAsync("/Admin/Audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_mx_internal_record_is_never_in_a_us_users_export_even_an_administrators()
    {
        app.SkipIfUnavailable();
        using var mexican = await app.ApiAs(TestUsers.MxEditor);
        var actor = await mexican.PostAsJsonAsync("/api/v1/actors", new
        {
            code = "EXP-MX-INTERNAL", nameEn = "Export internal probe", type = "Agency", country = "MX", level = "Federal",
            confidentiality = "Internal", ownerSide = "MX",
        });
        Assert.True(actor.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{actor.StatusCode}");

        foreach (var (user, sees) in new[] { (TestUsers.UsAdmin, false), (TestUsers.UsAnalyst, false), (TestUsers.UsEditor, false), (TestUsers.MxAdmin, true), (TestUsers.MxEditor, true) })
        {
            using var api = await app.ApiAs(user, "en-US");
            foreach (var format in new[] { "csv", "xlsx" })
            {
                var rows = await RowsAsync(await api.GetAsync($"/api/v1/actors/export?format={format}"), format);
                Assert.True(rows.Count > 10);
                Assert.Equal(sees, rows.Any(r => r.Contains("Export internal probe")));
            }
        }
    }
}
