using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Core.Audit;
using Puente.Data.Identity;

namespace Puente.Web.Features.Account;

public sealed class ChangePasswordModel(UserManager<PuenteUser> users, SignInManager<PuenteUser> signIn, PuenteDbContext db,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public bool Forced { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        Forced = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }

        Forced = user.MustChangePassword;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError("Input.NewPassword", t["Choose a password different from the current one."]);
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error.Code == "PasswordMismatch" ? t["The current password is wrong."] : error.Description);
            }

            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        db.RecordAccountEvent(AuditAction.PasswordChanged, user.UserName!, user.Id, user.UserName!);
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = t["Your password was changed."].Value;
        return LocalRedirect("/");
    }

    public sealed class ChangePasswordInput
    {
        [Required(ErrorMessage = "Required.")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Required.")]
        [StringLength(256, MinimumLength = 12, ErrorMessage = "Between {2} and {1} characters.")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Required.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }
}
