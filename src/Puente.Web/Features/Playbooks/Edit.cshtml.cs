using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Agenda;
using Puente.Core.Catalog;
using Puente.Core.Warning;

namespace Puente.Web.Features.Playbooks;

/// <summary>Creates or edits a playbook; <c>?issue=CODE</c> on a new one fills in the issue. Steps are typed one per line.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class EditModel(PlaybookService playbooks, PuenteDbContext db, IStringLocalizer<SharedResource> t)
    : RecordEditModel<Playbook, PlaybookInput>(playbooks, db, t)
{
    [BindProperty]
    public string? StepsEnText { get; set; }

    [BindProperty]
    public string? StepsEsText { get; set; }

    public List<AgendaIssue> Issues { get; private set; } = [];
    public List<Mechanism> Mechanisms { get; private set; } = [];

    protected override string ListPath => "/Playbooks";

    protected override PlaybookInput NewInput() => new() { Issue = Request.Query["issue"].FirstOrDefault(), Indicator = Request.Query["indicator"].FirstOrDefault() };

    protected override PlaybookInput InputFrom(Playbook record, IReadOnlyList<string> grants) => PlaybookInput.From(record, grants);

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        Issues = AgendaOrder.Sort(await Db.AgendaIssues.AsNoTracking().ToListAsync(ct), i => i.Code, i => i.Section, i => i.EarlyCrisisRisk);
        Mechanisms = await Db.Mechanisms.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct);
    }

    protected override void AfterLoad()
    {
        StepsEnText = PlaybookSteps.Join(Input.StepsEn ?? []);
        StepsEsText = PlaybookSteps.Join(Input.StepsEs ?? []);
    }

    protected override void BeforeSave()
    {
        Input.StepsEn = [.. PlaybookSteps.Split(StepsEnText)];
        Input.StepsEs = [.. PlaybookSteps.Split(StepsEsText)];
    }
}
