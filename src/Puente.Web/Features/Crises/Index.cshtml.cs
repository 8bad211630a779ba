using Microsoft.EntityFrameworkCore;
using Puente.Core.Agenda;
using Puente.Core.Catalog;
using Puente.Core.Localization;
using Puente.Core.Warning;

namespace Puente.Web.Features.Crises;

/// <summary>The crises users marked, newest first, by agenda issue.</summary>
public sealed class IndexModel(CrisisService crises, PuenteDbContext db) : RecordIndexModel<MarkedCrisis, CrisisInput, CrisisFilter>(crises, db)
{
    public List<AgendaIssue> Issues { get; private set; } = [];

    public string IssueName(string? code) =>
        Issues.FirstOrDefault(i => i.Code == code) is { } issue ? Bilingual.Pick(issue.NameEn, issue.NameEs, System.Globalization.CultureInfo.CurrentUICulture) : code ?? "";

    protected override async Task LoadAsync(CancellationToken ct) =>
        Issues = AgendaOrder.Sort(await Db.AgendaIssues.AsNoTracking().ToListAsync(ct), i => i.Code, i => i.Section, i => i.EarlyCrisisRisk);
}
