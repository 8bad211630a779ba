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
/// signal persists. It takes its indicator's access. The explanation is written at read time, in the reader's language,
/// from the numbers kept here (<see cref="Points"/>: the periods that triggered it).
/// </summary>
public sealed class Alert : ContentRecord
{
    public const int DetectorMaxLength = 20;
    public const int SettingsMaxLength = 200;
    public const int PointsMaxLength = 8000;
    public const int ReasonMaxLength = 2000;
    public const int OpenKeyMaxLength = 64;

    public Guid IndicatorId { get; set; }
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

    /// <summary>Whether the latest value still signals.</summary>
    public bool Active { get; set; }

    /// <summary>The agenda issue (the indicator's).</summary>
    public string? IssueCode { get; set; }

    /// <summary>The playbook chosen when the alert opened (the indicator's, else the issue's).</summary>
    public Guid? PlaybookId { get; set; }
    public Playbook? Playbook { get; set; }

    [RecordState]
    public AlertStatus Status { get; set; }

    [RecordState]
    public DateTimeOffset StatusAt { get; set; }

    /// <summary>"{indicator id:N}/{detector}" while Open or Acknowledged, null after: the database holds one open alert
    /// per indicator and detector with a unique index on it.</summary>
    public string? OpenKey { get; set; }

    public List<AlertStep> Steps { get; set; } = [];

    public override string Label => Code;

    public static string OpenKeyOf(Guid indicatorId, string detector) => $"{indicatorId:N}/{detector}";
}

/// <summary>One step of an alert's lifecycle (who, when, to which status, why), shown in its history.</summary>
public sealed class AlertStep : RecordPart
{
    public Alert? Alert { get; set; }

    public int Sequence { get; set; }

    public AlertStatus Status { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The account that took the step ("system" when the detectors did).</summary>
    public string By { get; set; } = "";

    public string? Reason { get; set; }

    public override string Label => Code;
}
