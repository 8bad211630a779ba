using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Localization;
using Puente.Core.Warning;
using Puente.Web.Features.Commitments;
using Puente.Web.Features.Posts;

namespace Puente.Web.Features.Playbooks;

/// <summary>
/// A playbook as the API returns it. <c>name</c> is its title and <c>description</c> says when it applies (in the
/// request's language, both originals beside them); <see cref="Steps"/> are in the request's language, one string per
/// step (the other language's when this one has none). The owner's holder is given on one playbook (today), not in lists.
/// Related records the reader cannot read are null.
/// </summary>
public sealed record PlaybookDto : RecordDto, IRecordDto<Playbook, PlaybookDto>
{
    internal PlaybookDto(Playbook p, CultureInfo culture, HolderDto? holder)
        : base(p, culture)
    {
        Issue = p.IssueCode;
        Indicator = p.Indicator?.Code;
        IndicatorName = p.Indicator is { } i ? Bilingual.Pick(i.NameEn, i.NameEs, culture) : null;
        Mechanism = p.Mechanism?.Code;
        MechanismName = p.Mechanism is { } m ? Bilingual.Pick(m.NameEn, m.NameEs, culture) : null;
        Channel = Bilingual.Pick(p.ChannelEn, p.ChannelEs, culture);
        ChannelEn = p.ChannelEn;
        ChannelEs = p.ChannelEs;
        Owner = p.OwnerPost is { } post ? new OwnerDto(PostService.PostOf(post, culture), holder) : null;
        StepsEn = PlaybookSteps.Split(p.StepsEn);
        StepsEs = PlaybookSteps.Split(p.StepsEs);
        Steps = Bilingual.IsSpanish(culture) ? (StepsEs.Count > 0 ? StepsEs : StepsEn) : (StepsEn.Count > 0 ? StepsEn : StepsEs);
    }

    public string? Issue { get; }
    public string? Indicator { get; }
    public string? IndicatorName { get; }
    public string? Mechanism { get; }
    public string? MechanismName { get; }
    public string Channel { get; }
    public string ChannelEn { get; }
    public string ChannelEs { get; }
    public OwnerDto? Owner { get; }
    public IReadOnlyList<string> Steps { get; }
    public IReadOnlyList<string> StepsEn { get; }
    public IReadOnlyList<string> StepsEs { get; }

    public static PlaybookDto From(Playbook record, CultureInfo culture) => new(record, culture, null);
}

/// <summary>
/// What a person enters to create or edit a playbook: its title (<c>nameEn</c>, <c>nameEs</c>), when it applies
/// (<c>descriptionEn</c>, <c>descriptionEs</c>), what it answers (an agenda issue's code, an indicator's code, or
/// both), the mechanism (code) or channel (text) to activate, the owner post (code), the steps in each language (one
/// string per step) and its access.
/// </summary>
public sealed class PlaybookInput : RecordInput
{
    public string? Issue { get; set; }
    public string? Indicator { get; set; }
    public string? Mechanism { get; set; }
    public string? ChannelEn { get; set; }
    public string? ChannelEs { get; set; }
    public string? Owner { get; set; }
    public List<string>? StepsEn { get; set; }
    public List<string>? StepsEs { get; set; }

    public static PlaybookInput From(Playbook p, IEnumerable<string> grants)
    {
        var input = new PlaybookInput
        {
            Issue = p.IssueCode, Indicator = p.Indicator?.Code, Mechanism = p.Mechanism?.Code, ChannelEn = p.ChannelEn, ChannelEs = p.ChannelEs,
            Owner = p.OwnerPost?.Code, StepsEn = [.. PlaybookSteps.Split(p.StepsEn)], StepsEs = [.. PlaybookSteps.Split(p.StepsEs)],
        };
        input.CopyFrom(p, grants);
        return input;
    }
}

/// <summary>Filters of the playbook list: an agenda issue, an indicator, a mechanism or an owner post (codes), and text.</summary>
public sealed class PlaybookFilter : RecordFilter<Playbook>
{
    [FromQuery(Name = "issue")]
    public string? Issue { get; set; }

    [FromQuery(Name = "indicator")]
    public string? Indicator { get; set; }

    [FromQuery(Name = "mechanism")]
    public string? Mechanism { get; set; }

    [FromQuery(Name = "owner")]
    public string? Owner { get; set; }

    protected override IQueryable<Playbook> Narrow(IQueryable<Playbook> records)
    {
        // A code filter that is not a code matches nothing rather than everything. Related records are matched through
        // their navigations, which carry their own access filter: naming one the reader cannot read matches nothing.
        if (new[] { Issue, Indicator, Mechanism, Owner }.Any(v => CodeOf(v) is { } code && !Core.Catalog.CatalogCode.IsValid(code)))
        {
            return records.Where(p => false);
        }

        if (CodeOf(Issue) is { } issue)
        {
            records = records.Where(p => p.IssueCode == issue);
        }

        if (CodeOf(Indicator) is { } indicator)
        {
            records = records.Where(p => p.Indicator != null && p.Indicator.Code == indicator);
        }

        if (CodeOf(Mechanism) is { } mechanism)
        {
            records = records.Where(p => p.Mechanism != null && p.Mechanism.Code == mechanism);
        }

        if (CodeOf(Owner) is { } owner)
        {
            records = records.Where(p => p.OwnerPost != null && p.OwnerPost.Code == owner);
        }

        return records.OrderBy(p => p.IssueCode).ThenBy(p => p.Code);
    }
}
