using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Agenda;
using Puente.Core.Catalog;
using Puente.Core.Localization;
using Puente.Web.Features.Commitments;

namespace Puente.Web.Features.Agenda;

/// <summary>
/// One side's position as the API returns it: <c>summary</c> (the name) and <c>statement</c> (the description) in the
/// request's language, both originals as <c>nameEn</c>/<c>nameEs</c> and <c>descriptionEn</c>/<c>descriptionEs</c>, whose
/// position it is, the issue, and the day it was stated or last reviewed.
/// </summary>
public sealed record PositionDto : RecordDto, IRecordDto<IssuePosition, PositionDto>
{
    private PositionDto(IssuePosition p, CultureInfo culture)
        : base(p, culture)
    {
        Summary = Name;
        Statement = Description;
        Side = p.Side.ToString();
        StatedOn = p.StatedOn;
        Issue = p.AgendaIssue?.Code;
    }

    public string Summary { get; }
    public string Statement { get; }
    public string Side { get; }
    public DateOnly StatedOn { get; }

    /// <summary>The issue's code (null only if the reader cannot read the issue).</summary>
    public string? Issue { get; }

    public static PositionDto From(IssuePosition record, CultureInfo culture) => new(record, culture);
}

/// <summary>
/// What a person enters for a position: its summary and statement in each language (also accepted as
/// <c>nameEn</c>/<c>descriptionEn</c>…), the issue (code; from the route when posted under an issue), the side (empty:
/// the writer's own, the only one they may write), the day it was stated (empty: today) and its access (empty on a new
/// position: Internal to its side).
/// </summary>
public sealed class PositionInput : RecordInput
{
    [JsonPropertyName("summaryEn")]
    public string? SummaryEn { get => NameEn; set => NameEn = value; }

    [JsonPropertyName("summaryEs")]
    public string? SummaryEs { get => NameEs; set => NameEs = value; }

    [JsonPropertyName("statementEn")]
    public string? StatementEn { get => DescriptionEn; set => DescriptionEn = value; }

    [JsonPropertyName("statementEs")]
    public string? StatementEs { get => DescriptionEs; set => DescriptionEs = value; }

    public string? Issue { get; set; }
    public string? Side { get; set; }
    public string? StatedOn { get; set; }

    public static PositionInput From(IssuePosition p, IEnumerable<string> grants)
    {
        var input = new PositionInput
        {
            Issue = p.AgendaIssue?.Code, Side = p.Side.ToString(), StatedOn = p.StatedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        input.CopyFrom(p, grants);
        return input;
    }
}

/// <summary>Filters of the position list: an agenda issue (code), a side and text; newest first.</summary>
public sealed class PositionFilter : RecordFilter<IssuePosition>
{
    [FromQuery(Name = "issue")]
    public string? Issue { get; set; }

    [FromQuery(Name = "side")]
    public string? Side { get; set; }

    protected override IQueryable<IssuePosition> Narrow(IQueryable<IssuePosition> records)
    {
        if (CodeOf(Issue) is { } issue)
        {
            records = records.Where(p => p.AgendaIssue != null && p.AgendaIssue.Code == issue);
        }

        if (!string.IsNullOrWhiteSpace(Side))
        {
            records = Core.Text.EnumText.TryParse<Core.Access.Side>(Side, out var side) ? records.Where(p => p.Side == side) : records.Where(p => false);
        }

        return records.OrderByDescending(p => p.StatedOn).ThenBy(p => p.Code);
    }
}

/// <summary>A convergence assessment as entered: its date (YYYY-MM-DD, not in the future), level, note in each language and access.</summary>
public sealed class ConvergenceInput
{
    public string? Date { get; set; }

    /// <summary>Converge, Partly or Diverge.</summary>
    public string? Level { get; set; }

    public string? NoteEn { get; set; }
    public string? NoteEs { get; set; }

    /// <summary>Empty: Internal to the assessor's side.</summary>
    public string? Confidentiality { get; set; }

    public string? OwnerSide { get; set; }
    public List<string>? Grants { get; set; }
}

/// <summary>One dated convergence assessment; the note in the request's language and both originals.</summary>
public sealed record ConvergenceDto(Guid Id, string Code, DateOnly Date, string Level, string? Note, string? NoteEn, string? NoteEs,
    string Confidentiality, string OwnerSide, DateTimeOffset RecordedAt, string RecordedBy)
{
    public static ConvergenceDto From(ConvergenceAssessment a, CultureInfo culture) => new(a.Id, a.Code, a.Date, a.Level.ToString(),
        a.NoteEn is null && a.NoteEs is null ? null : Bilingual.Pick(a.NoteEn, a.NoteEs, culture), a.NoteEn, a.NoteEs,
        a.Confidentiality.ToString(), a.OwnerSide.ToString(), a.CreatedAt, a.CreatedBy);
}

/// <summary>A record an issue links to, in short.</summary>
public sealed record LinkRef(Guid Id, string Code, string Name);

/// <summary>The readable records of one kind an issue links to: how many there are, and the first of them.</summary>
public sealed record LinkList(int Count, IReadOnlyList<LinkRef> Items);

/// <summary>A mechanism that carries the issue.</summary>
public sealed record MechanismRef(Guid Id, string Code, string Name);

/// <summary>
/// <c>GET /api/v1/issues/{code}</c>: the issue's text, its owner post and who holds it today, its mechanisms (the
/// readable ones), each side's positions the reader may read (newest first), the convergence assessments (newest
/// first; <see cref="Convergence"/> is the latest), and its links to commitments, indicators, playbooks and marked crises
/// (readable ones: counts and the first <see cref="AgendaService.MaxLinks"/>).
/// </summary>
public sealed record IssueDetailsDto(Guid Id, string Code, string? Section, string Name, string NameEn, string NameEs,
    string Description, string DescriptionEn, string DescriptionEs, bool EarlyCrisisRisk, int Version,
    OwnerDto? Owner, IReadOnlyList<MechanismRef> Mechanisms, IReadOnlyList<PositionDto> Positions,
    ConvergenceDto? Convergence, IReadOnlyList<ConvergenceDto> ConvergenceHistory,
    LinkList Commitments, LinkList Indicators, LinkList Playbooks, LinkList Crises);

/// <summary>An issue in the agenda list: where it stands in the agenda, who owns it, how the sides converge, and counts.</summary>
public sealed record AgendaItem(AgendaIssue Issue, int Group, string? OwnerName, Convergence? Latest, DateOnly? LatestDate,
    int Positions, int Playbooks);

/// <summary><c>PUT /api/v1/issues/{code}/owner</c>: the post's code, or null for none; <c>version</c> holds the edit to the issue seen.</summary>
public sealed record OwnerInput(string? Post, int? Version);

/// <summary><c>PUT /api/v1/issues/{code}/mechanisms</c>: the mechanisms' codes (replacing the list); <c>version</c> as for the owner.</summary>
public sealed record MechanismsInput(List<string>? Mechanisms, int? Version);
