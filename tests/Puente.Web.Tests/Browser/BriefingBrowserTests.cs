using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Puente.Web.Tests.Browser;

/// <summary>
/// A briefing's PDF, printed by the Chromium the server is configured with and read back with a PDF text extractor: the
/// sections in English and in Spanish; the Internal marking on every page when it holds an MX-Internal session; none of
/// that session in the briefing a U.S. administrator prints; and the page's PDF link.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class BriefingBrowserTests(BrowserFixture fixture)
{
    private const string Password = "Briefing-Passw0rd-2026";
    private const string Secret = "MX-only preparatory session on the delivery schedule";

    private static readonly string[] English = ["Who and what", "History of engagements", "Open and recent commitments", "The plan's related recommendations",
        "Open alerts and indicator trends", "GDELT and the press"];

    private static readonly string[] Spanish = ["Quién y qué", "Historial de encuentros", "Compromisos abiertos y recientes", "Recomendaciones relacionadas del plan",
        "Alertas abiertas y tendencias de indicadores", "GDELT y la prensa"];

    [Fact]
    public async Task A_briefings_PDF_has_its_sections_in_both_languages_and_the_Internal_marking_on_every_page()
    {
        if (fixture.SkipReason is not null)
        {
            Assert.Skip(fixture.SkipReason);
        }

        var ct = TestContext.Current.CancellationToken;
        foreach (var (name, role, side) in new[] { ("brief-mx-editor", "Editor", "MX"), ("brief-us-admin", "Administrator", "US") })
        {
            using var output = new StringWriter();
            Assert.Equal(0, await Puente.Cli.PuenteCli.RunAsync(["users", "add", name, "--role", role, "--side", side, "--data-dir", fixture.DataDirectory],
                new StringReader(Password + "\n"), output, output));
        }

        var web = fixture.Web!;
        using var mx = await ApiAsync(web.BaseUrl, "brief-mx-editor", ct);
        using var us = await ApiAsync(web.BaseUrl, "brief-us-admin", ct);

        // MX-Internal sessions of the Binational Commission, enough for a briefing of more than one page.
        for (var i = 1; i <= 10; i++)
        {
            var created = await mx.PostAsJsonAsync("/api/v1/engagements", new
            {
                titleEn = $"{Secret} {i}: water deliveries, storage at Amistad and Falcon, the Conchos and the minute's reporting, reviewed item by item",
                titleEs = $"Sesión preparatoria solo de MX {i}: entregas de agua, almacenamiento en La Amistad y Falcón, el Conchos y los informes del acta",
                kind = "MechanismSession", start = $"2026-0{1 + (i % 9)}-1{i % 10}T10:00", end = $"2026-0{1 + (i % 9)}-1{i % 10}T12:00", timeZone = "America/Mexico_City",
                place = "Ciudad de México", mechanism = "BNC", confidentiality = "Internal", ownerSide = "MX",
            }, ct);
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(ct));
        }

        // The MX editor's briefing, in English and in Spanish: every section, and the marking on every page.
        foreach (var (lang, headings, marking) in new[] { ("en", English, "Internal to side MX"), ("es", Spanish, "Interno de la parte MX") })
        {
            var response = await mx.GetAsync($"/api/v1/briefings/mechanism/BNC?lang={lang}&format=pdf", ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var pages = Pages(await response.Content.ReadAsByteArrayAsync(ct));
            Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
            var all = string.Concat(pages);
            foreach (var heading in headings)
            {
                Assert.Contains(Squash(heading), all, StringComparison.Ordinal);
            }

            Assert.Contains(Squash(lang == "en" ? Secret : "Sesión preparatoria solo de MX"), all, StringComparison.Ordinal);
            Assert.All(pages, page => Assert.Contains(Squash(marking), page, StringComparison.Ordinal));
        }

        // A U.S. administrator's briefing of the same mechanism: Shared, without the MX sessions.
        var usPdf = await us.GetAsync("/api/v1/briefings/mechanism/BNC?lang=en&format=pdf", ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, usPdf.StatusCode);
        var usPages = Pages(await usPdf.Content.ReadAsByteArrayAsync(ct));
        var usText = string.Concat(usPages);
        Assert.Contains(Squash("Who and what"), usText, StringComparison.Ordinal);
        Assert.DoesNotContain(Squash("MX-only preparatory"), usText, StringComparison.Ordinal);
        Assert.DoesNotContain(Squash("Internal"), usText, StringComparison.Ordinal);
        Assert.All(usPages, page => Assert.Contains(Squash("Marking: Shared"), page, StringComparison.Ordinal));

        // The page offers the PDF; its link gives the same marked document.
        await using var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", BaseURL = web.BaseUrl });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15000);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", "brief-mx-editor");
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("#current-user", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.GotoAsync("/Mechanisms/Details/BNC");
        await page.ClickAsync("#briefing");
        await page.WaitForSelectorAsync("#section-profile");
        Assert.Contains("Internal to side MX", await page.InnerTextAsync("#briefing-marking"), StringComparison.Ordinal);
        var href = await page.GetAttributeAsync("#briefing-pdf", "href");
        Assert.NotNull(href);
        var download = await context.APIRequest.GetAsync(href);
        Assert.Equal(200, download.Status);
        var linked = Pages(await download.BodyAsync());
        Assert.All(linked, p => Assert.Contains(Squash("Internal to side MX"), p, StringComparison.Ordinal));
    }

    /// <summary>Each page's text without white space (the extractor's spacing differs from the HTML's).</summary>
    private static List<string> Pages(byte[] pdf)
    {
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => Squash(string.Join(" ", p.GetWords().Select(w => w.Text))))];
    }

    private static string Squash(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    private static async Task<HttpClient> ApiAsync(string baseUrl, string user, CancellationToken ct)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password = Password }, ct);
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync(ct));
        using var json = JsonDocument.Parse(await login.Content.ReadAsStringAsync(ct));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        return client;
    }
}
