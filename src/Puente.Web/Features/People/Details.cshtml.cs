using System.Globalization;
using Puente.Core.Memory;
using Puente.Web.Features.Posts;

namespace Puente.Web.Features.People;

/// <summary>A person: biography, languages, the reader's side's contact details, the posts they held.</summary>
public sealed class DetailsModel(PersonService people, PostService posts, PuenteDbContext db) : RecordDetailsModel<Person, PersonInput>(people, db)
{
    public List<PersonContact> Contacts { get; private set; } = [];
    public List<TenureDto> Tenures { get; private set; } = [];

    protected override async Task LoadAsync(Person record, CancellationToken ct)
    {
        Contacts = await people.ContactsAsync(record.Id, ct);
        Tenures = await posts.TenuresOfPersonAsync(record.Id, CultureInfo.CurrentUICulture, ct);
    }
}
