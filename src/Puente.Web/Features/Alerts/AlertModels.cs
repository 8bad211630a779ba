using Microsoft.AspNetCore.Mvc;

namespace Puente.Web.Features.Alerts;

/// <summary>
/// The filters of the alert list, as the page and the API bind them: <c>status</c> (Open, Acknowledged, Resolved,
/// Dismissed; <c>current</c> for Open or Acknowledged, <c>closed</c> for Resolved or Dismissed), <c>severity</c> (Low,
/// Medium, High), <c>issue</c> (an agenda issue's code), <c>indicator</c> (an indicator's code or id), and the page.
/// </summary>
public sealed class AlertFilter
{
    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "severity")]
    public string? Severity { get; set; }

    [FromQuery(Name = "issue")]
    public string? Issue { get; set; }

    [FromQuery(Name = "indicator")]
    public string? Indicator { get; set; }

    /// <summary>1-based.</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; set; }

    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; set; }
}

/// <summary>What the alert list and its page show of the indicator.</summary>
public sealed record AlertIndicatorDto(Guid Id, string Code, string Name, string Unit, string Frequency);

/// <summary>An alert as lists show it: what fired, how severe, where it is in its lifecycle, and its latest numbers
/// (at <see cref="LastPeriod"/>), with a one-line summary in the request language.</summary>
public class AlertDto
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public AlertIndicatorDto Indicator { get; init; } = null!;

    /// <summary>ewma, cusum, seasonal or threshold.</summary>
    public string Detector { get; init; } = "";

    /// <summary>The detector as a principal reads it, in the request language.</summary>
    public string DetectorName { get; init; } = "";

    /// <summary>Low, Medium or High: the highest of the episode.</summary>
    public string Severity { get; init; } = "";

    /// <summary>Open, Acknowledged, Resolved or Dismissed.</summary>
    public string Status { get; init; } = "";

    /// <summary>Whether the indicator's latest value still signals.</summary>
    public bool Active { get; init; }

    public DateOnly FirstPeriod { get; init; }
    public DateOnly LastPeriod { get; init; }

    /// <summary>The latest period as people write it (2031-03, 2031-Q1, 2031).</summary>
    public string Period { get; init; } = "";

    public double Value { get; init; }
    public double Baseline { get; init; }
    public double Statistic { get; init; }
    public double Threshold { get; init; }

    /// <summary>The detector's reading in one line, in the request language.</summary>
    public string Summary { get; init; } = "";

    /// <summary>The agenda issue's code, if any and the reader may read the issue.</summary>
    public string? Issue { get; init; }

    public DateTimeOffset OpenedAt { get; init; }
    public string Confidentiality { get; init; } = "";
    public string OwnerSide { get; init; } = "";

    /// <summary>Send it back with a lifecycle step to refuse the step if the alert changed meanwhile (409).</summary>
    public int Version { get; init; }
}

/// <summary>One alert with everything it keeps: its numbers and points, its explanation (in the request language and in
/// both), its playbook when the reader may read it, and its lifecycle.</summary>
public sealed class AlertDetailDto : AlertDto
{
    /// <summary>The detector's parameters when it fired (<c>ewma lambda=0.3 k=3 warmup=12</c>).</summary>
    public string Settings { get; init; } = "";

    /// <summary>The periods that triggered it, oldest first.</summary>
    public IReadOnlyList<AlertPointDto> Points { get; init; } = [];

    /// <summary>The explanation in the request language: paragraphs separated by blank lines.</summary>
    public string Explanation { get; init; } = "";
    public string ExplanationEn { get; init; } = "";
    public string ExplanationEs { get; init; } = "";

    /// <summary>The agenda issue's name, if the reader may read it.</summary>
    public string? IssueName { get; init; }

    /// <summary>Null when the alert has none or the reader may not read it.</summary>
    public PlaybookSummaryDto? Playbook { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgedBy { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? ClosedBy { get; init; }

    /// <summary>Why it was dismissed (or resolved).</summary>
    public string? Reason { get; init; }

    /// <summary>Its lifecycle, oldest first: opened, acknowledged, resolved or dismissed.</summary>
    public IReadOnlyList<AlertStepDto> History { get; init; } = [];
}

/// <summary>A period that triggered an alert.</summary>
public sealed record AlertPointDto(DateOnly Period, double Value, double Baseline, double Statistic, string Severity);

/// <summary>A step of an alert's lifecycle: "opened", "acknowledged", "resolved" or "dismissed", when and by whom.</summary>
public sealed record AlertStepDto(string Step, DateTimeOffset At, string? By, string? Reason);

/// <summary>What to do: the playbook's title and when it applies, the mechanism or channel to open, the post that owns
/// it (when the reader may read them), and its steps, in the request language.</summary>
public sealed record PlaybookSummaryDto(Guid Id, string Code, string Title, string Description, string Channel, string? Mechanism, string? MechanismName,
    string? OwnerPost, string? OwnerPostName, IReadOnlyList<string> Steps);

/// <summary>A lifecycle step's body: a reason (required to dismiss; at most 2,000 characters) and, optionally, the
/// version the step is based on.</summary>
public sealed class AlertStepInput
{
    public string? Reason { get; set; }

    public int? Version { get; set; }
}

/// <summary>The lifecycle steps people take.</summary>
public enum AlertStep
{
    Acknowledge,
    Resolve,
    Dismiss,
}

/// <summary>What a lifecycle step did: done, refused for its input (field errors), or refused for the alert's state (a
/// message for a 409).</summary>
public sealed record AlertStepOutcome(FieldErrors Errors, string? Conflict)
{
    public bool Done => !Errors.Any && Conflict is null;
}

/// <summary>The lifecycle forms of one alert: the alert, the step and reason last posted, and why it was refused.</summary>
public sealed record StepFormsModel(AlertDetailDto Alert, string? Step, string? Reason, IReadOnlyDictionary<string, string[]>? Errors);
