using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Memory;
using Puente.Core.Records;
using Puente.Core.Text;

namespace Puente.Web.Features.People;

/// <summary>People for the pages and the API: the fields only people have, and each side's contact details.</summary>
public sealed class PersonService(PuenteDbContext db, IStringLocalizer<SharedResource> t) : RecordService<Person, PersonInput>(db, t)
{
    public const int MaxContacts = 20;
    public const int MaxLanguages = 10;

    private List<(ContactKind Kind, string Value)>? _contacts;

    protected override IQueryable<Person> Query => Db.Set<Person>();

    /// <summary>The contact details of a person the reader may read: those of the reader's own side.</summary>
    public Task<List<PersonContact>> ContactsAsync(Guid personId, CancellationToken cancellationToken) =>
        Db.Set<PersonContact>().AsNoTracking().Where(c => c.ParentId == personId).OrderBy(c => c.Kind).ThenBy(c => c.Value).ToListAsync(cancellationToken);

    /// <summary>The people list (its post and actor filters read the readable tenures; see <see cref="Prepare"/>).</summary>
    public Task<(List<Person> Items, int Total)> ListAsync(PersonFilter filter, int page, int pageSize, CancellationToken cancellationToken) =>
        SearchAsync(filter, page, pageSize, cancellationToken);

    /// <summary>The post and actor filters go through the readable tenures, on the page as in the API.</summary>
    protected override void Prepare(RecordFilter<Person> filter)
    {
        if (filter is PersonFilter people)
        {
            people.Tenures = Db.Set<Tenure>();
        }
    }

    protected override Task<Action<Person>> ValidateAsync(PersonInput input, Person? existing, FieldErrors errors, CancellationToken cancellationToken)
    {
        var honorific = RecordAccess.Text(input.Honorific, "honorific", Person.HonorificMaxLength, errors, Text);
        var languages = new List<string>();
        if (input.Languages is { Count: > MaxLanguages })
        {
            errors.Add("languages", Text["At most {0} languages.", MaxLanguages]);
        }
        else
        {
            foreach (var language in input.Languages ?? [])
            {
                var code = (language ?? "").Trim().ToLowerInvariant();
                if (code.Length != 2 || !code.All(char.IsAsciiLetterLower))
                {
                    errors.Add("languages", Text["A language is a two-letter code such as es or en; '{0}' is not.", language ?? ""]);
                    break;
                }

                if (!languages.Contains(code))
                {
                    languages.Add(code);
                }
            }
        }

        _contacts = null;
        if (input.Contacts is { } contacts)
        {
            if (Db.Viewer.Side is null)
            {
                errors.Add("contacts", Text["Contact details belong to a side; this account has none."]);
            }
            else if (contacts.Count > MaxContacts)
            {
                errors.Add("contacts", Text["At most {0} contact details.", MaxContacts]);
            }
            else
            {
                _contacts = [];
                for (var i = 0; i < contacts.Count; i++)
                {
                    var field = $"contacts[{i}]";
                    if (!EnumText.TryParse<ContactKind>(contacts[i]?.Kind, out var kind))
                    {
                        errors.Add(field, Text["Unknown kind of contact '{0}'. Use Email, Phone, Address, Assistant or Other.", contacts[i]?.Kind ?? ""]);
                        continue;
                    }

                    var value = RecordAccess.Text(contacts[i]?.Value, field, PersonContact.ValueMaxLength, errors, Text);
                    if (value.Length == 0)
                    {
                        errors.Add(field, Text["Give the contact detail."]);
                    }
                    else if (kind == ContactKind.Email && !System.Net.Mail.MailAddress.TryCreate(value, out _))
                    {
                        errors.Add(field, Text["'{0}' is not an e-mail address.", value]);
                    }
                    else
                    {
                        _contacts.Add((kind, value));
                    }
                }
            }
        }

        Action<Person> apply = person =>
        {
            // A person's name is written once: both name fields hold it.
            person.NameEs = string.IsNullOrEmpty(person.NameEn) ? person.NameEs : person.NameEn;
            person.NameEn = person.NameEs;
            person.Honorific = honorific;
            person.Languages = string.Join(',', languages);
        };
        return Task.FromResult(apply);
    }

    /// <summary>Replaces the editor's side's contact details when the input gave them; the other side's stay unseen.</summary>
    protected override async Task BeforeSaveAsync(Person record, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (_contacts is null || Db.Viewer.Side is not { } side)
        {
            return;
        }

        // The filter returns only this side's details (they are Internal to it).
        var current = await Db.Set<PersonContact>().Where(c => c.ParentId == record.Id && c.OwnerSide == side).ToListAsync(cancellationToken);
        var wanted = _contacts;
        foreach (var stale in current.Where(c => !wanted.Contains((c.Kind, c.Value))))
        {
            Db.Remove(stale);
        }

        foreach (var (kind, value) in wanted.Distinct().Where(w => !current.Any(c => c.Kind == w.Kind && c.Value == w.Value)))
        {
            Db.Add(new PersonContact
            {
                Id = Guid.CreateVersion7(), Code = RecordPart.NewCode(), ParentId = record.Id, Kind = kind, Value = value,
                Confidentiality = Confidentiality.Internal, OwnerSide = side,
            });
        }
    }
}
