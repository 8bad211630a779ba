using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Audit;

namespace Puente.Data.Identity;

/// <summary>What an administrator gives to create an account.</summary>
public sealed record NewAccount(string UserName, string Role, Side Side, string Password, string? DisplayName = null,
    IReadOnlyList<string>? Groups = null, bool MustChangePassword = false, IReadOnlyList<string>? Posts = null, string? Email = null);

/// <summary>The outcome of an account operation: success, or errors keyed by the field they concern.</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyDictionary<string, string[]> Errors, PuenteUser? User = null)
{
    public static AccountResult Failure(string field, params string[] messages) => new(false, new Dictionary<string, string[]> { [field] = messages });
}

/// <summary>An account as the administrator's list shows it.</summary>
public sealed record AccountSummary(string Id, string UserName, string DisplayName, string Role, Side Side, string Groups, bool Locked,
    bool MustChangePassword);

/// <summary>
/// Creates and changes accounts, auditing each change. Used by the admin UI and by <c>puente users</c>. Every change
/// of role, side, groups or lock state rotates the account's security stamp, which ends its sessions and bearer tokens
/// (docs/decisions/0014-tokens-follow-their-account.md).
/// </summary>
public sealed class AccountService(UserManager<PuenteUser> users, RoleManager<IdentityRole> roles, PuenteDbContext db, TimeProvider time)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {Describe(result)}");
                }
            }
        }
    }

    public async Task<string> GetRoleAsync(PuenteUser user) =>
        (await users.GetRolesAsync(user)).Select(Roles.Normalize).FirstOrDefault(r => r is not null) ?? Roles.Viewer;

    /// <summary>Every account, by user name, with its role and whether it is locked now.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roleOf = (await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
            .GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => Roles.Normalize(r.Name)).FirstOrDefault(r => r is not null) ?? Roles.Viewer);
        return [.. all.Select(u => new AccountSummary(u.Id, u.UserName!, u.DisplayName, roleOf.GetValueOrDefault(u.Id, Roles.Viewer), u.Side,
            u.Groups, u.LockoutEnd > now, u.MustChangePassword))];
    }

    /// <summary>Gives the account named <paramref name="userName"/> another role, keeping everything else (audited as RoleChanged).</summary>
    public async Task<AccountResult> SetRoleAsync(string userName, string role, Viewer actor, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return AccountResult.Failure("userName", $"No user named '{userName}'.");
        }

        return await UpdateAsync(user.Id, role, user.Side, user.GroupList, user.DisplayName, IsLockedByAdministrator(user), actor, cancellationToken: cancellationToken);
    }

    /// <summary>Locks the account named <paramref name="userName"/> until it is unlocked, or unlocks it (audited as UserUpdated).</summary>
    public async Task<AccountResult> SetLockedAsync(string userName, bool locked, Viewer actor, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return AccountResult.Failure("userName", $"No user named '{userName}'.");
        }

        return await UpdateAsync(user.Id, await GetRoleAsync(user), user.Side, user.GroupList, user.DisplayName, locked, actor, cancellationToken: cancellationToken);
    }

    /// <summary>Creates an account with its role in one transaction, with a UserCreated audit entry.</summary>
    public async Task<AccountResult> CreateAsync(NewAccount account, Viewer actor, CancellationToken cancellationToken = default)
    {
        var role = Roles.Normalize(account.Role);
        if (role is null)
        {
            return AccountResult.Failure("role", $"Unknown role '{account.Role}'. Use one of: {string.Join(", ", Roles.All)}.");
        }

        var groups = (account.Groups ?? []).Select(Principals.NormalizeGroup).Where(g => g.Length > 0).Distinct().ToList();
        var badGroup = groups.FirstOrDefault(g => !Principals.IsValidGroup(g));
        if (badGroup is not null)
        {
            return AccountResult.Failure("groups", $"Invalid group name '{badGroup}'.");
        }

        var (posts, badPost) = await PostCodesAsync(account.Posts, cancellationToken);
        if (badPost is not null)
        {
            return AccountResult.Failure("posts", $"Unknown post '{badPost}'.");
        }

        if (!TryEmail(account.Email, out var email))
        {
            return AccountResult.Failure("email", $"'{account.Email}' is not one e-mail address.");
        }

        if (string.IsNullOrWhiteSpace(account.UserName) || account.UserName.Length > 64)
        {
            return AccountResult.Failure("userName", "The user name is required and at most 64 characters.");
        }

        var user = new PuenteUser
        {
            UserName = account.UserName.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(account.DisplayName) ? account.UserName.Trim() : account.DisplayName.Trim(),
            Side = account.Side,
            Groups = string.Join(',', groups),
            Posts = string.Join(',', posts),
            Email = email,
            NormalizedEmail = email?.ToUpperInvariant(),
            MustChangePassword = account.MustChangePassword,
            LockoutEnabled = true,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
        {
            return new AccountResult(false, ToErrors(created));
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            return new AccountResult(false, ToErrors(added));
        }

        db.RecordAccountEvent(AuditAction.UserCreated, actor.UserName, actor.UserId, user.UserName,
            after: Describe(user, role, locked: false));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AccountResult(true, new Dictionary<string, string[]>(), user);
    }

    /// <summary>Changes role, side, groups, display name, lock state and (when given) the linked posts; a role change is
    /// audited as RoleChanged.</summary>
    public async Task<AccountResult> UpdateAsync(string userId, string role, Side side, IReadOnlyList<string> groups, string displayName,
        bool locked, Viewer actor, IReadOnlyList<string>? posts = null, string? email = null, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Failure("id", "No such user.");
        }

        var newRole = Roles.Normalize(role);
        if (newRole is null)
        {
            return AccountResult.Failure("role", $"Unknown role '{role}'. Use one of: {string.Join(", ", Roles.All)}.");
        }

        var normalizedGroups = groups.Select(Principals.NormalizeGroup).Where(g => g.Length > 0).Distinct().ToList();
        var badGroup = normalizedGroups.FirstOrDefault(g => !Principals.IsValidGroup(g));
        if (badGroup is not null)
        {
            return AccountResult.Failure("groups", $"Invalid group name '{badGroup}'.");
        }

        var (postCodes, badPost) = await PostCodesAsync(posts, cancellationToken);
        if (badPost is not null)
        {
            return AccountResult.Failure("posts", $"Unknown post '{badPost}'.");
        }

        if (!TryEmail(email, out var address))
        {
            return AccountResult.Failure("email", $"'{email}' is not one e-mail address.");
        }

        var oldRole = await GetRoleAsync(user);
        var before = Describe(user, oldRole, IsLockedByAdministrator(user));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (oldRole != newRole)
        {
            var removed = await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
            var added = removed.Succeeded ? await users.AddToRoleAsync(user, newRole) : removed;
            if (!added.Succeeded)
            {
                return new AccountResult(false, ToErrors(added));
            }
        }

        user.Side = side;
        user.Groups = string.Join(',', normalizedGroups);
        if (posts is not null)
        {
            user.Posts = string.Join(',', postCodes);
        }

        if (email is not null)
        {
            // Empty removes it: no more e-mail reminders.
            user.Email = address;
            user.NormalizedEmail = address?.ToUpperInvariant();
        }

        user.DisplayName = string.IsNullOrWhiteSpace(displayName) ? user.UserName! : displayName.Trim();
        if (locked != IsLockedByAdministrator(user))
        {
            await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        }
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return new AccountResult(false, ToErrors(updated));
        }

        // Changing side, groups, role or lock state changes what the user may do: end the user's existing sessions and
        // tokens (the cookie validator and the bearer check compare this stamp).
        await users.UpdateSecurityStampAsync(user);
        var after = Describe(user, newRole, locked);
        db.RecordAccountEvent(oldRole != newRole ? AuditAction.RoleChanged : AuditAction.UserUpdated,
            actor.UserName, actor.UserId, user.UserName!, before, after);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AccountResult(true, new Dictionary<string, string[]>(), user);
    }

    /// <summary>
    /// On first start with no users: creates <c>admin</c> with a random password written to
    /// <paramref name="passwordFile"/> (owner read/write only). Returns true when it did.
    /// </summary>
    public async Task<bool> EnsureInitialAdministratorAsync(string passwordFile, CancellationToken cancellationToken = default)
    {
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return false;
        }

        var password = GeneratePassword();
        var result = await CreateAsync(new NewAccount("admin", Roles.Administrator, Side.Joint, password, "Administrator",
            MustChangePassword: true), Viewer.System, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the initial administrator: "
                + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }

        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new StreamWriter(passwordFile, System.Text.Encoding.UTF8, options))
        {
            await file.WriteLineAsync(password);
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies only when the file is new; an old file keeps its mode otherwise.
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return true;
    }

    /// <summary>A 24-character password that satisfies the policy in <see cref="PuenteIdentity"/>.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        while (true)
        {
            var candidate = RandomNumberGenerator.GetString(alphabet, 24);
            if (candidate.Any(char.IsAsciiDigit) && candidate.Any(char.IsAsciiLetterUpper) && candidate.Any(char.IsAsciiLetterLower))
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// Locked by an administrator (until unlocked), as opposed to the short lockout after failed sign-ins: only this
    /// state is what the lock switch of the admin page and <c>users lock</c> set and show, so that saving an account
    /// during a temporary lockout does not make it permanent.
    /// </summary>
    public static bool IsLockedByAdministrator(PuenteUser user) => user.LockoutEnd?.UtcDateTime.Year == DateTimeOffset.MaxValue.Year; // stored precision may drop ticks

    private static string Describe(PuenteUser user, string role, bool locked) =>
        JsonSerializer.Serialize(new { user.UserName, user.DisplayName, Role = role, Side = user.Side.ToString(), user.Groups, user.Posts, user.Email, Locked = locked },
            Audit.AuditWriter.SnapshotJson);

    /// <summary>An optional e-mail address: empty or one plain address of at most 254 characters (null when empty).</summary>
    private static bool TryEmail(string? input, out string? email)
    {
        email = string.IsNullOrWhiteSpace(input) ? null : input.Trim();
        return email is null || (email.Length <= 254 && System.Net.Mail.MailAddress.TryCreate(email, out var parsed)
            && parsed.Address == email && string.IsNullOrEmpty(parsed.DisplayName));
    }

    /// <summary>The distinct upper-case post codes, each naming a post (any: an administrator links accounts); at most 50.</summary>
    private async Task<(List<string> Codes, string? Bad)> PostCodesAsync(IReadOnlyList<string>? input, CancellationToken cancellationToken)
    {
        var codes = (input ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
        if (codes.Count > 50)
        {
            return (codes, codes[50]);
        }

        var known = await db.Set<Core.Memory.Post>().IgnoreQueryFilters().Where(p => codes.Contains(p.Code)).Select(p => p.Code).ToListAsync(cancellationToken);
        return (codes, codes.FirstOrDefault(c => !known.Contains(c)));
    }

    private static Dictionary<string, string[]> ToErrors(IdentityResult result) =>
        result.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "account")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
