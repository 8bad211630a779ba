using Microsoft.AspNetCore.Identity;
using Puente.Core.Access;

namespace Puente.Data.Identity;

/// <summary>A Puente account: an Identity user with a side and the groups Restricted records can name.</summary>
public sealed class PuenteUser : IdentityUser
{
    public Side Side { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>Comma-separated lower-case group names (see <see cref="Principals"/>).</summary>
    public string Groups { get; set; } = "";

    /// <summary>Comma-separated codes of the posts the account's holder occupies or staffs: their commitments are the
    /// holder's ("my commitments") and their reminders come to this account.</summary>
    public string Posts { get; set; } = "";

    /// <summary>The UI sends the user to change the password before anything else (the generated admin account).</summary>
    public bool MustChangePassword { get; set; }

    public IReadOnlyList<string> GroupList =>
        Groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
