using Puente.Core.Records;

namespace Puente.Core.Warning;

/// <summary>Where an alert is in its lifecycle: Open → Acknowledged → Resolved, or Dismissed (a false alarm).</summary>
public enum AlertStatus
{
    Open,
    Acknowledged,
    Resolved,
    Dismissed,
}

/// <summary>
/// What a detector found in an indicator: one alert per episode (consecutive periods that signal), updated while the
/// signal persists. A part of its indicator (<see cref="RecordPart.ParentId"/>), so it is read exactly by who reads the
/// indicator: an alert from an Internal indicator is Internal. The explanation is written at read time, in the reader's
/// language, from the numbers kept here (<see cref="Points"/>: the periods that triggered it). Its lifecycle is linear
/// (Open → Acknowledged → Resolved, or Dismissed with a reason), so each step is a pair of columns; every step is
/// also in the audit trail.
/// </summary>
public sealed class Alert : RecordPart
{
    public const int DetectorMaxLength = 20;
    public const int SettingsMaxLength = 200;
    public const int PointsMaxLength = 8000;
    public const int ReasonMaxLength = 2000;
    public const int OpenKeyMaxLength = 64;

    public Indicator? Indicator { get; set; }

    /// <summary>The detector's name (threshold, ewma, cusum, seasonal).</summary>
    public string Detector { get; set; } = "";

    /// <summary>The detector's parameters when it fired, as written in the indicator's settings.</summary>
    public string Settings { get; set; } = "";

    /// <summary>The first and latest periods of the episode.</summary>
    public DateOnly FirstPeriod { get; set; }
    public DateOnly LastPeriod { get; set; }

    /// <summary>At the latest signalling period: the value, its baseline, the detector's statistic and threshold.</summary>
    public double Value { get; set; }
    public double Baseline { get; set; }
    public double Statistic { get; set; }
    public double Threshold { get; set; }

    /// <summary>The highest severity in the episode.</summary>
    public Severity Severity { get; set; }

    /// <summary>The signalling points as JSON (<c>[{"period","value","baseline","statistic","severity"}]</c>), latest last, bounded.</summary>
    public string Points { get; set; } = "[]";

    /// <summary>Whether the indicator's latest value still signals.</summary>
    public bool Active { get; set; }

    /// <summary>The agenda issue (the indicator's).</summary>
    public string? IssueCode { get; set; }

    /// <summary>The playbook chosen when the alert opened (the indicator's, else the issue's).</summary>
    public Guid? PlaybookId { get; set; }
    public Playbook? Playbook { get; set; }

    [RecordState]
    public AlertStatus Status { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    [RecordState]
    public DateTimeOffset? AcknowledgedAt { get; set; }

    [RecordState]
    public string? AcknowledgedBy { get; set; }

    /// <summary>When and by whom it was resolved or dismissed.</summary>
    [RecordState]
    public DateTimeOffset? ClosedAt { get; set; }

    [RecordState]
    public string? ClosedBy { get; set; }

    /// <summary>Why it was dismissed (required) or resolved (optional), as the person wrote it.</summary>
    [RecordState]
    public string? Reason { get; set; }

    /// <summary>"{indicator id:N}/{detector}" while Open or Acknowledged, null after: the database holds one open alert
    /// per indicator and detector with a unique index on it.</summary>
    [RecordState]
    public string? OpenKey { get; set; }

    public override string Label => Code;

    public static string OpenKeyOf(Guid indicatorId, string detector) => $"{indicatorId:N}/{detector}";
}
