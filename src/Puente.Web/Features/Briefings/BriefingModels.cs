using Puente.Core.Access;

namespace Puente.Web.Features.Briefings;

/// <summary>What a briefing is about.</summary>
public enum BriefingKind
{
    Engagement,
    Post,
    Person,
    Mechanism,
    Issue,
}

/// <summary>The record a statement comes from: its type, id, code and the path of its page.</summary>
public sealed record BriefingSource(string Type, Guid? Id, string Code, string Path);

/// <summary>
/// One statement of a briefing: text written by a template from a record's fields (never invented), the record it
/// comes from, and that record's marking (for a figure computed from several records, the highest among them).
/// </summary>
public sealed record BriefingItem(string Text, BriefingSource Source, Confidentiality Confidentiality, Side OwnerSide, string? Detail = null);

/// <summary>A section: a stable key (the HTML id and the test's anchor), its heading in the briefing's language, its
/// items, and what it says when it has none.</summary>
public sealed record BriefingSection(string Key, string Title, IReadOnlyList<BriefingItem> Items, string Empty);

/// <summary>
/// A briefing as built for one reader: every item readable by them. <see cref="Marking"/> is the highest
/// confidentiality of its items; <see cref="InternalSides"/> the sides whose Internal material it holds.
/// </summary>
public sealed record Briefing(
    BriefingKind Kind,
    Guid SubjectId,
    string SubjectCode,
    string Title,
    string Language,
    DateOnly AsOf,
    DateOnly PeriodFrom,
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    IReadOnlyList<BriefingSection> Sections)
{
    public Confidentiality Marking => Sections.SelectMany(s => s.Items).Select(i => i.Confidentiality).DefaultIfEmpty(Confidentiality.Shared).Max();

    public IReadOnlyList<Side> InternalSides => [.. Sections.SelectMany(s => s.Items).Where(i => i.Confidentiality == Confidentiality.Internal)
        .Select(i => i.OwnerSide).Distinct().Order()];

    public bool IncludesInternal => InternalSides.Count > 0;
}
