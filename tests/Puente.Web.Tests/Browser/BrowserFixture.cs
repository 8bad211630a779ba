using Microsoft.Playwright;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser) against Puente running as a real process on
/// a fresh SQLite data directory. Skipped with a plain message when Chromium is missing, unless PUENTE_E2E=1, which
/// makes a missing browser a failure.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("puente-e2e-").FullName;

    public WebProcess? Web { get; private set; }

    /// <summary>A real SMTP server on loopback that the web process sends its mail to (the reminder journey reads it).</summary>
    public SmtpTestServer? Smtp { get; private set; }

    public IBrowser? Browser { get; private set; }

    public string? SkipReason { get; private set; }

    public static bool Required => Environment.GetEnvironmentVariable("PUENTE_E2E") == "1";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (Required)
            {
                throw new InvalidOperationException($"PUENTE_E2E=1 but {ChromiumPath} is missing: apt-get install -y chromium");
            }

            SkipReason = $"Browser suite skipped: {ChromiumPath} not found (apt-get install -y chromium; set PUENTE_E2E=1 to require it).";
            return;
        }

        Smtp = new SmtpTestServer();
        var environment = new Dictionary<string, string> { ["Puente__DataDirectory"] = DataDirectory };
        foreach (var (key, value) in Smtp.Settings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        // Mail goes out every 10 s and the reminders look every minute: the journey waits for its e-mail, not longer.
        environment["Puente__Mail__DispatchIntervalSeconds"] = "10";
        environment["Puente__Reminders__IntervalMinutes"] = "1";
        // The browser suite has Chromium: briefings print as PDF with it (elsewhere the tests see the "not configured" answer).
        environment["Puente__Briefings__ChromiumPath"] = ChromiumPath;
        Web = WebProcess.Start(environment);
        await Web.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Web is not null)
        {
            await Web.DisposeAsync();
        }

        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
