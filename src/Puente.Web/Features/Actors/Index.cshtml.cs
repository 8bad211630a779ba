using Puente.Core.Catalog;

namespace Puente.Web.Features.Actors;

public sealed class IndexModel(ActorService records, PuenteDbContext db) : RecordIndexModel<Actor, ActorInput, ActorFilter>(records, db);
