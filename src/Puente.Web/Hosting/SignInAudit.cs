using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Puente.Core.Audit;
using Puente.Data.Identity;

namespace Puente.Web.Hosting;

/// <summary>
/// Identity's sign-in manager with every password sign-in written to the audit trail (success, failure, lockout).
/// The UI's cookie sign-in and the API's token sign-in both go through it.
/// </summary>
public sealed class AuditingSignInManager(
    UserManager<PuenteUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PuenteUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PuenteUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PuenteUser> confirmation,
    PuenteDbContext db)
    : SignInManager<PuenteUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            var attempted = userName.Length > 64 ? userName[..64] : userName;
            db.RecordAccountEvent(AuditAction.SignInFailed, attempted, null, attempted, after: "{\"reason\":\"unknown user\"}");
            await db.SaveChangesAsync();
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> PasswordSignInAsync(PuenteUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        var (action, reason) = result switch
        {
            { Succeeded: true } => (AuditAction.SignIn, AuthenticationScheme == IdentityConstants.BearerScheme ? "token" : "cookie"),
            { IsLockedOut: true } => (AuditAction.LockedOut, "locked out"),
            { IsNotAllowed: true } => (AuditAction.SignInFailed, "not allowed"),
            _ => (AuditAction.SignInFailed, "wrong password"),
        };
        db.RecordAccountEvent(action, user.UserName!, user.Id, user.UserName!, after: $"{{\"detail\":\"{reason}\"}}");
        await db.SaveChangesAsync();
        return result;
    }
}
