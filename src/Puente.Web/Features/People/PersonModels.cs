using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Memory;

namespace Puente.Web.Features.People;

/// <summary>A person as the API returns it: the common record fields (the name in both fields; the description is the
/// biography) and these. <see cref="Contacts"/> holds only the reader's side's contact details.</summary>
public sealed record PersonDto : RecordDto, IRecordDto<Person, PersonDto>
{
    private PersonDto(Person person, CultureInfo culture, IReadOnlyList<ContactDto> contacts)
        : base(person, culture)
    {
        Honorific = person.Honorific;
        Languages = [.. person.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries)];
        Contacts = contacts;
    }

    public string Honorific { get; }
    public IReadOnlyList<string> Languages { get; }
    public IReadOnlyList<ContactDto> Contacts { get; }

    public static PersonDto From(Person record, CultureInfo culture) => new(record, culture, []);

    public static PersonDto From(Person record, CultureInfo culture, IEnumerable<PersonContact> contacts) =>
        new(record, culture, [.. contacts.Select(c => new ContactDto(c.Kind.ToString(), c.Value, c.OwnerSide.ToString()))]);
}

/// <summary>One contact detail, as the side that keeps it reads it.</summary>
public sealed record ContactDto(string Kind, string Value, string Side);

/// <summary>A contact detail as entered: kind (Email, Phone, Address, Assistant, Other) and value.</summary>
public sealed class ContactInput
{
    public string? Kind { get; set; }
    public string? Value { get; set; }
}

/// <summary>
/// What a person enters to create or edit a person: code, <see cref="Name"/> (as the person writes it), honorific,
/// languages, biography in both languages (the description fields), access, and the editor's side's contact details
/// (omitted: kept; given: they replace that side's list; the other side's are never seen nor touched).
/// </summary>
public sealed class PersonInput : RecordInput
{
    /// <summary>Sets both name fields: a person's name is not translated.</summary>
    public string? Name
    {
        get => NameEn;
        set
        {
            NameEn = value;
            NameEs = value;
        }
    }

    public string? BioEn { get => DescriptionEn; set => DescriptionEn = value; }
    public string? BioEs { get => DescriptionEs; set => DescriptionEs = value; }
    public string? Honorific { get; set; }

    /// <summary>ISO 639-1 codes ("es", "en").</summary>
    public List<string>? Languages { get; set; }

    public List<ContactInput>? Contacts { get; set; }

    public static PersonInput From(Person p, IEnumerable<string> grants, IEnumerable<PersonContact> contacts)
    {
        var input = new PersonInput
        {
            Honorific = p.Honorific,
            Languages = [.. p.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries)],
            Contacts = [.. contacts.Select(c => new ContactInput { Kind = c.Kind.ToString(), Value = c.Value })],
        };
        input.CopyFrom(p, grants);
        return input;
    }
}

/// <summary>Filters of the people list: text (code, name), and the post or actor they held a post at.</summary>
public sealed class PersonFilter : RecordFilter<Person>
{
    /// <summary>People who ever held this post (code).</summary>
    [FromQuery(Name = "post")]
    public string? Post { get; set; }

    /// <summary>People who ever held a post at this actor (code).</summary>
    [FromQuery(Name = "actor")]
    public string? Actor { get; set; }

    /// <summary>Set by the service before <see cref="RecordFilter{T}.Apply"/>: the readable tenures.</summary>
    internal IQueryable<Tenure>? Tenures { get; set; }

    protected override IQueryable<Person> Narrow(IQueryable<Person> records)
    {
        if (Tenures is { } tenures)
        {
            if (CodeOf(Post) is { } post)
            {
                records = records.Where(p => tenures.Any(t => t.PersonId == p.Id && t.Post!.Code == post));
            }

            if (CodeOf(Actor) is { } actor)
            {
                records = records.Where(p => tenures.Any(t => t.PersonId == p.Id && t.Post!.Actor!.Code == actor));
            }
        }

        return records.OrderBy(p => p.NameEn).ThenBy(p => p.Code);
    }
}
