using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Web.Api;

namespace Puente.Web.Features.Briefings;

/// <summary><c>/api/v1/briefings/{engagement|post|person|mechanism|issue}/{id or code}?lang=en|es&amp;format=html|pdf</c>: a
/// briefing of the records the caller may read, as an HTML document or a PDF (decision 0055).</summary>
public static class BriefingsApi
{
    public static IEndpointRouteBuilder MapBriefingsApi(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/briefings").WithTags("Briefings").MapGet("/{kind}/{id}", BriefingAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/html", "application/pdf");
        return api;
    }

    private static async Task<Results<ContentHttpResult, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> BriefingAsync(
        string kind, string id, string? lang, string? format, BriefingService briefings, BriefingPdf pdf, IWebHostEnvironment environment,
        HttpContext http, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var (k, culture, f, errors) = BriefingRequest.Parse(kind, lang, format, t);
        if (errors.Any)
        {
            return ApiResults.Invalid(errors.ToDictionary(), t);
        }

        if (id.Length > 200 || await briefings.FindAsync(k, id, ct) is not { } record)
        {
            return ApiResults.NotFound();
        }

        if (f == BriefingRequest.Pdf && !pdf.Configured)
        {
            return Unconfigured(t);
        }

        var briefing = await briefings.BuildAsync(k, record, culture, ct);
        var baseUrl = BriefingRequest.BaseUrl(http.Request);
        // The rest is written in the briefing's language (this handler's own flow only).
        System.Globalization.CultureInfo.CurrentCulture = culture;
        System.Globalization.CultureInfo.CurrentUICulture = culture;
        var tb = t;
        if (f == BriefingRequest.Html)
        {
            BriefingRequest.AddServerTiming(http.Response, started);
            return TypedResults.Content(BriefingHtml.Document(briefing, baseUrl, tb), "text/html; charset=utf-8");
        }

        var html = BriefingHtml.Document(briefing, baseUrl, tb, BriefingRequest.InlineCss(environment));
        BriefingRequest.AddServerTiming(http.Response, started, "build");
        var bytes = await pdf.RenderAsync(html, BriefingHtml.PdfHeader(briefing, tb), BriefingHtml.PdfFooter(briefing, tb), ct);
        BriefingRequest.AddServerTiming(http.Response, started);
        return TypedResults.File(bytes, "application/pdf", BriefingRequest.FileName(briefing));
    }

    /// <summary>503 saying what to set: no browser is configured to print PDFs.</summary>
    internal static ProblemHttpResult Unconfigured(IStringLocalizer t) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: t["PDF briefings are not available on this server."],
        detail: t["No browser is configured to print them: an administrator sets {0} to the path of a Chromium executable (for example /usr/bin/chromium). The HTML briefing is available.", "Puente:Briefings:ChromiumPath"]);
}
