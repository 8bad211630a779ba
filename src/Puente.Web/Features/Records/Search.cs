namespace Puente.Web.Features.Records;

/// <summary>Text search in lists: a case-insensitive LIKE pattern with the user's wildcards escaped ('\').</summary>
public static class Search
{
    /// <summary>Escapes LIKE wildcards with '\'.</summary>
    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>"%text%", lower-cased and escaped, for <c>EF.Functions.Like(column.ToLower(), pattern, "\\")</c>.</summary>
    public static string LikePattern(string text) => "%" + EscapeLike(text.Trim().ToLowerInvariant()) + "%";
}
