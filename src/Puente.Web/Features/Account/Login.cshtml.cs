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
        if (!result.Succeeded)
        {
            // One message for an unknown name, a wrong password and a locked account, as the API's, so that it does
            // not tell which names exist.
            ModelState.AddModelError("", t["Wrong user name or password, or the account is locked (for a while after repeated failed sign-ins, or by an administrator)."]);
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
