using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Puente.Web.Features.Briefings;

/// <summary>Printing is not possible: no browser is configured.</summary>
public sealed class BriefingPdfUnavailableException(string message) : Exception(message);

/// <summary>
/// Prints a briefing's HTML to PDF with the configured headless Chromium through Playwright: one browser per process,
/// started on first use and again if it died; at most <see cref="BriefingOptions.MaxConcurrentRenders"/> pages at once;
/// each print bounded by <see cref="BriefingOptions.TimeoutSeconds"/>. The page gets the HTML as content (no request
/// back to Puente, no network: scripts off, other requests refused).
/// </summary>
public sealed partial class BriefingPdf(IOptions<BriefingOptions> options, ILogger<BriefingPdf> log) : IAsyncDisposable
{
    private readonly SemaphoreSlim _start = new(1, 1);
    private readonly SemaphoreSlim _renders = new(options.Value.MaxConcurrentRenders, options.Value.MaxConcurrentRenders);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.ChromiumPath);

    /// <summary>The PDF of <paramref name="html"/>, with <paramref name="headerTemplate"/> and <paramref name="footerTemplate"/>
    /// on every page (Chromium's templates: <c>pageNumber</c> and <c>totalPages</c> classes are filled in).</summary>
    public async Task<byte[]> RenderAsync(string html, string headerTemplate, string footerTemplate, CancellationToken ct)
    {
        if (!Configured)
        {
            throw new BriefingPdfUnavailableException($"{BriefingOptions.SectionName}:ChromiumPath is not set.");
        }

        var timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        await _renders.WaitAsync(bounded.Token);
        try
        {
            var browser = await BrowserAsync(bounded.Token);
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Offline = true });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout((float)timeout.TotalMilliseconds);
            await page.RouteAsync("**/*", route => route.AbortAsync());
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load }).WaitAsync(bounded.Token);
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = headerTemplate,
                FooterTemplate = footerTemplate,
                Margin = new Margin { Top = "22mm", Bottom = "18mm", Left = "16mm", Right = "16mm" },
            }).WaitAsync(bounded.Token);
        }
        finally
        {
            _renders.Release();
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (_browser is { IsConnected: true } ready)
        {
            return ready;
        }

        await _start.WaitAsync(ct);
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            if (_browser is not null)
            {
                LogRelaunch(log);
                await _browser.DisposeAsync();
                _browser = null;
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.Value.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            return _browser;
        }
        finally
        {
            _start.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _start.Dispose();
        _renders.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The briefing browser had stopped; starting it again.")]
    private static partial void LogRelaunch(ILogger logger);
}
