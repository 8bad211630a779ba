using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Catalog;
using Puente.Core.Localization;
using Puente.Core.Warning;
using Puente.Web.Features.Posts;

namespace Puente.Web.Features.Indicators;

/// <summary>
/// One value of an indicator: its period (the first day, and as people write it: <c>2024-05</c>, <c>2024-Q2</c>), the
/// value and when it was recorded, and the value as first recorded with its date (the same unless revised).
/// </summary>
public sealed record IndicatorValueDto(DateOnly Period, string Label, double Value, DateTimeOffset RecordedAt, double FirstValue, DateTimeOffset FirstRecordedAt,
    int Revisions)
{
    public bool Revised => Revisions > 0;

    internal static IndicatorValueDto From(IndicatorValue v, IndicatorFrequency frequency) =>
        new(v.Period, IndicatorPeriods.Format(frequency, v.Period), v.Value, v.RecordedAt, v.FirstValue, v.FirstRecordedAt, v.Revisions);
}

/// <summary>
/// An indicator as the API returns it: the common record fields; its unit, frequency, the movement that is a concern,
/// its source (in the request's language and both originals), owner post, agenda issue and detector settings; whether it
/// is derived from Puente's own data (<see cref="Derivation"/> names the computation); its latest period and value; and,
/// for one indicator, its values oldest first (<see cref="Values"/>; null in lists).
/// </summary>
public sealed record IndicatorDto : RecordDto, IRecordDto<Indicator, IndicatorDto>
{
    internal IndicatorDto(Indicator i, CultureInfo culture, double? latestValue, IReadOnlyList<IndicatorValueDto>? values)
        : base(i, culture)
    {
        Unit = i.Unit;
        Frequency = i.Frequency.ToString();
        Concern = i.Concern.ToString();
        Source = Bilingual.Pick(i.SourceEn, i.SourceEs, culture);
        SourceEn = i.SourceEn;
        SourceEs = i.SourceEs;
        SourceUrl = i.SourceUrl;
        OwnerPost = i.OwnerPost is { } post ? PostService.PostOf(post, culture) : null;
        Issue = i.IssueCode;
        Detectors = i.Detectors;
        Derivation = i.Derivation;
        LatestPeriod = i.LatestPeriod;
        LatestPeriodLabel = i.LatestPeriod is { } p ? IndicatorPeriods.Format(i.Frequency, p) : null;
        LatestValue = latestValue;
        Values = values;
    }

    public string Unit { get; }
    public string Frequency { get; }
    public string Concern { get; }
    public string Source { get; }
    public string SourceEn { get; }
    public string SourceEs { get; }
    public string? SourceUrl { get; }

    /// <summary>The owner post, when the reader can read it.</summary>
    public PostRef? OwnerPost { get; }

    /// <summary>The agenda issue's code.</summary>
    public string? Issue { get; }

    /// <summary>Detector settings; empty: the defaults.</summary>
    public string Detectors { get; }

    /// <summary>The module computation that writes the values; null when they are imported.</summary>
    public string? Derivation { get; }

    public bool Derived => Derivation is not null;

    public DateOnly? LatestPeriod { get; }
    public string? LatestPeriodLabel { get; }
    public double? LatestValue { get; }

    /// <summary>Oldest first; on one indicator (within <c>from</c>/<c>to</c> when given), null in lists.</summary>
    public IReadOnlyList<IndicatorValueDto>? Values { get; }

    public static IndicatorDto From(Indicator record, CultureInfo culture) => new(record, culture, null, null);
}

/// <summary>
/// What a person enters to create or edit an indicator (form and API body): the common fields; <c>unit</c>;
/// <c>frequency</c> (Day, Week, Month, Quarter, Year); <c>concern</c> (Up, Down, Both); the source in each language and
/// its web address; the owner post and the agenda issue (codes); detector settings. Whether it is derived is never
/// entered: only its computation sets it.
/// </summary>
public sealed class IndicatorInput : RecordInput
{
    public string? Unit { get; set; }
    public string? Frequency { get; set; }
    public string? Concern { get; set; }
    public string? SourceEn { get; set; }
    public string? SourceEs { get; set; }
    public string? SourceUrl { get; set; }
    public string? OwnerPost { get; set; }
    public string? Issue { get; set; }
    public string? Detectors { get; set; }

    public static IndicatorInput From(Indicator i, IEnumerable<string> grants)
    {
        var input = new IndicatorInput
        {
            Unit = i.Unit, Frequency = i.Frequency.ToString(), Concern = i.Concern.ToString(), SourceEn = i.SourceEn, SourceEs = i.SourceEs,
            SourceUrl = i.SourceUrl, OwnerPost = i.OwnerPost?.Code, Issue = i.IssueCode, Detectors = i.Detectors,
        };
        input.CopyFrom(i, grants);
        return input;
    }
}

/// <summary>The body of <c>POST /api/v1/indicators/{code}/values</c>: <c>{"values":[{"period":"2024-05","value":123.0}]}</c>.</summary>
public sealed class IndicatorValuesInput
{
    public List<IndicatorValueInput>? Values { get; set; }
}

/// <summary>One value to record: the period as <c>YYYY-MM-DD</c>, <c>YYYY-MM</c> or <c>YYYY</c>, and the number.</summary>
public sealed class IndicatorValueInput
{
    public string? Period { get; set; }
    public double? Value { get; set; }
}

/// <summary>What recording values did: periods added, revised (a different value) and unchanged.</summary>
public sealed record IndicatorValuesResult(int Added, int Revised, int Unchanged);

/// <summary>One problem of a values request: the item (its index, from 0; null for the request as a whole), the field and why.</summary>
public sealed record ValueProblemDto(int? Index, string Field, string Message);

/// <summary>Filters of the indicator list: an agenda issue (its code) and the text search.</summary>
public sealed class IndicatorFilter : RecordFilter<Indicator>
{
    [FromQuery(Name = "issue")]
    public string? Issue { get; set; }

    protected override IQueryable<Indicator> Narrow(IQueryable<Indicator> records)
    {
        if (CodeOf(Issue) is { } issue)
        {
            // A value that is not a code matches nothing rather than everything.
            records = CatalogCode.IsValid(issue) ? records.Where(i => i.IssueCode == issue) : records.Where(i => false);
        }

        return records.OrderBy(i => i.Code);
    }
}
