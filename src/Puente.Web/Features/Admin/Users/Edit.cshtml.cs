using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Core.Access;
using Puente.Data.Identity;

namespace Puente.Web.Features.Admin.Users;

[Authorize(Policy = Policies.Administrators)]
public sealed class EditModel(AccountService accounts, UserManager<PuenteUser> users, PuenteDbContext db,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public EditUserInput Input { get; set; } = new();

    public string UserName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        UserName = user.UserName!;
        Input = new EditUserInput
        {
            DisplayName = user.DisplayName,
            Role = await accounts.GetRoleAsync(user),
            Side = user.Side,
            Groups = user.Groups.Replace(",", ", ", StringComparison.Ordinal),
            Posts = user.Posts.Replace(",", ", ", StringComparison.Ordinal),
            Email = user.Email,
            Locked = AccountService.IsLockedByAdministrator(user),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        UserName = user.UserName!;
        if (user.Id == db.Viewer.UserId && (Input.Role != Roles.Administrator || Input.Locked))
        {
            ModelState.AddModelError("", t["You cannot remove your own administrator role or lock yourself out."]);
            return Page();
        }

        var groups = (Input.Groups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var posts = (Input.Posts ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await accounts.UpdateAsync(id, Input.Role, Input.Side, groups, Input.DisplayName ?? "", Input.Locked, db.Viewer, posts, Input.Email ?? "", ct);
        if (!result.Succeeded)
        {
            foreach (var message in result.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError("", message);
            }

            return Page();
        }

        TempData["Message"] = t["Saved."].Value;
        return RedirectToPage("/Admin/Users/Index");
    }

    public sealed class EditUserInput
    {
        public string? DisplayName { get; set; }
        public string Role { get; set; } = Roles.Viewer;
        public Side Side { get; set; }
        public string? Groups { get; set; }

        /// <summary>Where e-mail reminders go; empty: none.</summary>
        public string? Email { get; set; }

        /// <summary>Post codes, comma-separated: the account's "my commitments" and reminders.</summary>
        public string? Posts { get; set; }

        public bool Locked { get; set; }
    }
}
