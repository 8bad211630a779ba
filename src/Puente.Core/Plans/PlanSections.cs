using System.Globalization;

namespace Puente.Core.Plans;

/// <summary>How a plan's sections are ordered: the white paper's first, in its order, then numbers by value, then the rest by text.</summary>
public sealed class PlanSections : IComparer<string?>
{
    /// <summary>The longest section label (the column holds 12 characters).</summary>
    public const int MaxLength = 12;

    /// <summary>The white paper's sections, in its order.</summary>
    public static IReadOnlyList<string> Paper { get; } = ["I", "II", "III", "IV", "V", "VI", "VII", "Conclusion"];

    public static PlanSections Order { get; } = new();

    /// <summary>Empty or null sections sort last.</summary>
    public int Compare(string? x, string? y)
    {
        if (string.Equals(x, y, StringComparison.Ordinal))
        {
            return 0;
        }

        if (string.IsNullOrEmpty(x) && string.IsNullOrEmpty(y))
        {
            return 0;
        }

        if (string.IsNullOrEmpty(x) || string.IsNullOrEmpty(y))
        {
            return string.IsNullOrEmpty(x) ? 1 : -1;
        }

        var (px, py) = (Rank(x), Rank(y));
        if (px != py)
        {
            return px.CompareTo(py);
        }

        var numeric = int.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var nx)
            & int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var ny);
        return numeric && nx != ny ? nx.CompareTo(ny) : string.CompareOrdinal(x, y);
    }

    private static int Rank(string section)
    {
        for (var i = 0; i < Paper.Count; i++)
        {
            if (Paper[i] == section)
            {
                return i;
            }
        }

        return Paper.Count;
    }
}
