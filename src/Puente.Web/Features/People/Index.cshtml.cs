using Puente.Core.Memory;

namespace Puente.Web.Features.People;

public sealed class IndexModel(PersonService people, PuenteDbContext db) : RecordIndexModel<Person, PersonInput, PersonFilter>(people, db);
