using Microsoft.EntityFrameworkCore;
using Puente.Core.Records;

namespace Puente.Web.Features.Records;

/// <summary>
/// The one read-and-write path of a bilingual record type, for its pages and its API. Reads go through the context's
/// access filter. Writes: validate (common fields, then the type's own) → check access (confidentiality, owning side,
/// grants) → hold the version → apply → save (audited by the context). A record type supplies its query, its fields'
/// validation and their mapping (<see cref="ValidateAsync"/>). Subclasses are registered by convention.
/// </summary>
public abstract class RecordService<T, TInput>(PuenteDbContext db, IStringLocalizer<SharedResource> t)
    where T : BilingualRecord, new()
    where TInput : RecordInput
{
    protected PuenteDbContext Db => db;

    protected IStringLocalizer Text => t;

    /// <summary>The record type's readable records with what its pages and DTOs need included (edits track these).</summary>
    protected abstract IQueryable<T> Query { get; }

    /// <summary>The readable records that lists filter, count and page, untracked: by default <see cref="Query"/>.</summary>
    protected virtual IQueryable<T> ReadQuery => Query.AsNoTracking();

    /// <summary>
    /// What read-only views (lists, details, the API) load of each record of <see cref="ReadQuery"/>: by default all
    /// that it includes. A type whose views show only a few fields of its related records selects just those, so that
    /// a page of records reads a third of the columns (docs/decisions/0028-read-views-select-what-they-show.md).
    /// </summary>
    protected virtual IQueryable<T> Shape(IQueryable<T> records) => records;

    /// <summary>
    /// Checks the type's own fields of <paramref name="input"/> into <paramref name="errors"/> and returns how to apply
    /// them to the record (called only when every field is valid).
    /// </summary>
    protected abstract Task<Action<T>> ValidateAsync(TInput input, T? existing, FieldErrors errors, CancellationToken cancellationToken);

    /// <summary>
    /// Last step before the save, after the record has its fields and access: a type with parts (participants, contact
    /// details) adds, removes or aligns them here, so that they are saved — and audited — in the same transaction. A
    /// problem it adds to <paramref name="errors"/> stops the save.
    /// </summary>
    protected virtual Task BeforeSaveAsync(T record, FieldErrors errors, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Lets a type bind what its filter needs from this unit of work (readable related records) before a search.</summary>
    protected virtual void Prepare(RecordFilter<T> filter)
    {
    }

    /// <summary>A readable record by id or code; null when none (or not readable, which looks the same).</summary>
    /// <remarks>A tracked record (for an edit) is loaded whole; an untracked one as read-only views load it (<see cref="Shape"/>).</remarks>
    public Task<T?> FindAsync(string idOrCode, bool track, CancellationToken cancellationToken) => track
        ? RecordLookup.FindAsync(Query, idOrCode, cancellationToken)
        : Shape(RecordLookup.Matching(ReadQuery, idOrCode)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>One page of the readable records the filter matches, and how many it matches in all.</summary>
    public async Task<(List<T> Items, int Total)> SearchAsync(RecordFilter<T> filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        Prepare(filter);
        var query = filter.Apply(ReadQuery);
        var total = await query.CountAsync(cancellationToken);
        var items = await Shape(query.Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>
    /// Every readable record the filter matches, in list order, shaped as the list reads them and streamed as they come
    /// from the database (exports: no page, bounded memory).
    /// </summary>
    public IAsyncEnumerable<T> StreamAsync(RecordFilter<T> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Prepare(filter);
        return Shape(filter.Apply(ReadQuery)).AsAsyncEnumerable();
    }

    /// <summary>Validates and saves; <paramref name="existing"/> null creates. Errors come back keyed by field.</summary>
    public async Task<(T? Record, FieldErrors Errors)> SaveAsync(TInput input, T? existing, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var code = await RecordLookup.CodeAsync(db.Set<T>(), input.Code, existing?.Id, errors, t, cancellationToken);
        var (nameEn, nameEs, descriptionEn, descriptionEs) = RecordLookup.Names(input.NameEn, input.NameEs, input.DescriptionEn, input.DescriptionEs, errors, t);
        var apply = await ValidateAsync(input, existing, errors, cancellationToken);
        var access = await RecordAccess.ValidateAsync(input.Access, existing, db, db.Viewer, errors, t, cancellationToken);
        if (existing is not null && input.Version is null)
        {
            errors.Add("version", t["Give the version your edit is based on."]);
        }

        if (errors.Any || access is null)
        {
            return (null, errors);
        }

        var record = RecordLookup.AddOrHoldVersion(db, existing, input.Version, () => new T());
        record.Code = code;
        record.NameEn = nameEn;
        record.NameEs = nameEs;
        record.DescriptionEn = descriptionEn;
        record.DescriptionEs = descriptionEs;
        apply(record);
        await RecordAccess.ApplyAsync(db, record, access, cancellationToken);
        await BeforeSaveAsync(record, errors, cancellationToken);
        if (errors.Any)
        {
            return (null, errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (record, errors);
    }
}
