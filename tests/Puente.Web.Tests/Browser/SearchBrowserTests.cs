using Microsoft.Playwright;

namespace Puente.Web.Tests.Browser;

/// <summary>The search box in the header, in a real browser: an accented word typed without its accents finds the
/// engagement, in the English and the Spanish interface, on a phone's width too (docs/decisions/0049-search.md).</summary>
[Collection(BrowserJourneys.Name)]
public sealed class SearchBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Typing_an_accented_word_without_accents_in_the_search_box_finds_the_engagement_in_english_and_spanish()
    {
        if (fixture.SkipReason is not null)
        {
            Assert.Skip(fixture.SkipReason);
        }

        using (var output = new StringWriter())
        {
            Assert.Equal(0, await Puente.Cli.PuenteCli.RunAsync(["users", "add", "searcher", "--role", "Viewer", "--side", "MX", "--data-dir", fixture.DataDirectory],
                new StringReader("Search-Passw0rd-2026\n"), output, output));
        }

        // The seeded engagement "Reunión Rice–Espinosa en Puerto Vallarta" (Spanish summary: "Reunión de cancilleres …").
        foreach (var (locale, width, expectedTitle) in new[]
                 {
                     ("en-US", 1280, "Rice–Espinosa meeting in Puerto Vallarta"),
                     ("es-MX", 390, "Reunión Rice–Espinosa en Puerto Vallarta"),
                 })
        {
            await using var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions
            {
                Locale = locale, BaseURL = fixture.Web!.BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = 844 },
            });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(15000);
            await page.GotoAsync("/Account/Login");
            await page.FillAsync("#Input_UserName", "searcher");
            await page.FillAsync("#Input_Password", "Search-Passw0rd-2026");
            await page.ClickAsync("#sign-in");
            await page.WaitForSelectorAsync("#current-user", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

            // The box is in the header of every page, visible without opening the phone's menu.
            Assert.True(await page.IsVisibleAsync("#search-q"), locale);
            await page.FillAsync("#search-q", "reunion cancilleres");
            await page.PressAsync("#search-q", "Enter");
            await page.WaitForSelectorAsync("#search-results");

            var result = page.Locator("#search-results li[data-type=engagement]").Filter(new LocatorFilterOptions { HasText = expectedTitle });
            Assert.Equal(1, await result.CountAsync());
            Assert.Contains("Reunión", await result.Locator("mark").First.InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, locale);

            // The result leads to the engagement's page.
            await result.Locator("a").First.ClickAsync();
            await page.WaitForURLAsync("**/Engagements/Details/**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
            await page.WaitForSelectorAsync("h1");
            Assert.Contains("Rice–Espinosa", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        }
    }
}
