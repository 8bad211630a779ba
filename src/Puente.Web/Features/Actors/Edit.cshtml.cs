using Puente.Core.Catalog;

namespace Puente.Web.Features.Actors;

[Authorize(Policy = Policies.Editors)]
public sealed class EditModel(ActorService actors, PuenteDbContext db, IStringLocalizer<SharedResource> t)
    : RecordEditModel<Actor, ActorInput>(actors, db, t)
{
    protected override string ListPath => "/Actors";

    protected override ActorInput NewInput() =>
        new() { Country = "MX", Type = nameof(ActorType.Agency), Level = nameof(GovernmentLevel.Federal) };

    protected override ActorInput InputFrom(Actor record, IReadOnlyList<string> grants) => ActorInput.From(record, grants);
}
