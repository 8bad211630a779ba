using Puente.Core.Catalog;

namespace Puente.Web.Features.Actors;

public sealed class DetailsModel(ActorService actors, PuenteDbContext db) : RecordDetailsModel<Actor, ActorInput>(actors, db);
