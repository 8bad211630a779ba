using Puente.Core.Catalog;
using Puente.Core.Memory;
using Puente.Core.Records;

namespace Puente.Core.Warning;

/// <summary>
/// What to do when an indicator or an agenda issue signals: the mechanism or channel to activate, the post that owns
/// it, and the steps, in both languages. The names are its title; the descriptions say when it applies.
/// </summary>
public sealed class Playbook : BilingualRecord
{
    public const int ChannelMaxLength = 500;
    public const int StepsMaxLength = 4000;

    /// <summary>The agenda issue it answers, if any.</summary>
    public string? IssueCode { get; set; }

    /// <summary>The indicator it answers, if any (it then comes before the issue's playbook).</summary>
    public Guid? IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }

    /// <summary>The mechanism to activate, if any.</summary>
    public Guid? MechanismId { get; set; }
    public Mechanism? Mechanism { get; set; }

    /// <summary>The channel to open when it is not a mechanism (a call between posts, a note verbale…).</summary>
    public string ChannelEn { get; set; } = "";
    public string ChannelEs { get; set; } = "";

    public Guid OwnerPostId { get; set; }
    public Post? OwnerPost { get; set; }

    /// <summary>The steps, one per line.</summary>
    public string StepsEn { get; set; } = "";
    public string StepsEs { get; set; } = "";

    public override string Label => Code;
}

/// <summary>
/// A crisis a user marks (its dates, issue and description), against which backtests measure the detectors' lead time,
/// precision and recall.
/// </summary>
public sealed class MarkedCrisis : BilingualRecord
{
    public DateOnly Start { get; set; }

    public DateOnly End { get; set; }

    public string? IssueCode { get; set; }

    public override string Label => Code;
}
