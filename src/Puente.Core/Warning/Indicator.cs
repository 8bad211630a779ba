using Puente.Core.Memory;
using Puente.Core.Records;

namespace Puente.Core.Warning;

/// <summary>How often an indicator has a value; a period is named by its first day.</summary>
public enum IndicatorFrequency
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// <summary>
/// A time series the early warning watches: imported (a CSV, the CBP encounter workbooks, the API) or derived from
/// Puente's own modules (<see cref="Derivation"/> names which; only the derivation writes its values). The names are
/// what it measures in each language; <see cref="Detectors"/> holds its detector settings (empty: the defaults).
/// Values are its parts (<see cref="IndicatorValue"/>), so they take its access: an alert from an Internal indicator is
/// Internal.
/// </summary>
public sealed class Indicator : BilingualRecord
{
    public const int UnitMaxLength = 40;
    public const int SourceMaxLength = 500;
    public const int UrlMaxLength = 500;
    public const int DetectorsMaxLength = 500;
    public const int DerivationMaxLength = 60;

    /// <summary>The most values one indicator holds (about 27 years of days; 1,000 years of months).</summary>
    public const int MaxValues = 10_000;

    public string Unit { get; set; } = "";

    public IndicatorFrequency Frequency { get; set; } = IndicatorFrequency.Month;

    /// <summary>Which movement is a concern.</summary>
    public Concern Concern { get; set; } = Concern.Up;

    /// <summary>Where the values come from, in each language.</summary>
    public string SourceEn { get; set; } = "";
    public string SourceEs { get; set; } = "";
    public string? SourceUrl { get; set; }

    /// <summary>The post that answers for the indicator, if any.</summary>
    public Guid? OwnerPostId { get; set; }
    public Post? OwnerPost { get; set; }

    /// <summary>The agenda issue its alerts are about ("MIGRATION"), if any.</summary>
    public string? IssueCode { get; set; }

    /// <summary>Detector settings, e.g. <c>ewma lambda=0.3 k=3; threshold level=100000</c>; empty: the defaults.</summary>
    public string Detectors { get; set; } = "";

    /// <summary>The module computation that writes the values (e.g. <c>events.count</c>); null when imported.</summary>
    public string? Derivation { get; set; }

    /// <summary>The latest period with a value (state kept for lists).</summary>
    [RecordState]
    public DateOnly? LatestPeriod { get; set; }

    public List<IndicatorValue> Values { get; set; } = [];

    public override string Label => Code;
}

/// <summary>
/// An indicator's value for one period (one per period). A revision replaces <see cref="Value"/> and keeps the value as
/// first recorded with its date; each revision is also in the audit trail.
/// </summary>
public sealed class IndicatorValue : RecordPart
{
    public Indicator? Indicator { get; set; }

    /// <summary>The first day of the period.</summary>
    public DateOnly Period { get; set; }

    public double Value { get; set; }

    /// <summary>When the current value was recorded.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    public double FirstValue { get; set; }

    public DateTimeOffset FirstRecordedAt { get; set; }

    /// <summary>How many times the value was revised after it was first recorded.</summary>
    public int Revisions { get; set; }

    public override string Label => Code;
}
