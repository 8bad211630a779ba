using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Core.Audit;
using Puente.Data.Identity;

namespace Puente.Web.Features.Account;

public sealed class LogoutModel(SignInManager<PuenteUser> signIn, PuenteDbContext db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            db.RecordAccountEvent(AuditAction.SignOut, db.Viewer.UserName, db.Viewer.UserId, db.Viewer.UserName);
            await db.SaveChangesAsync();
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
