using Puente.Core.Catalog;
using Puente.Data;
using Puente.Web.Features.Records;

namespace Puente.Web.Features.Mechanisms;

public sealed class DetailsModel(MechanismService mechanisms, PuenteDbContext db) : RecordDetailsModel<Mechanism, MechanismInput>(mechanisms, db);
