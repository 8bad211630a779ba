using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Core.Records;

namespace Puente.Core.Agenda;

/// <summary>How close the two sides' positions on an agenda issue are.</summary>
public enum Convergence
{
    Converge,
    Partly,
    Diverge,
}

/// <summary>
/// One side's position on an agenda issue: the names summarise it, the descriptions state it, in each language. A
/// side's position is Internal to it unless it chooses otherwise (a stated public position).
/// </summary>
public sealed class IssuePosition : BilingualRecord
{
    public Guid AgendaIssueId { get; set; }
    public AgendaIssue? AgendaIssue { get; set; }

    /// <summary>Whose position it is (MX or US).</summary>
    public Side Side { get; set; }

    /// <summary>The day it was stated or last reviewed.</summary>
    public DateOnly StatedOn { get; set; }

    public override string Label => Code;
}

/// <summary>A dated assessment of how far the sides converge on an agenda issue; their sequence is its history.</summary>
public sealed class ConvergenceAssessment : ContentRecord
{
    public const int NoteMaxLength = 2000;

    public Guid AgendaIssueId { get; set; }
    public AgendaIssue? AgendaIssue { get; set; }

    public DateOnly Date { get; set; }

    public Convergence Level { get; set; }

    public string? NoteEn { get; set; }
    public string? NoteEs { get; set; }

    public override string Label => Code;
}
