using Puente.Core.Access;
using Puente.Core.Agenda;
using Puente.Core.Text;
using Puente.Core.Warning;

namespace Puente.Core.Tests;

public sealed class AgendaRuleTests
{
    private static readonly Viewer Mx = Viewer.ForUser("u1", "ana", Side.MX, [], isAdministrator: false);
    private static readonly Viewer Us = Viewer.ForUser("u2", "bob", Side.US, [], isAdministrator: false);
    private static readonly Viewer Joint = Viewer.ForUser("u3", "eva", Side.Joint, ["water"], isAdministrator: false);
    private static readonly Viewer MxAdmin = Viewer.ForUser("u4", "root", Side.MX, [], isAdministrator: true);

    private static (Side? Side, string? Problem) SideFor(Viewer viewer, string? asked, Side? existing)
    {
        var problems = new List<(string Field, Problem Problem)>();
        var side = PositionRules.SideFor(viewer, asked, existing, problems);
        Assert.All(problems, p => Assert.Equal("side", p.Field));
        return (side, problems.Count == 0 ? null : problems[0].Problem.Code);
    }

    public static TheoryData<string, string?, Side?, Side?, string?> Writers => new()
    {
        // writer, side asked, stored position's side → side written, or the problem
        { "mx", null, null, Side.MX, null },
        { "mx", "mx", null, Side.MX, null },
        { "mx", "US", null, null, "agenda.otherSide" },
        { "mx", null, Side.US, null, "agenda.otherSide" },
        { "mx", "MX", Side.US, null, "agenda.otherSide" },
        { "us", null, Side.US, Side.US, null },
        { "us", "Joint", null, null, "agenda.jointSide" },
        { "us", "Mexico", null, null, "agenda.unknownSide" },
        { "joint", null, null, null, "agenda.noSideOfTheirOwn" },
        { "joint", "MX", null, null, "agenda.noSideOfTheirOwn" },
        { "admin", "US", null, null, "agenda.otherSide" },
        { "admin", null, null, Side.MX, null },
        { "system", "US", null, Side.US, null },
        { "system", null, Side.MX, Side.MX, null },
        { "system", null, null, null, "agenda.sideRequired" },
    };

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_writer_records_only_their_own_sides_position(string writer, string? asked, Side? existing, Side? expected, string? problem)
    {
        var viewer = writer switch { "mx" => Mx, "us" => Us, "joint" => Joint, "admin" => MxAdmin, _ => Viewer.System };
        Assert.Equal((expected, problem), SideFor(viewer, asked, existing));
    }

    [Fact]
    public void A_position_is_filed_by_its_side()
    {
        Assert.Null(PositionRules.OwnerSideProblem(Side.MX, Side.MX));
        Assert.Equal("agenda.filedByOtherSide", PositionRules.OwnerSideProblem(Side.MX, Side.US)?.Code);
    }

    [Fact]
    public void The_agenda_puts_early_crisis_issues_first_then_section_VIs_global_issues_then_the_rest_by_section()
    {
        (string Code, string? Section, bool Early)[] issues =
        [
            ("WATER", "VII", false), ("CUBA", "VI", false), ("ENERGY-TELECOM", "VI", false), ("HUMAN-RIGHTS", "I", true), ("CLIMATE", "IV", false),
            ("SECURITY-FENTANYL", "VI", false), ("MIGRATION", "I", true), ("CORRUPTION", "I", false), ("NEW-CRISIS", "II", true), ("USMCA-LABOR", "I", true),
            ("CENTRAL-AMERICA", "VI", false), ("VENEZUELA", "VI", false), ("CHINA-TECH", "VI", false), ("UNFILED", null, false), ("SUMMARY", "Conclusion", false),
        ];
        var sorted = AgendaOrder.Sort(issues, i => i.Code, i => i.Section, i => i.Early).Select(i => i.Code);
        Assert.Equal(
        [
            "MIGRATION", "USMCA-LABOR", "HUMAN-RIGHTS", "NEW-CRISIS",
            "SECURITY-FENTANYL", "CHINA-TECH", "VENEZUELA", "CUBA", "CENTRAL-AMERICA",
            "CORRUPTION", "CLIMATE", "ENERGY-TELECOM", "WATER", "SUMMARY", "UNFILED",
        ], sorted);
    }

    private static readonly DateTimeOffset Noon = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2025-01-01", "2025-01-31", null, null)]
    [InlineData("2025-03-10", "2025-03-10", null, null)]
    [InlineData("2025-03-11", "2025-03-11", null, null)] // already the 11th east of UTC+12
    [InlineData("2025-03-12", "2025-03-12", "start", "crises.inFuture")]
    [InlineData("2025-02-01", "2025-01-31", "end", "crises.endBeforeStart")]
    [InlineData("2025-02-01", "2199-01-01", "end", "crises.inFuture")]
    [InlineData("", "2025-01-31", "start", "crises.dateRequired")]
    [InlineData("2025-01-01", "31/01/2025", "end", "crises.notADate")]
    [InlineData("1899-12-31", "2025-01-31", "start", "crises.notADate")]
    public void A_crisis_runs_from_its_start_to_its_end_both_already_come(string start, string end, string? field, string? problem)
    {
        var problems = new List<(string Field, Problem Problem)>();
        var (first, last) = CrisisRules.Check(start, end, Noon, problems);
        Assert.Equal((field, problem), problems.Count == 0 ? ((string?)null, (string?)null) : (problems[0].Field, problems[0].Problem.Code));
        if (problems.Count == 0)
        {
            Assert.True(first <= last);
        }
    }

    [Fact]
    public void Steps_are_lines_without_blanks()
    {
        Assert.Equal(["Brief the minister.", "Request a session."], PlaybookSteps.Split("  Brief the minister.\r\n\n Request a session. \n"));
        Assert.Empty(PlaybookSteps.Split(null));
        Assert.Equal("a\nb", PlaybookSteps.Join(["a", "b"]));
    }
}
