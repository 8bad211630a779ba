namespace Puente.Core.Catalog;

/// <summary>Country codes used by actors and mechanism participants (two letters; INTL and MULTI are not countries).</summary>
public static class Countries
{
    /// <summary>Countries an actor may belong to.</summary>
    public static IReadOnlyList<string> ActorCountries { get; } = ["MX", "US", "CA", "GT", "HN", "SV", "INTL"];

    /// <summary>Parties a mechanism may have (MULTI: a wider multilateral membership).</summary>
    public static IReadOnlyList<string> Participants { get; } = ["MX", "US", "CA", "GT", "HN", "SV", "MULTI"];

    /// <summary>Parses a comma- or space-separated participant list; returns null when any entry is unknown.</summary>
    public static IReadOnlyList<string>? ParseParticipants(string? text)
    {
        var parts = (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.ToUpperInvariant()).Distinct().ToList();
        return parts.All(Participants.Contains) ? parts : null;
    }
}
