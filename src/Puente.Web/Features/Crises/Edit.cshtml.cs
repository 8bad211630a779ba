using Microsoft.EntityFrameworkCore;
using Puente.Core.Agenda;
using Puente.Core.Catalog;
using Puente.Core.Warning;

namespace Puente.Web.Features.Crises;

/// <summary>Marks a crisis or edits one; <c>?issue=CODE</c> on a new one fills in the issue.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class EditModel(CrisisService crises, PuenteDbContext db, IStringLocalizer<SharedResource> t)
    : RecordEditModel<MarkedCrisis, CrisisInput>(crises, db, t)
{
    public List<AgendaIssue> Issues { get; private set; } = [];

    protected override string ListPath => "/Crises";

    protected override CrisisInput NewInput() => new() { Issue = Request.Query["issue"].FirstOrDefault() };

    protected override CrisisInput InputFrom(MarkedCrisis record, IReadOnlyList<string> grants) => CrisisInput.From(record, grants);

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Issues = AgendaOrder.Sort(await Db.AgendaIssues.AsNoTracking().ToListAsync(ct), i => i.Code, i => i.Section, i => i.EarlyCrisisRisk);
}
