using System.Text;
using Puente.Core.Agenda;
using Puente.Core.Catalog;
using Puente.Core.Commitments;
using Puente.Core.Memory;
using Puente.Core.Records;
using Puente.Core.Warning;
using UglyToad.PdfPig;

namespace Puente.Data.Search;

/// <summary>What of each searchable record is searched: its title and text in each language.</summary>
public sealed record SearchDocument(string Type, string TitleEn, string TitleEs, string BodyEn, string BodyEs, Guid? ParentId = null);

/// <summary>The searchable record types, their API names, and what of each is indexed (docs/decisions/0049-search.md).</summary>
public static class SearchDocuments
{
    public const string Actor = "actor";
    public const string Person = "person";
    public const string Post = "post";
    public const string Mechanism = "mechanism";
    public const string Engagement = "engagement";
    public const string Attachment = "attachment";
    public const string Commitment = "commitment";
    public const string Recommendation = "recommendation";
    public const string Issue = "issue";
    public const string Position = "position";
    public const string Alert = "alert";

    /// <summary>Every type name, in the order the results page lists them.</summary>
    public static IReadOnlyList<string> Types { get; } =
        [Engagement, Attachment, Commitment, Person, Post, Actor, Mechanism, Issue, Position, Recommendation, Alert];

    /// <summary>The API name of a record's type, or null when it is not searched.</summary>
    public static string? TypeOf(ContentRecord record) => record switch
    {
        Core.Catalog.Actor _ => Actor,
        Core.Memory.Person _ => Person,
        Core.Memory.Post _ => Post,
        Core.Catalog.Mechanism _ => Mechanism,
        Core.Memory.Engagement _ => Engagement,
        EngagementAttachment _ => Attachment,
        Core.Commitments.Commitment _ => Commitment,
        Core.Catalog.Recommendation _ => Recommendation,
        AgendaIssue _ => Issue,
        IssuePosition _ => Position,
        Core.Warning.Alert _ => Alert,
        _ => null,
    };

    /// <summary>
    /// The document of a record. An attachment's text comes from its content (<paramref name="attachmentBytes"/>; null:
    /// not at hand, keep what is indexed); an alert's title from its indicator (<paramref name="indicator"/>).
    /// </summary>
    public static SearchDocument? Of(ContentRecord record, byte[]? attachmentBytes = null, Indicator? indicator = null) => record switch
    {
        Engagement e => new(Engagement, e.NameEn, e.NameEs,
            Join(e.DescriptionEn, e.OutcomesEn, e.Place, e.CertaintyNote), Join(e.DescriptionEs, e.OutcomesEs, e.CertaintyNoteEs)),
        EngagementAttachment a => new(Attachment, a.FileName, a.FileName,
            attachmentBytes is null ? "" : AttachmentText(a.Type, attachmentBytes), "", a.ParentId),
        Commitment c => new(Commitment, c.NameEn, c.NameEs, Join(c.DescriptionEn, c.Instrument, c.Team), Join(c.DescriptionEs)),
        Recommendation r => new(Recommendation, Title(r.Code, r.TextEn), Title(r.Code, r.TextEs), r.TextEn, r.TextEs),
        IssuePosition p => new(Position, p.NameEn, p.NameEs, p.DescriptionEn, p.DescriptionEs, p.AgendaIssueId),
        AgendaIssue i => new(Issue, i.NameEn, i.NameEs, Join(i.Code, i.DescriptionEn), Join(i.Code, i.DescriptionEs)),
        Alert a => new(Alert, Join(indicator?.NameEn, a.Detector), Join(indicator?.NameEs, a.Detector),
            Join(a.IssueCode, a.Severity.ToString(), a.Status.ToString(), a.Reason), Join(a.Reason), a.ParentId),
        Person p => new(Person, p.NameEn, p.NameEs, Join(p.Honorific, p.DescriptionEn), Join(p.DescriptionEs)),
        Post p => new(Post, p.NameEn, p.NameEs, Join(p.Country, p.DescriptionEn), p.DescriptionEs),
        Actor a => new(Actor, a.NameEn, a.NameEs, Join(a.Code, a.City, a.Region, a.DescriptionEn), Join(a.DescriptionEs)),
        Mechanism m => new(Mechanism, m.NameEn, m.NameEs, Join(m.Code, m.DescriptionEn), m.DescriptionEs),
        _ => null,
    };

    /// <summary>Text of an attachment: plain text as UTF-8, a PDF's words page by page; other kinds (and damaged files)
    /// have none, and are still found by their file name.</summary>
    public static string AttachmentText(AttachmentType type, byte[] data)
    {
        try
        {
            if (type == AttachmentType.Text)
            {
                return Bound(Encoding.UTF8.GetString(data));
            }

            if (type == AttachmentType.Pdf || data.AsSpan().StartsWith("%PDF"u8))
            {
                var text = new StringBuilder();
                using var pdf = PdfDocument.Open(data);
                foreach (var page in pdf.GetPages())
                {
                    foreach (var word in page.GetWords())
                    {
                        text.Append(word.Text).Append(' ');
                    }

                    text.Append('\n');
                    if (text.Length >= SearchEntry.BodyMaxLength)
                    {
                        break;
                    }
                }

                return Bound(text.ToString());
            }
        }
#pragma warning disable CA1031 // A file that cannot be read is indexed without its text, never a failed save.
        catch (Exception)
#pragma warning restore CA1031
        {
            return "";
        }

        return "";
    }

    /// <summary>At most <see cref="SearchEntry.BodyMaxLength"/> characters.</summary>
    public static string Bound(string text) => text.Length <= SearchEntry.BodyMaxLength ? text : text[..SearchEntry.BodyMaxLength];

    private static string Title(string code, string text)
    {
        var first = text.Length > 160 ? text[..160].TrimEnd() + "…" : text;
        return $"{code} {first}".Trim();
    }

    private static string Join(params string?[] parts) => Bound(string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p))));
}
