namespace Puente.Core.Catalog;

/// <summary>Rules for the stable codes that identify catalog records.</summary>
public static class CatalogCode
{
    public const int MaxLength = 40;

    /// <summary>True for 1–40 characters of upper-case ASCII letters, digits, '-' and '.'.</summary>
    public static bool IsValid(string? code) =>
        code is { Length: > 0 and <= MaxLength } && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '-' or '.');

    /// <summary>Upper-cases and trims a user's input.</summary>
    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();
}
