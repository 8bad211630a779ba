using Puente.Core.Catalog;

namespace Puente.Web.Features.Mechanisms;

public sealed class DetailsModel(MechanismService mechanisms, PuenteDbContext db) : RecordDetailsModel<Mechanism, MechanismInput>(mechanisms, db);
