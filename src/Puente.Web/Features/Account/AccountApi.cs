using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Puente.Data.Identity;
using Puente.Web.Api;

namespace Puente.Web.Features.Account;

/// <summary>The API refresh request.</summary>
public sealed record RefreshRequest(string? RefreshToken);

/// <summary>The API login's request.</summary>
public sealed record LoginRequest(string? UserName, string? Password);

/// <summary>
/// <c>/api/v1/auth</c>: bearer tokens for API clients. Both answer <c>{tokenType, accessToken, expiresIn (seconds),
/// refreshToken}</c>, written by the bearer token handler. The only API routes open to anonymous callers.
/// </summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Sign-in").AllowAnonymous();
        group.MapPost("/login", LoginAsync).WithName("Login").Produces<AccessTokenResponse>();
        group.MapPost("/refresh", RefreshAsync).WithName("Refresh").Produces<AccessTokenResponse>();
        return api;
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> LoginAsync([FromBody] LoginRequest request,
        SignInManager<PuenteUser> signIn, IStringLocalizer<SharedResource> t)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request.UserName))
            {
                errors["userName"] = [t["Required."]];
            }

            if (string.IsNullOrEmpty(request.Password))
            {
                errors["password"] = [t["Required."]];
            }

            return ApiResults.Invalid(errors, t);
        }

        // The bearer handler writes {tokenType, accessToken, expiresIn, refreshToken} itself.
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.Empty;
        }

        // NotAllowed comes only after the right password (AuditingSignInManager): saying so then tells nothing new.
        if (result.IsNotAllowed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Change your password in the web interface first."]);
        }

        // One answer for an unknown name, a wrong password and a locked account, so that it does not tell which names exist.
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: t["Wrong user name or password, or the account is locked (for a while after repeated failed sign-ins, or by an administrator)."]);
    }

    /// <summary>Exchanges a refresh token for a new access token, if the account is still valid (unchanged security stamp).</summary>
    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync([FromBody] RefreshRequest request, SignInManager<PuenteUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
    {
        var protector = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { MustChangePassword: false } user)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
