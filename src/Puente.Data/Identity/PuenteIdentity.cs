using Microsoft.AspNetCore.Identity;

namespace Puente.Data.Identity;

/// <summary>Password and lockout policy shared by the web host and the CLI.</summary>
public static class PuenteIdentity
{
    public const string SideClaim = "puente:side";
    public const string GroupClaim = "puente:group";
    public const string MustChangePasswordClaim = "puente:must-change-password";
    public const string DisplayNameClaim = "puente:display-name";

    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
        options.SignIn.RequireConfirmedAccount = false;
        options.ClaimsIdentity.UserIdClaimType = System.Security.Claims.ClaimTypes.NameIdentifier;
    }
}
