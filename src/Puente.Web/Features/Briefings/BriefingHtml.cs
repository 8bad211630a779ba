using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Puente.Core.Access;

namespace Puente.Web.Features.Briefings;

/// <summary>
/// Writes a briefing as HTML: the same body for the page, the API's document and the PDF. Every text is encoded; every
/// item shows its own marking and a link to its record (id and URL); the briefing's marking heads it and, printed,
/// every page (a fixed header repeats on each printed page; the PDF has Chromium's header template instead).
/// </summary>
public static class BriefingHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string E(string? text) => Encoder.Encode(text ?? "");

    /// <summary>"Shared", "Internal · MX", "Restricted": an item's marking.</summary>
    public static string MarkOf(Confidentiality level, Side side, IStringLocalizer t) => level switch
    {
        Confidentiality.Internal => $"{t["Internal"]} · {side}",
        Confidentiality.Restricted => t["Restricted"],
        _ => t["Shared"],
    };

    /// <summary>The briefing's marking: its highest level, and the Internal material it holds when that is not the highest.</summary>
    public static string MarkingOf(Briefing b, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(b);
        var sides = string.Join(", ", b.InternalSides);
        return b.Marking switch
        {
            Confidentiality.Internal => t["Internal to side {0}", sides],
            Confidentiality.Restricted when b.IncludesInternal => t["Restricted; includes material Internal to side {0}", sides],
            Confidentiality.Restricted => t["Restricted"],
            _ => t["Shared"],
        };
    }

    /// <summary>The line printed at the top of every page.</summary>
    public static string HeaderLine(Briefing b, IStringLocalizer t) => t["Puente briefing · {0} · Marking: {1}", b.Title, MarkingOf(b, t)];

    /// <summary>The briefing as an article: marking, title, when and for whom, the sections.</summary>
    public static string Body(Briefing b, string baseUrl, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(b);
        var s = new StringBuilder(16_384);
        var level = b.Marking.ToString().ToLowerInvariant();
        s.Append(CultureInfo.InvariantCulture, $"<article class=\"briefing\" lang=\"{b.Language}\" data-marking=\"{b.Marking}\" id=\"briefing\">");
        s.Append(CultureInfo.InvariantCulture, $"<div class=\"briefing-print-mark mark-{level}\" aria-hidden=\"true\">{E(HeaderLine(b, t))}</div>");
        s.Append(CultureInfo.InvariantCulture, $"<p class=\"briefing-marking mark-{level}\" id=\"briefing-marking\">{E(t["Marking"])}: <strong>{E(MarkingOf(b, t))}</strong></p>");
        s.Append(CultureInfo.InvariantCulture, $"<h1 class=\"briefing-title\">{E(t["Briefing: {0}", b.Title])}</h1>");
        var subjectPath = BriefingService.PathOf(SubjectType(b.Kind), b.SubjectId, b.SubjectCode);
        s.Append(CultureInfo.InvariantCulture, $"<p class=\"briefing-meta\">{E(t["Briefing.Kind." + b.Kind])} · <a href=\"{E(baseUrl + subjectPath)}\">{E(b.SubjectCode)}</a> · {E(b.SubjectId.ToString())}<br />");
        s.Append(E(t["Prepared for {0} on {1} from the records they may read; period {2} to {3}. Every statement links to its record.",
            b.GeneratedBy, b.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), Iso(b.PeriodFrom), Iso(b.AsOf)]));
        s.Append("</p>");
        foreach (var section in b.Sections)
        {
            s.Append(CultureInfo.InvariantCulture, $"<section class=\"briefing-section\" id=\"section-{section.Key}\"><h2>{E(section.Title)}</h2>");
            if (section.Items.Count == 0)
            {
                s.Append(CultureInfo.InvariantCulture, $"<p class=\"briefing-empty\">{E(section.Empty)}</p>");
            }
            else
            {
                s.Append("<ul>");
                foreach (var item in section.Items)
                {
                    var mark = item.Confidentiality.ToString().ToLowerInvariant();
                    var href = baseUrl + item.Source.Path;
                    s.Append(CultureInfo.InvariantCulture, $"<li class=\"item-{mark}\"><span class=\"item-mark mark-{mark}\">[{E(MarkOf(item.Confidentiality, item.OwnerSide, t))}]</span> {E(item.Text)}");
                    if (item.Detail is { } detail)
                    {
                        s.Append(CultureInfo.InvariantCulture, $"<span class=\"item-detail\">{E(Shorten(detail, 600))}</span>");
                    }

                    s.Append(CultureInfo.InvariantCulture, $" <a class=\"item-source\" href=\"{E(href)}\">{E(item.Source.Code)}</a>");
                    s.Append(CultureInfo.InvariantCulture, $"<span class=\"item-ref\">{E(item.Source.Id?.ToString() ?? "")} {E(href)}</span></li>");
                }

                s.Append("</ul>");
            }

            s.Append("</section>");
        }

        s.Append("</article>");
        return s.ToString();
    }

    /// <summary>A whole document: the API's HTML (stylesheet linked) or the PDF's (stylesheet inlined: the page has no network).</summary>
    public static string Document(Briefing b, string baseUrl, IStringLocalizer t, string? inlineCss = null)
    {
        ArgumentNullException.ThrowIfNull(b);
        var style = inlineCss is null ? $"<link rel=\"stylesheet\" href=\"{E(baseUrl)}/css/briefing.css\" />" : $"<style>{inlineCss}</style>";
        var body = inlineCss is null ? "briefing-document" : "briefing-document briefing-pdf";
        return $"<!DOCTYPE html><html lang=\"{b.Language}\"><head><meta charset=\"utf-8\" /><title>{E(t["Briefing: {0}", b.Title])}</title>{style}</head>"
            + $"<body class=\"{body}\">{Body(b, baseUrl, t)}</body></html>";
    }

    /// <summary>Chromium's header template: the marking on every page.</summary>
    public static string PdfHeader(Briefing b, IStringLocalizer t) =>
        $"<div style=\"font-size:8pt;width:100%;text-align:center;font-family:sans-serif;color:#7a1f1f;\">{E(HeaderLine(b, t))}</div>";

    /// <summary>Chromium's footer template: the marking again, and the page number.</summary>
    public static string PdfFooter(Briefing b, IStringLocalizer t) =>
        $"<div style=\"font-size:8pt;width:100%;text-align:center;font-family:sans-serif;\">{E(MarkingOf(b, t))} · {E(t["Page"])} <span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>";

    internal static string SubjectType(BriefingKind kind) => kind switch
    {
        BriefingKind.Issue => "AgendaIssue",
        _ => kind.ToString(),
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
