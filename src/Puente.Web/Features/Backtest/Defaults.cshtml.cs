using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Features.Backtest;

/// <summary><c>/Backtest/Defaults</c>: how the detectors' default parameters were chosen, in words (the full record is
/// docs/early-warning-defaults.md; its figures are pinned by a test).</summary>
public sealed class DefaultsModel : PageModel
{
    public void OnGet()
    {
    }
}
