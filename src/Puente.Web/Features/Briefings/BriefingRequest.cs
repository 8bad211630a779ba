using System.Diagnostics;
using System.Globalization;
using Puente.Core.Text;

namespace Puente.Web.Features.Briefings;

/// <summary>The briefing's parameters as the API and the page take them: kind, language and format, each checked and
/// named when wrong; and the documents made from a built briefing.</summary>
public static class BriefingRequest
{
    public const string Html = "html";
    public const string Pdf = "pdf";

    /// <summary>The kind, the culture of the language (the request's when none is given) and the format, or the problems by parameter.</summary>
    public static (BriefingKind Kind, CultureInfo Culture, string Format, FieldErrors Errors) Parse(string kind, string? lang, string? format, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var errors = new FieldErrors();
        if (!EnumText.TryParse<BriefingKind>(kind, out var k))
        {
            errors.Add("kind", t["A briefing is on an engagement, post, person, mechanism or issue; '{0}' is none of them.", Bounded(kind)]);
        }

        var culture = CultureInfo.CurrentUICulture;
        if (!string.IsNullOrWhiteSpace(lang))
        {
            switch (lang.Trim().ToLowerInvariant())
            {
                case "en": culture = CultureInfo.GetCultureInfo(PuenteCultures.English); break;
                case "es": culture = CultureInfo.GetCultureInfo(PuenteCultures.Spanish); break;
                default: errors.Add("lang", t["The language is en or es; '{0}' is neither.", Bounded(lang)]); break;
            }
        }

        var f = string.IsNullOrWhiteSpace(format) ? Html : format.Trim().ToLowerInvariant();
        if (f is not (Html or Pdf))
        {
            errors.Add("format", t["The format is html or pdf; '{0}' is neither.", Bounded(format!)]);
        }

        return (k, culture, f, errors);
    }

    private static string Bounded(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>The stylesheet the PDF's page carries inline (it has no network).</summary>
    public static string InlineCss(IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (_css is null)
        {
            var file = environment.WebRootFileProvider.GetFileInfo("css/briefing.css");
            using var stream = file.Exists ? file.CreateReadStream() : Stream.Null;
            using var reader = new StreamReader(stream);
            _css = reader.ReadToEnd().Replace("</", "<\\/", StringComparison.Ordinal);
        }

        return _css;
    }

    private static string? _css;

    /// <summary>Server time of a briefing for the <c>Server-Timing</c> header (the benchmark reads it).</summary>
    public static void AddServerTiming(HttpResponse response, long startTimestamp, string name = "briefing")
    {
        ArgumentNullException.ThrowIfNull(response);
        var ms = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        response.Headers.Append("Server-Timing", $"{name};dur={ms.ToString("0.0", CultureInfo.InvariantCulture)}");
    }

    /// <summary>The address the briefing's links start with (scheme, host and path base of the request).</summary>
    public static string BaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    /// <summary>A file name for a briefing's PDF: the kind, the code and the language.</summary>
    public static string FileName(Briefing b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var code = new string([.. b.SubjectCode.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')]);
        return $"briefing-{b.Kind.ToString().ToLowerInvariant()}-{code}-{b.Language}.pdf";
    }
}
