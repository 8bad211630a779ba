namespace Puente.Core.Agenda;

/// <summary>
/// The order the agenda is read in, as the white paper sets its priorities: first the issues that could become an early
/// crisis (section I: migration, USMCA labor enforcement, human rights, in the paper's order), then the global issues of
/// section VI the paper names (fentanyl, China, Venezuela, Cuba, Central America), then every other issue by section
/// (I … VII, then Conclusion, then none) and code. Issues people add later take their place by the same rule.
/// </summary>
public static class AgendaOrder
{
    /// <summary>The early-crisis issues in the paper's order; any other issue marked early-crisis follows them by code.</summary>
    public static IReadOnlyList<string> EarlyCrisisIssues { get; } = ["MIGRATION", "USMCA-LABOR", "HUMAN-RIGHTS"];

    /// <summary>Section VI's global issues that come second, in the paper's order.</summary>
    public static IReadOnlyList<string> GlobalIssues { get; } = ["SECURITY-FENTANYL", "CHINA-TECH", "VENEZUELA", "CUBA", "CENTRAL-AMERICA"];

    private static readonly string[] Sections = ["I", "II", "III", "IV", "V", "VI", "VII", "Conclusion"];

    /// <summary>0 for early-crisis issues, 1 for the named global issues, 2 for the rest.</summary>
    public static int Group(string code, bool earlyCrisisRisk) =>
        earlyCrisisRisk ? 0 : GlobalIssues.Contains(code, StringComparer.Ordinal) ? 1 : 2;

    /// <summary>Sorts issues in agenda order (stable for equal keys; the code breaks ties).</summary>
    public static List<T> Sort<T>(IEnumerable<T> issues, Func<T, string> code, Func<T, string?> section, Func<T, bool> earlyCrisisRisk) =>
    [
        .. issues.OrderBy(i => Group(code(i), earlyCrisisRisk(i)))
            .ThenBy(i => Position(code(i), section(i), earlyCrisisRisk(i)))
            .ThenBy(i => code(i), StringComparer.Ordinal),
    ];

    private static int Position(string code, string? section, bool earlyCrisisRisk)
    {
        var list = earlyCrisisRisk ? EarlyCrisisIssues : GlobalIssues;
        var index = IndexOf(list, code);
        if (Group(code, earlyCrisisRisk) < 2)
        {
            return index < 0 ? list.Count : index;
        }

        var sectionIndex = section is null ? -1 : Array.IndexOf(Sections, section);
        return sectionIndex < 0 ? Sections.Length : sectionIndex;
    }

    private static int IndexOf(IReadOnlyList<string> list, string code)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], code, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
