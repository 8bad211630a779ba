using Puente.Core.Records;

namespace Puente.Core.Catalog;

/// <summary>A head of state's term: data, so Puente outlives any one government.</summary>
public sealed class Administration : ContentRecord
{
    public string Country { get; set; } = "";
    public string HeadOfStateEn { get; set; } = "";
    public string HeadOfStateEs { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string TitleEs { get; set; } = "";
    public string? Party { get; set; }
    public DateOnly TermStart { get; set; }

    /// <summary>Last day of the term, inclusive; null when open-ended. Terms do not overlap: a U.S. inauguration day
    /// (20 January, the change is at noon) is counted as the incoming term's first day.</summary>
    public DateOnly? TermEnd { get; set; }

    /// <summary>The end is the constitutional schedule, not yet a fact.</summary>
    public bool TermEndScheduled { get; set; }

    public override string Label => Code;

    /// <summary>True when <paramref name="date"/> falls in [TermStart, TermEnd], both inclusive.</summary>
    public bool IsInOffice(DateOnly date) => date >= TermStart && (TermEnd is null || date <= TermEnd);
}
