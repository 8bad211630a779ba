namespace Puente.Events.Measures;

/// <summary>
/// A pair of CAMEO country codes: <c>USA-MEX</c> (either direction, each event once) or <c>USA&gt;MEX</c>
/// (Actor1 USA, Actor2 MEX).
/// </summary>
public sealed record Dyad(string First, string Second, bool Directed)
{
    public static bool TryParse(string? text, out Dyad dyad)
    {
        dyad = null!;
        var t = (text ?? "").Trim().ToUpperInvariant();
        var directed = t.Contains('>', StringComparison.Ordinal);
        var parts = t.Split(directed ? '>' : '-');
        if (parts.Length != 2 || !parts.All(p => p.Length == 3 && p.All(char.IsAsciiLetterUpper)))
        {
            return false;
        }

        dyad = new Dyad(parts[0], parts[1], directed);
        return true;
    }

    public override string ToString() => Directed ? $"{First}>{Second}" : $"{First}-{Second}";
}

/// <summary>How events are grouped in time, by their SQLDATE.</summary>
public enum Period
{
    Day,
    Week,
    Month,
    Year,
}
