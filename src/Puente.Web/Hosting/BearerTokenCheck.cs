using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
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

        // An unreadable token is the handler's to refuse; only a readable one has an account to compare.
        var token = header[prefix.Length..].Trim();
        var ticket = context.Options.BearerTokenProtector.Unprotect(token);
        if (ticket?.Principal is not { } principal)
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
            return;
        }

        // The handler would now decrypt the same token a second time. When it would read exactly this token (its own
        // prefix, case-sensitive, nothing trimmed), finish here with its checks, so that a request decrypts its token once.
        if (header.StartsWith(prefix, StringComparison.Ordinal) && token.Length == header.Length - prefix.Length)
        {
            Accept(context, ticket);
        }
    }

    /// <summary>What the bearer handler does with a token it could read: no expiry or a past one fails, else success.</summary>
    private static void Accept(MessageReceivedContext context, AuthenticationTicket ticket)
    {
        if (ticket.Properties.ExpiresUtc is not { } expires)
        {
            context.Fail("Unprotected token failed");
        }
        else if ((context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow() >= expires)
        {
            context.Fail("Token expired");
        }
        else
        {
            context.Principal = ticket.Principal;
            context.Properties = ticket.Properties;
            context.Success();
        }
    }
}
