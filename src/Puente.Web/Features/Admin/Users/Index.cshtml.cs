using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Core.Access;
using Puente.Data.Identity;

namespace Puente.Web.Features.Admin.Users;

public sealed record UserRow(string Id, string UserName, string DisplayName, string Role, Side Side, string Groups, bool Locked);

[Authorize(Policy = Policies.Administrators)]
public sealed class IndexModel(PuenteDbContext db, AccountService accounts, IStringLocalizer<SharedResource> t) : PageModel
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

        // The administrator chose this password and knows it: the user replaces it at the first sign-in in the UI, and
        // the API refuses the account until then (accounts for automation come from `puente users add`).
        var result = await accounts.CreateAsync(new NewAccount(Input.UserName, Input.Role, Input.Side, Input.Password, Input.DisplayName,
            (Input.Groups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), MustChangePassword: true), db.Viewer, ct);
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

    private async Task LoadAsync(CancellationToken ct) =>
        Users = [.. (await accounts.ListAsync(ct)).Select(u => new UserRow(u.Id, u.UserName, u.DisplayName, u.Role, u.Side, u.Groups, u.Locked))];

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
