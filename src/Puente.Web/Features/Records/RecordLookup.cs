using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Records;

namespace Puente.Web.Features.Records;

/// <summary>What every record type's reads and writes share: lookup by id or code, and the checks of code and names.</summary>
public static class RecordLookup
{
    /// <summary>A readable record by its id or its code (the query carries the access filter); null when none.</summary>
    public static Task<T?> FindAsync<T>(IQueryable<T> query, string idOrCode, CancellationToken cancellationToken)
        where T : ContentRecord =>
        Matching(query, idOrCode).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The records of <paramref name="query"/> with the id or code <paramref name="idOrCode"/> (at most one).</summary>
    public static IQueryable<T> Matching<T>(IQueryable<T> query, string idOrCode)
        where T : ContentRecord
    {
        if (Guid.TryParse(idOrCode, out var id))
        {
            return query.Where(x => x.Id == id);
        }

        var code = CatalogCode.Normalize(idOrCode);
        return query.Where(x => x.Code == code);
    }

    /// <summary>
    /// The normalized code, checked for form and for uniqueness among all records of the type (readable or not). A taken
    /// code gets one neutral answer whoever holds it, so the answer never says that a record the editor cannot read
    /// exists (docs/decisions/0016-code-uniqueness-without-disclosure.md).
    /// </summary>
    public static async Task<string> CodeAsync<T>(DbSet<T> all, string? input, Guid? existingId, FieldErrors errors, IStringLocalizer t,
        CancellationToken cancellationToken)
        where T : ContentRecord
    {
        var code = CatalogCode.Normalize(input);
        if (!CatalogCode.IsValid(code))
        {
            errors.Add("code", t["A code is 1–40 upper-case letters, digits, '-' or '.'."]);
        }
        else if (await all.IgnoreQueryFilters().AnyAsync(x => x.Code == code && (existingId == null || x.Id != existingId), cancellationToken))
        {
            errors.Add("code", t["The code '{0}' cannot be used. Choose another.", code]);
        }

        return code;
    }

    /// <summary>Bilingual name and description: lengths checked, and a name in at least one language.</summary>
    public static (string NameEn, string NameEs, string DescriptionEn, string DescriptionEs) Names(string? nameEn, string? nameEs,
        string? descriptionEn, string? descriptionEs, FieldErrors errors, IStringLocalizer t)
    {
        var en = RecordAccess.Text(nameEn, "nameEn", 300, errors, t);
        var es = RecordAccess.Text(nameEs, "nameEs", 300, errors, t);
        if (en.Length == 0 && es.Length == 0)
        {
            errors.Add("nameEn", t["Give a name in English or Spanish."]);
        }

        return (en, es, RecordAccess.Text(descriptionEn, "descriptionEn", 4000, errors, t, multiline: true),
            RecordAccess.Text(descriptionEs, "descriptionEs", 4000, errors, t, multiline: true));
    }

    /// <summary>The track a code names (empty: none); an unknown code is a field error.</summary>
    public static async Task<Track?> TrackAsync(Data.PuenteDbContext db, string? input, FieldErrors errors, IStringLocalizer t, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var code = CatalogCode.Normalize(input);
        var track = await db.Tracks.FirstOrDefaultAsync(x => x.Code == code, cancellationToken);
        if (track is null)
        {
            errors.Add("trackCode", t["Unknown track '{0}'.", input]);
        }

        return track;
    }

    /// <summary>Adds a new record, or holds an existing one to the version the editor saw (optimistic concurrency).</summary>
    public static T AddOrHoldVersion<T>(Data.PuenteDbContext db, T? existing, int? version, Func<T> create)
        where T : ContentRecord
    {
        if (existing is null)
        {
            var record = create();
            record.Id = Guid.CreateVersion7();
            db.Add(record);
            return record;
        }

        db.Entry(existing).Property(r => r.Version).OriginalValue = version!.Value;
        return existing;
    }

    /// <summary>
    /// A list of codes (tracks, issues, recommendations…) checked against <paramref name="known"/>: at most
    /// <paramref name="max"/>, each known, normalized and distinct. Problems are keyed by <paramref name="field"/>.
    /// </summary>
    public static async Task<List<string>> CodesAsync(List<string>? input, IQueryable<string> known, string field, int max, FieldErrors errors,
        IStringLocalizer t, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            return [];
        }

        if (input.Count > max)
        {
            errors.Add(field, t["At most {0} codes.", max]);
            return [];
        }

        var codes = input.Where(c => !string.IsNullOrWhiteSpace(c)).Select(CatalogCode.Normalize).Distinct().ToList();
        var found = await known.Where(c => codes.Contains(c)).ToListAsync(cancellationToken);
        foreach (var missing in codes.Except(found))
        {
            errors.Add(field, t["Unknown code '{0}'.", missing]);
        }

        return codes;
    }

    /// <summary>
    /// The id of the readable record a list filter names by id or code: null with <c>Missing</c> false when the filter
    /// names none, null with <c>Missing</c> true when it names one the reader cannot read (the list then matches nothing).
    /// </summary>
    public static async Task<(Guid? Id, bool Missing)> FilterIdAsync<T>(IQueryable<T> records, string? idOrCode, CancellationToken cancellationToken)
        where T : ContentRecord
    {
        if (string.IsNullOrWhiteSpace(idOrCode))
        {
            return (null, false);
        }

        var found = await FindAsync(records.AsNoTracking(), idOrCode.Trim(), cancellationToken);
        return (found?.Id, found is null);
    }
}
