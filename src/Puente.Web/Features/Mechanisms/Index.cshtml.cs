using Puente.Core.Catalog;

namespace Puente.Web.Features.Mechanisms;

public sealed class IndexModel(MechanismService records, PuenteDbContext db) : RecordIndexModel<Mechanism, MechanismInput, MechanismFilter>(records, db);
