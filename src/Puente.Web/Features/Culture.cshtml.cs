using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Features;

/// <summary>The language switch: stores the choice in the culture cookie and returns to the page.</summary>
public sealed class CultureModel : PageModel
{
    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = PuenteCultures.Map(culture);
        if (chosen is not null)
        {
            PuenteWeb.SetCultureCookie(Response, chosen);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
