namespace Puente.Core.Access;

/// <summary>
/// Who is reading. Every query over content records is filtered by the viewer of its unit of work.
/// </summary>
/// <param name="UserId">The user's id, or null for the anonymous and system viewers.</param>
/// <param name="UserName">For audit entries.</param>
/// <param name="Side">The user's side; null for anonymous and system.</param>
/// <param name="Principals">The grant names this viewer matches (its user principal and group principals).</param>
/// <param name="IsSystem">The local operator (CLI, start-up seeding): sees everything.</param>
/// <param name="IsAdministrator">Administrators see account and sign-in audit entries; not other sides' records.</param>
public sealed record Viewer(
    string? UserId,
    string UserName,
    Side? Side,
    IReadOnlyList<string> Principals,
    bool IsSystem,
    bool IsAdministrator)
{
    /// <summary>Not signed in: sees no content record at all.</summary>
    public static Viewer Anonymous { get; } = new(null, "anonymous", null, [], false, false);

    /// <summary>The local operator: start-up seeding, migrations and the CLI.</summary>
    public static Viewer System { get; } = new(null, "system", null, [], true, true);

    /// <summary>
    /// Reads exactly what every signed-in user reads (Shared records; no side, no grants). Figures computed for
    /// everyone, such as the derived early-warning indicators, are computed as it, so no count carries Internal material.
    /// </summary>
    public static Viewer SharedReader { get; } = new("shared-reader", "shared-reader", null, [], false, false);

    public bool IsSignedIn => IsSystem || UserId is not null;

    /// <summary>Builds a signed-in user's viewer from its id, side and groups.</summary>
    public static Viewer ForUser(string userId, string userName, Side side, IEnumerable<string> groups, bool isAdministrator) =>
        new(userId, userName, side,
            [Access.Principals.ForUser(userId), .. groups.Select(Access.Principals.ForGroup).Distinct()],
            false, isAdministrator);

    /// <summary>
    /// The access rule in memory. The database applies the same rule as a query filter
    /// (see PuenteDbContext); tests hold the two to each other.
    /// </summary>
    public bool CanRead(Confidentiality confidentiality, Side ownerSide, IEnumerable<string> grants) =>
        IsSystem || (IsSignedIn && confidentiality switch
        {
            Confidentiality.Shared => true,
            Confidentiality.Internal => Side == ownerSide,
            Confidentiality.Restricted => grants.Any(g => Principals.Contains(g, StringComparer.Ordinal)),
            _ => false,
        });
}
