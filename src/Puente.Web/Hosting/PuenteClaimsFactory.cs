using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Puente.Core.Access;
using Puente.Data.Identity;

namespace Puente.Web.Hosting;

/// <summary>Puts the user's side, groups and display name into the cookie and the bearer token.</summary>
public sealed class PuenteClaimsFactory(UserManager<PuenteUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PuenteUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PuenteUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PuenteIdentity.SideClaim, user.Side.ToString()));
        identity.AddClaim(new Claim(PuenteIdentity.DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(PuenteIdentity.MustChangePasswordClaim, user.MustChangePassword.ToString(CultureInfo.InvariantCulture)));
        foreach (var group in user.GroupList)
        {
            identity.AddClaim(new Claim(PuenteIdentity.GroupClaim, group));
        }

        return identity;
    }

    /// <summary>The viewer of a request's principal; anonymous when it is not a complete Puente identity.</summary>
    public static Viewer ToViewer(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Viewer.Anonymous;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = principal.FindFirstValue(ClaimTypes.Name);
        if (id is null || name is null || !Enum.TryParse<Side>(principal.FindFirstValue(PuenteIdentity.SideClaim), out var side))
        {
            return Viewer.Anonymous;
        }

        return Viewer.ForUser(id, name, side, principal.FindAll(PuenteIdentity.GroupClaim).Select(c => c.Value),
            principal.IsInRole(Roles.Administrator));
    }
}
