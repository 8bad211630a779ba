using Microsoft.EntityFrameworkCore;
using Puente.Core.Agenda;
using Puente.Core.Catalog;

namespace Puente.Web.Features.Agenda.Positions;

/// <summary>The positions the reader may read, by issue and side, newest first.</summary>
public sealed class IndexModel(PositionService positions, PuenteDbContext db) : RecordIndexModel<IssuePosition, PositionInput, PositionFilter>(positions, db)
{
    public List<AgendaIssue> Issues { get; private set; } = [];

    protected override async Task LoadAsync(CancellationToken ct) =>
        Issues = AgendaOrder.Sort(await Db.AgendaIssues.AsNoTracking().ToListAsync(ct), i => i.Code, i => i.Section, i => i.EarlyCrisisRisk);
}
