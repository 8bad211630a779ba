using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Puente.Cli;

namespace Puente.Web.Tests.Browser;

/// <summary>A U.S. administrator follows a mechanism in the browser, turns the calendar feed on and subscribes: the
/// mechanism's Shared session is in the feed, its Mexican Internal one never (decision 0053).</summary>
[Collection(BrowserJourneys.Name)]
public sealed class CalendarFeedBrowserTests(BrowserFixture fixture)
{
    private const string Password = "Calendar-Browser-2026";

    private static readonly PageWaitForURLOptions Navigated = new() { WaitUntil = WaitUntilState.Commit };

    [Fact]
    public async Task A_us_administrator_subscribes_and_never_gets_the_mexican_internal_session()
    {
        if (fixture.SkipReason is not null)
        {
            Assert.Skip(fixture.SkipReason);
        }

        var web = fixture.Web!;
        foreach (var (name, role, side) in new[] { ("cal-us-admin", "administrator", "US"), ("cal-mx-editor", "editor", "MX") })
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await PuenteCli.RunAsync(["users", "add", name, "--role", role, "--side", side, "--data-dir", fixture.DataDirectory],
                new StringReader(Password + "\n"), output, error);
            Assert.True(code == 0, error.ToString());
        }

        // The Mexican editor records two sessions of the same mechanism three weeks from now: one Shared, one Internal.
        using var http = new HttpClient { BaseAddress = new Uri(web.BaseUrl) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName = "cal-mx-editor", password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var day = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(21).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (code, title, confidentiality) in new[] { ("CAL-E2E-SHARED", "Shared session (browser)", "Shared"), ("CAL-E2E-MX", "Mexican internal session (browser)", "Internal") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/engagements")
            {
                Content = JsonContent.Create(new
                {
                    code, kind = "MechanismSession", titleEn = title, titleEs = title, start = day + "T10:00", end = day + "T12:00",
                    timeZone = "America/Mexico_City", mechanism = "HLSD", confidentiality, ownerSide = "MX",
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var created = await http.SendAsync(request);
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        await using var context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", BaseURL = web.BaseUrl });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15000);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_UserName", "cal-us-admin");
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(web.BaseUrl + "/", Navigated);

        await page.GotoAsync("/Mechanisms/Details/HLSD");
        await page.ClickAsync("#follow");
        await page.WaitForSelectorAsync("#unfollow");
        await page.ClickAsync("#nav-calendar");
        await page.WaitForURLAsync("**/Account/Calendar", Navigated);
        await page.ClickAsync("#renew");
        var feedUrl = await (await page.WaitForSelectorAsync("#feed-url"))!.InputValueAsync();
        Assert.Matches(@"/calendar/[A-Za-z0-9_-]{43}\.ics$", feedUrl);

        // The calendar application fetches the address without signing in.
        using var subscriber = new HttpClient();
        var feed = await subscriber.GetAsync(feedUrl);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var calendar = Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        var shared = Assert.Single(calendar.Events, e => e.Summary == "Shared session (browser)");
        Assert.Equal(DateTime.Parse(day + "T16:00:00Z", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), shared.DtStart!.AsUtc);
        Assert.DoesNotContain(calendar.Events, e => (e.Summary ?? "").Contains("Mexican internal", StringComparison.Ordinal));

        // Turned off in the browser: the address is gone.
        await page.ClickAsync("#revoke");
        await page.WaitForSelectorAsync("#feed-off");
        Assert.Equal(HttpStatusCode.NotFound, (await subscriber.GetAsync(feedUrl)).StatusCode);
    }
}
