using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Records;

namespace Puente.Web.Features.Records;

/// <summary>
/// The edit page of a bilingual record type: loads the form (new or existing), posts it through the type's
/// <see cref="RecordService{T, TInput}"/>, shows field errors and conflicts, and goes to the details page when saved.
/// A type's page supplies the defaults of a new record, the mapping of a stored one, and the paths. Derived page models
/// carry <c>[Authorize(Policy = Policies.Editors)]</c> (a test enforces it).
/// </summary>
public abstract class RecordEditModel<T, TInput>(RecordService<T, TInput> records, PuenteDbContext db, IStringLocalizer<SharedResource> t) : PageModel
    where T : BilingualRecord, new()
    where TInput : RecordInput, new()
{
    /// <summary>The context, as the type's page reads its choices and the record's parts.</summary>
    protected PuenteDbContext Db => db;

    [BindProperty]
    public TInput Input { get; set; } = new();

    [BindProperty]
    public string? GrantsText { get; set; }

    public Guid? Id { get; private set; }
    public bool IsNew => Id is null;
    public List<Track> Tracks { get; private set; } = [];

    /// <summary>The common fields and the access part of the form (shared partials).</summary>
    public RecordFormModel Form => new(Input, GrantsText ?? "", ModelState);

    /// <summary>Where the list of this record type is, e.g. <c>/Actors</c>; details are under it.</summary>
    protected abstract string ListPath { get; }

    /// <summary>The input of a new record, with the type's defaults.</summary>
    protected abstract TInput NewInput();

    /// <summary>The input of a stored record.</summary>
    protected abstract TInput InputFrom(T record, IReadOnlyList<string> grants);

    /// <summary>Fields the form keeps as text beside <see cref="Input"/> (e.g. a list typed with commas) go into it here.</summary>
    protected virtual void BeforeSave()
    {
    }

    /// <summary>The form's text fields from a stored or new input.</summary>
    protected virtual void AfterLoad()
    {
    }

    /// <summary>What the form needs besides the record (choices, lists), on every request.</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The form's fields that come from the record's parts (read asynchronously), when the form is first shown.</summary>
    protected virtual Task AfterLoadAsync(T? record, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The save; a type whose service has its own create path (a code made for it) uses that.</summary>
    protected virtual Task<(T? Record, FieldErrors Errors)> SaveAsync(TInput input, T? existing, CancellationToken ct) =>
        records.SaveAsync(input, existing, ct);

    /// <summary>The details page of a record, by default <c>{ListPath}/Details/{id}</c>.</summary>
    protected virtual string DetailsPath(Guid id) => $"{ListPath}/Details/{id}";

    public string CancelPath => IsNew ? ListPath : DetailsPath(Id!.Value);

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        Tracks = await LoadTracksAsync(ct);
        await LoadChoicesAsync(ct);
        if (id is null)
        {
            Input = NewInput();
            Input.Confidentiality ??= nameof(Core.Access.Confidentiality.Shared);
            Input.OwnerSide ??= db.Viewer.Side?.ToString();
            AfterLoad();
            await AfterLoadAsync(null, ct);
            return Page();
        }

        var record = await records.FindAsync(id, track: false, ct);
        if (record is null)
        {
            return NotFound();
        }

        Id = record.Id;
        var grants = await RecordAccess.DescribeGrantsAsync(db, record.Id, ct);
        Input = InputFrom(record, grants);
        GrantsText = string.Join(", ", grants);
        AfterLoad();
        await AfterLoadAsync(record, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        Tracks = await LoadTracksAsync(ct);
        await LoadChoicesAsync(ct);
        T? existing = null;
        if (id is not null)
        {
            existing = await records.FindAsync(id, track: true, ct);
            if (existing is null)
            {
                return NotFound();
            }

            Id = existing.Id;
        }

        Input.Grants = RecordFormModel.SplitList(GrantsText);
        BeforeSave();
        try
        {
            var (record, errors) = await SaveAsync(Input, existing, ct);
            if (record is null)
            {
                errors.CopyTo(ModelState);
                return Page();
            }

            TempData["Message"] = t["Saved."].Value;
            return Redirect(DetailsPath(record.Id));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", t["The record was changed by someone else. Reload it and apply your change again."]);
            return Page();
        }
        catch (DbUpdateException e) when (UniqueConflict.From(e) is { } conflict)
        {
            // Someone saved the same code between this form's check and its save: the database's unique index decided.
            var field = ConflictText.Field(conflict);
            ModelState.AddModelError(field.Length == 0 ? "" : "Input." + field, t.Localize(conflict));
            return Page();
        }
    }

    private Task<List<Track>> LoadTracksAsync(CancellationToken ct) => db.Tracks.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct);
}
