using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Data;
using Puente.Web.Features.Catalog;
using Puente.Web.Features.Records;

namespace Puente.Web.Features.Mechanisms;

public sealed class DetailsModel(MechanismService mechanisms, PuenteDbContext db) : PageModel
{
    public Mechanism Mechanism { get; private set; } = null!;
    public List<HistoryDto> History { get; private set; } = [];
    public List<string> Grants { get; private set; } = [];
    public bool CanEdit => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var mechanism = await mechanisms.FindAsync(id, track: false, ct);
        if (mechanism is null)
        {
            return NotFound();
        }

        Mechanism = mechanism;
        History = await HistoryQuery.ForRecordAsync(db, mechanism.Id, ct);
        Grants = await RecordAccess.DescribeGrantsAsync(db, mechanism.Id, ct);
        return Page();
    }
}
