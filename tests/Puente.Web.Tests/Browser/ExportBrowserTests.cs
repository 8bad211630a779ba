using System.Text;
using ClosedXML.Excel;
using Microsoft.Playwright;

namespace Puente.Web.Tests.Browser;

/// <summary>Exports in a real browser: the list page's links download the list with its filters, and an MX Internal
/// record never reaches a US user's file, not even a US administrator's.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class ExportBrowserTests(BrowserFixture fixture)
{
    private const string Password = "Export-Passw0rd-2026";
    private const string Secret = "Export journey internal office (test)";

    [Fact]
    public async Task A_us_analyst_and_a_us_administrator_download_the_filtered_list_without_the_mx_internal_record_that_an_mx_editor_gets()
    {
        if (fixture.SkipReason is not null)
        {
            Assert.Skip(fixture.SkipReason);
        }

        foreach (var (name, role, side) in new[] { ("export-mx-editor", "Editor", "MX"), ("export-us-analyst", "Analyst", "US"), ("export-us-admin", "Administrator", "US"), ("export-mx-viewer", "Viewer", "MX") })
        {
            using var output = new StringWriter();
            Assert.Equal(0, await Puente.Cli.PuenteCli.RunAsync(["users", "add", name, "--role", role, "--side", side, "--data-dir", fixture.DataDirectory],
                new StringReader(Password + "\n"), output, output));
        }

        var web = fixture.Web!;
        await using var editorContext = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", BaseURL = web.BaseUrl, AcceptDownloads = true });
        var editor = await SignInAsync(editorContext, "export-mx-editor");
        await editor.GotoAsync("/Actors/Edit");
        await editor.FillAsync("#Input_Code", "MX-EXPORT-INTERNAL");
        await editor.FillAsync("#Input_NameEn", Secret);
        await editor.FillAsync("#Input_NameEs", "Oficina interna del recorrido de exportación (prueba)");
        await editor.SelectOptionAsync("#Input_Type", "Agency");
        await editor.SelectOptionAsync("#Input_Country", "MX");
        await editor.SelectOptionAsync("#Input_Confidentiality", "Internal");
        await editor.SelectOptionAsync("#Input_OwnerSide", "MX");
        await editor.ClickAsync("#save");
        await editor.WaitForURLAsync("**/Actors/Details/**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });

        var (csv, xlsx) = await DownloadAsync(editor);
        Assert.Contains(Secret, csv, StringComparison.Ordinal);
        Assert.Contains(Secret, xlsx);

        foreach (var user in new[] { "export-us-analyst", "export-us-admin" })
        {
            await using var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", BaseURL = web.BaseUrl, AcceptDownloads = true });
            var page = await SignInAsync(context, user);
            (csv, xlsx) = await DownloadAsync(page);
            Assert.DoesNotContain(Secret, csv, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, xlsx);
            Assert.Contains("Consulate of Mexico in Chicago", csv, StringComparison.Ordinal);
            // The filter on screen (country = MX) is in the file: no US actor.
            Assert.DoesNotContain("\nUS-", csv, StringComparison.Ordinal);
        }

        await using var viewerContext = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", BaseURL = web.BaseUrl });
        var viewer = await SignInAsync(viewerContext, "export-mx-viewer");
        await viewer.GotoAsync("/Actors?country=MX");
        Assert.Equal(0, await viewer.Locator("#export-csv").CountAsync());
    }

    /// <summary>The Mexican actors as CSV text and as the texts of the Excel file's cells, through the page's links.</summary>
    private static async Task<(string Csv, List<string> Xlsx)> DownloadAsync(IPage page)
    {
        await page.GotoAsync("/Actors?country=MX");
        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        Assert.EndsWith(".csv", csv.SuggestedFilename, StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await csv.PathAsync())!));
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-xlsx"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
        await using var file = File.OpenRead((await xlsx.PathAsync())!); // the download's own path has no extension
        using var workbook = new XLWorkbook(file);
        return (text, [.. workbook.Worksheet(1).CellsUsed().Select(c => c.GetString())]);
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, string user)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15000);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", user);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("#current-user", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        return page;
    }
}
