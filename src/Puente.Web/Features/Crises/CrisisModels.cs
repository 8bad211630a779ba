using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Warning;

namespace Puente.Web.Features.Crises;

/// <summary>A marked crisis as the API returns it: its days (inclusive), its agenda issue, its name and description.</summary>
public sealed record CrisisDto : RecordDto, IRecordDto<MarkedCrisis, CrisisDto>
{
    private CrisisDto(MarkedCrisis c, CultureInfo culture)
        : base(c, culture)
    {
        Start = c.Start;
        End = c.End;
        Days = c.End.DayNumber - c.Start.DayNumber + 1;
        Issue = c.IssueCode;
    }

    public DateOnly Start { get; }

    /// <summary>The last day of the crisis (inclusive).</summary>
    public DateOnly End { get; }

    public int Days { get; }
    public string? Issue { get; }

    public static CrisisDto From(MarkedCrisis record, CultureInfo culture) => new(record, culture);
}

/// <summary>What a person enters to mark a crisis: its first and last day (YYYY-MM-DD), its agenda issue (code), names, description and access.</summary>
public sealed class CrisisInput : RecordInput
{
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Issue { get; set; }

    public static CrisisInput From(MarkedCrisis c, IEnumerable<string> grants)
    {
        var input = new CrisisInput
        {
            Start = c.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), End = c.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Issue = c.IssueCode,
        };
        input.CopyFrom(c, grants);
        return input;
    }
}

/// <summary>Filters of the crisis list: an agenda issue (code) and text; newest first.</summary>
public sealed class CrisisFilter : RecordFilter<MarkedCrisis>
{
    [FromQuery(Name = "issue")]
    public string? Issue { get; set; }

    protected override IQueryable<MarkedCrisis> Narrow(IQueryable<MarkedCrisis> records)
    {
        if (CodeOf(Issue) is { } issue)
        {
            records = Core.Catalog.CatalogCode.IsValid(issue) ? records.Where(c => c.IssueCode == issue) : records.Where(c => false);
        }

        return records.OrderByDescending(c => c.Start).ThenBy(c => c.Code);
    }
}
