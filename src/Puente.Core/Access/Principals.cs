namespace Puente.Core.Access;

/// <summary>
/// The names that a Restricted record's grants use: <c>user:&lt;user id&gt;</c> or <c>group:&lt;group name&gt;</c>.
/// Group names are case-insensitive and stored lower-case.
/// </summary>
public static class Principals
{
    public const string UserPrefix = "user:";
    public const string GroupPrefix = "group:";

    public static string ForUser(string userId) => UserPrefix + userId;

    public static string ForGroup(string group) => GroupPrefix + NormalizeGroup(group);

    public static string NormalizeGroup(string group) => group.Trim().ToLowerInvariant();

    /// <summary>True when <paramref name="group"/> is a usable group name: 1–64 letters, digits, '-', '_' or '.'.</summary>
    public static bool IsValidGroup(string group)
    {
        var g = group.Trim();
        return g.Length is > 0 and <= 64 && g.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
    }
}
