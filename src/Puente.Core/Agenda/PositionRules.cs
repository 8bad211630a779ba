using Puente.Core.Access;
using Puente.Core.Text;

namespace Puente.Core.Agenda;

/// <summary>
/// Whose position a writer may record (docs/decisions/0039-issue-positions.md): a user of Mexico or of the United States
/// writes only their own side's position, new or existing; binational (Joint) users write none; the local operator
/// (the CLI, the seed) names the side. An administrator is held to their side like anyone: administration is about
/// accounts, not about speaking for the other government.
/// </summary>
public static class PositionRules
{
    /// <summary>
    /// The side of the position <paramref name="viewer"/> writes, given the side asked for (<paramref name="askedText"/>,
    /// may be empty: the writer's own) and the stored position's side (<paramref name="existing"/>, null when new);
    /// null with a problem keyed <c>side</c> when the writer may not.
    /// </summary>
    public static Side? SideFor(Viewer viewer, string? askedText, Side? existing, ICollection<(string Field, Problem Problem)> problems)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(problems);
        Side? asked = null;
        if (!string.IsNullOrWhiteSpace(askedText))
        {
            if (!EnumText.TryParse<Side>(askedText, out var parsed))
            {
                problems.Add(("side", AgendaProblems.UnknownSide.With(Echo(askedText))));
                return null;
            }

            if (parsed == Side.Joint)
            {
                problems.Add(("side", AgendaProblems.JointSide.With()));
                return null;
            }

            asked = parsed;
        }

        if (viewer.IsSystem)
        {
            var side = asked ?? existing;
            if (side is null)
            {
                problems.Add(("side", AgendaProblems.SideRequired.With()));
            }

            return side;
        }

        if (viewer.Side is not (Side.MX or Side.US))
        {
            problems.Add(("side", AgendaProblems.NoSideOfTheirOwn.With()));
            return null;
        }

        var own = viewer.Side.Value;
        var other = existing is { } stored && stored != own ? stored : asked is { } wanted && wanted != own ? wanted : (Side?)null;
        if (other is { } foreign)
        {
            problems.Add(("side", AgendaProblems.OtherSide.With(own.ToString(), foreign.ToString())));
            return null;
        }

        return own;
    }

    /// <summary>A position is filed by its side: its owning side (whose users read it when Internal) is the position's side.</summary>
    public static Problem? OwnerSideProblem(Side positionSide, Side ownerSide) =>
        positionSide == ownerSide ? null : AgendaProblems.FiledByOtherSide.With(positionSide.ToString());

    private static string Echo(string value) => value.Length <= 20 ? value.Trim() : string.Concat(value.AsSpan(0, 20), "…");
}
