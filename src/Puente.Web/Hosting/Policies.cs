using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Puente.Core.Access;

namespace Puente.Web.Hosting;

/// <summary>
/// The authorization policies, in one place. Pages that write carry <c>[Authorize(Policy = Policies.Editors)]</c>;
/// every API route group carries its policy; a test fails when a writing handler is reachable without one.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in API caller (bearer token): the reading routes.</summary>
    public const string Api = "Api";

    /// <summary>Administrators and Editors: every handler that writes records.</summary>
    public const string Editors = "Editors";

    /// <summary>Administrators: accounts and the audit trail.</summary>
    public const string Administrators = "Administrators";

    /// <summary>Administrators, Editors and Analysts: exports of the lists (<see cref="Roles.Exporters"/>).</summary>
    public const string Exporters = "Exporters";

    /// <summary>The policies that allow writing (the coverage test accepts these on POST/PUT/DELETE).</summary>
    public static IReadOnlySet<string> Writing { get; } = new HashSet<string>([Editors, Administrators], StringComparer.Ordinal);

    /// <summary>The roles the <see cref="Editors"/> policy admits.</summary>
    public static IReadOnlyList<string> EditorRoles { get; } = [Roles.Administrator, Roles.Editor];

    /// <summary>Whether the user passes the <see cref="Editors"/> policy (to show or hide edit controls; the policy decides).</summary>
    public static bool AllowsWriting(ClaimsPrincipal user) => EditorRoles.Any(user.IsInRole);

    /// <summary>The roles the <see cref="Exporters"/> policy admits.</summary>
    public static IReadOnlyList<string> ExporterRoles { get; } = Roles.Exporters.Split(',');

    /// <summary>Whether the user passes the <see cref="Exporters"/> policy (to show or hide the export links; the policy decides).</summary>
    public static bool AllowsExporting(ClaimsPrincipal user) => ExporterRoles.Any(user.IsInRole);

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder) => builder
        .AddPolicy(Api, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
        .AddPolicy(Editors, p => p.RequireRole(EditorRoles))
        .AddPolicy(Administrators, p => p.RequireRole(Roles.Administrator))
        .AddPolicy(Exporters, p => p.RequireRole(ExporterRoles));
}
