using Microsoft.AspNetCore.Identity;

namespace Puente.Web.Hosting;

/// <summary>Identity's password and user-name errors in the request's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> t) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = t["Passwords must be at least {0} characters.", length] };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = t["Passwords must have at least one digit."] };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = t["Passwords must have at least one lower-case letter."] };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = t["Passwords must have at least one upper-case letter."] };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = t["Passwords must use at least {0} different characters.", uniqueChars] };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = t["The current password is wrong."] };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = t["The user name '{0}' is already taken.", userName] };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = t["The user name '{0}' may only contain letters, digits and - . _ @.", userName ?? ""] };
}
