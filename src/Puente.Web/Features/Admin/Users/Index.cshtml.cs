using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Data.Identity;

namespace Puente.Web.Features.Admin.Users;

public sealed record UserRow(string Id, string UserName, string DisplayName, string Role, Side Side, string Groups, bool Locked);

[Authorize(Policy = Policies.Administrators)]
public sealed class IndexModel(PuenteDbContext db, AccountService accounts, UserManager<PuenteUser> users, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public List<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var result = await accounts.CreateAsync(new NewAccount(Input.UserName, Input.Role, Input.Side, Input.Password, Input.DisplayName,
            (Input.Groups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), db.Viewer, ct);
        if (!result.Succeeded)
        {
            foreach (var (field, messages) in result.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field switch { "password" => "Input.Password", "userName" => "Input.UserName", "groups" => "Input.Groups", _ => "" }, message);
                }
            }

            await LoadAsync(ct);
            return Page();
        }

        TempData["Message"] = t["Account {0} created.", Input.UserName].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        Users = [.. all.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName,
            roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? Roles.Viewer, u.Side, u.Groups, u.LockoutEnd > now))];
    }

    public sealed class NewUserInput
    {
        [Required(ErrorMessage = "Required.")]
        [StringLength(64, ErrorMessage = "At most {1} characters.")]
        public string UserName { get; set; } = "";

        [StringLength(200, ErrorMessage = "At most {1} characters.")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Required.")]
        public string Role { get; set; } = Roles.Viewer;

        public Side Side { get; set; }

        [StringLength(1000, ErrorMessage = "At most {1} characters.")]
        public string? Groups { get; set; }

        [Required(ErrorMessage = "Required.")]
        [StringLength(256, ErrorMessage = "At most {1} characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
