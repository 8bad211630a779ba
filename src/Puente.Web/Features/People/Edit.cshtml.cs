using Microsoft.AspNetCore.Mvc;
using Puente.Core.Memory;

namespace Puente.Web.Features.People;

/// <summary>Creates or edits a person; the contact details are the editor's side's only (the other side's are never shown).</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class EditModel(PersonService people, PuenteDbContext db, IStringLocalizer<SharedResource> t)
    : RecordEditModel<Person, PersonInput>(people, db, t)
{
    /// <summary>Blank contact rows offered below the stored ones.</summary>
    public const int BlankContacts = 2;

    [BindProperty]
    public string? LanguagesText { get; set; }

    /// <summary>The editor's side, whose contact details the form edits; null: the account has none, the form shows none.</summary>
    public Core.Access.Side? Side => Db.Viewer.Side;

    protected override string ListPath => "/People";

    protected override PersonInput NewInput() => new() { Languages = ["es"] };

    protected override PersonInput InputFrom(Person record, IReadOnlyList<string> grants) => PersonInput.From(record, grants, []);

    protected override void AfterLoad() => LanguagesText = string.Join(", ", Input.Languages ?? []);

    protected override async Task AfterLoadAsync(Person? record, CancellationToken ct) =>
        Input.Contacts = record is null
            ? []
            : [.. (await people.ContactsAsync(record.Id, ct)).Select(c => new ContactInput { Kind = c.Kind.ToString(), Value = c.Value })];

    protected override void BeforeSave()
    {
        Input.Languages = RecordFormModel.SplitList(LanguagesText);
        // Blank rows are not contact details; with no side the service keeps the stored ones untouched.
        Input.Contacts = Side is null ? null : [.. (Input.Contacts ?? []).Where(c => !string.IsNullOrWhiteSpace(c.Value))];
    }
}
