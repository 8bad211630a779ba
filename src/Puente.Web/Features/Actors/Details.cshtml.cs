using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Data;
using Puente.Web.Features.Catalog;
using Puente.Web.Features.Records;

namespace Puente.Web.Features.Actors;

public sealed class DetailsModel(ActorService actors, PuenteDbContext db) : PageModel
{
    public Actor Actor { get; private set; } = null!;
    public List<HistoryDto> History { get; private set; } = [];
    public List<string> Grants { get; private set; } = [];
    public bool CanEdit => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var actor = await actors.FindAsync(id, track: false, ct);
        if (actor is null)
        {
            return NotFound();
        }

        Actor = actor;
        History = await HistoryQuery.ForRecordAsync(db, actor.Id, ct);
        Grants = await RecordAccess.DescribeGrantsAsync(db, actor.Id, ct);
        return Page();
    }
}
