using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Data.Identity;

namespace Puente.Web.Features.Account;

public sealed class LoginModel(SignInManager<PuenteUser> signIn, UserManager<PuenteUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.UserName, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", t["The account is locked after repeated failed sign-ins. Try again later."]);
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("", t["Wrong user name or password."]);
            return Page();
        }

        var user = await users.FindByNameAsync(Input.UserName);
        if (user?.MustChangePassword == true)
        {
            return RedirectToPage("/Account/ChangePassword");
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Required.")]
        [StringLength(64, ErrorMessage = "At most {1} characters.")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Required.")]
        [StringLength(256, ErrorMessage = "At most {1} characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
