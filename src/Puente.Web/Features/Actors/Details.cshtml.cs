using Puente.Core.Catalog;
using Puente.Data;
using Puente.Web.Features.Records;

namespace Puente.Web.Features.Actors;

public sealed class DetailsModel(ActorService actors, PuenteDbContext db) : RecordDetailsModel<Actor, ActorInput>(actors, db);
