using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Features.Briefings;

/// <summary><c>/Briefings/{kind}/{id}</c>: a briefing on the screen (and its print), with a language choice and the PDF
/// (handler <c>Pdf</c>), built from what the reader may read.</summary>
public sealed class IndexModel(BriefingService briefings, BriefingPdf pdf, IWebHostEnvironment environment, IStringLocalizer<SharedResource> t) : PageModel
{
    public Briefing? Briefing { get; private set; }

    public string Body { get; private set; } = "";

    public string Kind { get; private set; } = "";

    public string Id { get; private set; } = "";

    public string Language { get; private set; } = "en";

    public bool PdfConfigured => pdf.Configured;

    /// <summary>Why the PDF could not be made (no browser configured).</summary>
    public string? PdfProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, string id, string? lang, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await BuildAsync(kind, id, lang, ct);
        if (result is not null)
        {
            return result;
        }

        BriefingRequest.AddServerTiming(Response, started);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(string kind, string id, string? lang, CancellationToken ct)
    {
        var result = await BuildAsync(kind, id, lang, ct);
        if (result is not null)
        {
            return result;
        }

        if (!pdf.Configured)
        {
            PdfProblem = t["No browser is configured to print them: an administrator sets {0} to the path of a Chromium executable (for example /usr/bin/chromium). The HTML briefing is available.", "Puente:Briefings:ChromiumPath"];
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        var b = Briefing!;
        var html = BriefingHtml.Document(b, BriefingRequest.BaseUrl(Request), t, BriefingRequest.InlineCss(environment));
        var bytes = await pdf.RenderAsync(html, BriefingHtml.PdfHeader(b, t), BriefingHtml.PdfFooter(b, t), ct);
        return File(bytes, "application/pdf", BriefingRequest.FileName(b));
    }

    private async Task<IActionResult?> BuildAsync(string kind, string id, string? lang, CancellationToken ct)
    {
        var (k, culture, _, errors) = BriefingRequest.Parse(kind, lang, null, t);
        if (errors.Any || id.Length > 200)
        {
            return NotFound();
        }

        if (await briefings.FindAsync(k, id, ct) is not { } record)
        {
            return NotFound();
        }

        Kind = k.ToString().ToLowerInvariant();
        Id = id;
        Briefing = await briefings.BuildAsync(k, record, culture, ct);
        Language = Briefing.Language;
        // The briefing's body is in its own language; the page around it stays in the reader's.
        var reader = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        Body = BriefingHtml.Body(Briefing, BriefingRequest.BaseUrl(Request), t);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = reader;
        return null;
    }
}
