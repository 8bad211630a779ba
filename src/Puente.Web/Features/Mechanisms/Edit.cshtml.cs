using Microsoft.AspNetCore.Mvc;
using Puente.Core.Catalog;

namespace Puente.Web.Features.Mechanisms;

[Authorize(Policy = Policies.Editors)]
public sealed class EditModel(MechanismService mechanisms, PuenteDbContext db, IStringLocalizer<SharedResource> t)
    : RecordEditModel<Mechanism, MechanismInput>(mechanisms, db, t)
{
    /// <summary>The participants as the form shows them: "MX, US".</summary>
    [BindProperty]
    public string? ParticipantsText { get; set; }

    protected override string ListPath => "/Mechanisms";

    protected override MechanismInput NewInput() => new() { Cadence = nameof(Cadence.Annual), Participants = ["MX", "US"] };

    protected override MechanismInput InputFrom(Mechanism record, IReadOnlyList<string> grants) => MechanismInput.From(record, grants);

    protected override void AfterLoad() => ParticipantsText = string.Join(", ", Input.Participants ?? []);

    protected override void BeforeSave() => Input.Participants = RecordFormModel.SplitList(ParticipantsText);
}
