using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Puente.Data.Identity;

namespace Puente.Web.Hosting;

/// <summary>
/// Holds a bearer token to its account: a token whose security stamp is no longer the account's (its role, side,
/// groups, lock state or password changed since it was issued) is refused with 401, at the latest
/// <see cref="SecurityStampCache.MaxAge"/> after the change. See docs/decisions/0014-tokens-follow-their-account.md.
/// </summary>
public static class BearerTokenCheck
{
    /// <summary>The bearer handler's first event: fails the authentication of a token whose account changed.</summary>
    public static async Task OnMessageReceivedAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // An unreadable or expired token is the handler's to refuse; only a readable one has an account to compare.
        var principal = context.Options.BearerTokenProtector.Unprotect(header[prefix.Length..].Trim())?.Principal;
        if (principal is null)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal.FindFirstValue(stampClaim);
        if (userId is null || stamp is null)
        {
            context.Fail("The token names no account.");
            return;
        }

        var cache = services.GetRequiredService<SecurityStampCache>();
        if (!cache.TryGet(userId, stamp, out var current))
        {
            current = await services.GetRequiredService<SignInManager<PuenteUser>>().ValidateSecurityStampAsync(principal) is not null;
            cache.Set(userId, stamp, current);
        }

        if (!current)
        {
            context.Fail("The account changed since this token was issued; sign in again.");
        }
    }
}
