using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Puente.Web.Features.Alerts;

/// <summary>One alert: its explanation in the reader's language (and the other), its chart, the points that triggered
/// it, its playbook when the reader may read it, its lifecycle, and (for Editors) the forms of the next steps.</summary>
public sealed class DetailsModel(AlertService alerts) : PageModel
{
    public AlertDetailDto View { get; private set; } = null!;

    public SeriesChart Chart { get; private set; } = null!;

    public ReaderTimeZone Zone { get; private set; } = ReaderTimeZone.Utc;

    public bool CanEdit => Policies.AllowsWriting(User);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await alerts.FindAsync(id, track: false, ct) is not { } alert)
        {
            return NotFound();
        }

        Zone = ReaderTimeZone.From(Request);
        View = await alerts.DetailAsync(alert, CultureInfo.CurrentUICulture, ct);
        Chart = await alerts.ChartAsync(alert, View.Indicator.Name, ct);
        return Page();
    }
}
