namespace Puente.Core.Access;

/// <summary>The four roles. A user has exactly one.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Editor = nameof(Editor);
    public const string Analyst = nameof(Analyst);
    public const string Viewer = nameof(Viewer);

    /// <summary>Roles allowed to create and edit content records.</summary>
    public const string Editors = Administrator + "," + Editor;

    /// <summary>Roles allowed to export.</summary>
    public const string Exporters = Administrator + "," + Editor + "," + Analyst;

    public static IReadOnlyList<string> All { get; } = [Administrator, Editor, Analyst, Viewer];

    /// <summary>Returns the canonical spelling of <paramref name="name"/>, or null when it names no role.</summary>
    public static string? Normalize(string? name) =>
        All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
