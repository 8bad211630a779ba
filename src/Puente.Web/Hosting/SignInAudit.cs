using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Puente.Core.Audit;
using Puente.Data.Identity;

namespace Puente.Web.Hosting;

/// <summary>
/// Identity's sign-in manager with every password sign-in written to the audit trail (success, failure, lockout).
/// The UI's cookie sign-in and the API's token sign-in both go through it. Every attempt costs one password-hash
/// verification, whether the name is unknown, the account locked or the password wrong, so that the time of the answer
/// does not tell which (a known account's failure also updates its failure count: a write of a few milliseconds, against
/// a hash of about a hundred); unknown names are recorded by length and digest, not as typed; and an account that must change its password gets no bearer token (<see cref="SignInResult.NotAllowed"/>).
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
    // A hash of a password no one knows, verified against the attempt when there is no account's hash to verify.
    private static string? s_placeholderHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            SpendHashWork(password);
            // Not the name itself: people type passwords into the name field, and the trail keeps everything for good.
            // Its length and a short digest still show repeated attempts on one name.
            var attempted = UnknownName(userName);
            db.RecordAccountEvent(AuditAction.SignInFailed, attempted, null, attempted, after: "{\"reason\":\"unknown user\"}");
            await db.SaveChangesAsync();
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    /// <summary>How the trail names a sign-in attempt for an account that does not exist.</summary>
    public static string UnknownName(string userName) =>
        $"unknown name ({userName.Length} characters, #{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userName)))[..8]})";

    public override async Task<SignInResult> PasswordSignInAsync(PuenteUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.IsLockedOutAsync(user))
        {
            // Identity answers a locked account before it hashes anything; hash anyway, as for any other attempt.
            SpendHashWork(password);
        }

        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        var (action, reason) = result switch
        {
            { Succeeded: true } => (AuditAction.SignIn, AuthenticationScheme == IdentityConstants.BearerScheme ? "token" : "cookie"),
            { IsLockedOut: true } => (AuditAction.LockedOut, "locked out"),
            { IsNotAllowed: true } => (AuditAction.SignInFailed, "must change password"),
            _ => (AuditAction.SignInFailed, "wrong password"),
        };
        db.RecordAccountEvent(action, user.UserName!, user.Id, user.UserName!, after: $"{{\"detail\":\"{reason}\"}}");
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>Reached only after the right password.</summary>
    protected override async Task<SignInResult> SignInOrTwoFactorAsync(PuenteUser user, bool isPersistent, string? loginProvider = null, bool bypassTwoFactor = false)
    {
        // A password someone else generated or chose is not for the API: the token waits until the user has replaced it
        // in the UI, where this sign-in goes on and the must-change gate leads to the change page.
        if (user.MustChangePassword && AuthenticationScheme == IdentityConstants.BearerScheme)
        {
            return SignInResult.NotAllowed;
        }

        return await base.SignInOrTwoFactorAsync(user, isPersistent, loginProvider, bypassTwoFactor);
    }

    private void SpendHashWork(string password)
    {
        var hash = s_placeholderHash ??= UserManager.PasswordHasher.HashPassword(new PuenteUser(), Guid.NewGuid().ToString("N") + "Aa1");
        _ = UserManager.PasswordHasher.VerifyHashedPassword(new PuenteUser(), hash, password);
    }
}
