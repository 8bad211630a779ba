namespace Puente.Web.Features.Records;

public static class Search
{
    /// <summary>Escapes LIKE wildcards with '\'.</summary>
    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
