using Microsoft.EntityFrameworkCore;
using Puente.Core.Agenda;
using Puente.Core.Catalog;
using Puente.Core.Localization;
using Puente.Core.Warning;

namespace Puente.Web.Features.Playbooks;

/// <summary>The playbooks the reader may read, filtered by issue, indicator, mechanism or owner post (the API's filters).</summary>
public sealed class IndexModel(PlaybookService playbooks, PuenteDbContext db) : RecordIndexModel<Playbook, PlaybookInput, PlaybookFilter>(playbooks, db)
{
    /// <summary>The agenda issues in agenda order, for the filter and the issue column.</summary>
    public List<AgendaIssue> Issues { get; private set; } = [];

    public string IssueName(string? code) =>
        Issues.FirstOrDefault(i => i.Code == code) is { } issue ? Bilingual.Pick(issue.NameEn, issue.NameEs, System.Globalization.CultureInfo.CurrentUICulture) : code ?? "";

    protected override async Task LoadAsync(CancellationToken ct) =>
        Issues = AgendaOrder.Sort(await Db.AgendaIssues.AsNoTracking().ToListAsync(ct), i => i.Code, i => i.Section, i => i.EarlyCrisisRisk);
}
