using Puente.Core.Text;

namespace Puente.Core.Agenda;

/// <summary>Every problem the agenda rules report (<see cref="PositionRules"/>). The web layer translates each code (EN/ES).</summary>
public static class AgendaProblems
{
    public static readonly ProblemKind UnknownSide = new("agenda.unknownSide", "'{0}' is not a side; a position is MX's or US's");
    public static readonly ProblemKind JointSide = new("agenda.jointSide", "a position is one government's: MX or US, not Joint");
    public static readonly ProblemKind SideRequired = new("agenda.sideRequired", "say whose position it is: MX or US");
    public static readonly ProblemKind NoSideOfTheirOwn = new("agenda.noSideOfTheirOwn",
        "only staff of Mexico or of the United States write their government's position; binational (Joint) staff write none");
    public static readonly ProblemKind OtherSide = new("agenda.otherSide", "you can only write your own side's position ({0}); this one is {1}'s");
    public static readonly ProblemKind FiledByOtherSide = new("agenda.filedByOtherSide", "a position of {0} is filed by {0}: its owning side must be {0}");
}
