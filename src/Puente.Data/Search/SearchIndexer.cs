using Microsoft.EntityFrameworkCore;
using Puente.Core.Memory;
using Puente.Core.Records;
using Puente.Core.Warning;

namespace Puente.Data.Search;

/// <summary>
/// Keeps <see cref="SearchEntry"/> rows current from a context's pending changes, just before they are saved, so the
/// index changes in the same transaction as the records (called by <see cref="PuenteDbContext.SaveChangesAsync(bool, CancellationToken)"/> through the audit writer, once new records have their ids:
/// every writer — pages, API, importers, seeders — goes through it). Added and changed records get their entry written,
/// deleted ones lose it; unchanged text writes nothing.
/// </summary>
internal static class SearchIndexer
{
    public static async Task UpdateAsync(PuenteDbContext db, CancellationToken cancellationToken)
    {
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var contents = tracker.Entries<AttachmentContent>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .ToDictionary(e => e.Entity.AttachmentId, e => e.Entity.Data);
        var changed = tracker.Entries<ContentRecord>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                || (e.Entity is EngagementAttachment && contents.ContainsKey(e.Entity.Id)))
            .Where(e => SearchDocuments.TypeOf(e.Entity) is not null)
            .Select(e => (e.Entity, e.State))
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var sqlite = db.Database.IsSqlite();
        var ids = changed.Where(c => c.State != EntityState.Added).Select(c => c.Entity.Id).ToList();
        var existing = ids.Count == 0
            ? new Dictionary<(Guid, string), SearchEntry>()
            : await db.SearchEntries.Where(s => ids.Contains(s.RecordId)).ToDictionaryAsync(s => (s.RecordId, s.Type), cancellationToken);
        // A save that failed and is tried again (a concurrency retry) still tracks the entries it added: reuse them.
        foreach (var pending in tracker.Entries<SearchEntry>().Where(e => e.State == EntityState.Added))
        {
            existing.TryAdd((pending.Entity.RecordId, pending.Entity.Type), pending.Entity);
        }

        foreach (var (record, state) in changed)
        {
            var type = SearchDocuments.TypeOf(record)!;
            existing.TryGetValue((record.Id, type), out var entry);
            if (state == EntityState.Deleted)
            {
                if (entry is not null)
                {
                    db.SearchEntries.Remove(entry); // an entry added in a failed attempt is just forgotten
                }

                continue;
            }

            var bytes = contents.GetValueOrDefault(record.Id);
            var indicator = record is Alert alert ? await IndicatorOfAsync(db, alert, cancellationToken) : null;
            var document = SearchDocuments.Of(record, bytes, indicator)!;
            if (entry is null)
            {
                entry = new SearchEntry { Type = type, RecordId = record.Id };
                db.SearchEntries.Add(entry);
            }

            Apply(entry, record, document, keepBody: record is EngagementAttachment && bytes is null && db.Entry(entry).State != EntityState.Added, sqlite);
        }
    }

    /// <summary>Writes a document into an entry, touching only what differs (an unchanged entry is not updated).</summary>
    internal static void Apply(SearchEntry entry, ContentRecord record, SearchDocument document, bool keepBody, bool sqlite)
    {
        Set(entry.Code, record.Code, v => entry.Code = v);
        if (entry.ParentId != document.ParentId)
        {
            entry.ParentId = document.ParentId;
        }

        var titleChanged = Set(entry.TitleEn, Title(document.TitleEn), v => entry.TitleEn = v)
            | Set(entry.TitleEs, Title(document.TitleEs), v => entry.TitleEs = v);
        var bodyChanged = !keepBody
            && (Set(entry.BodyEn, SearchDocuments.Bound(document.BodyEn), v => entry.BodyEn = v)
                | Set(entry.BodyEs, SearchDocuments.Bound(document.BodyEs), v => entry.BodyEs = v));
        if (!sqlite)
        {
            return;
        }

        if (titleChanged || entry.TitleTerms.Length == 0)
        {
            Set(entry.TitleTerms, SearchText.IndexTerms(entry.TitleEn + "\n" + entry.TitleEs), v => entry.TitleTerms = v);
        }

        if (bodyChanged)
        {
            Set(entry.BodyTerms, SearchText.IndexTerms(entry.BodyEn + "\n" + entry.BodyEs), v => entry.BodyTerms = v);
        }
    }

    private static string Title(string title) => title.Length <= SearchEntry.TitleMaxLength ? title : title[..SearchEntry.TitleMaxLength];

    private static bool Set(string current, string value, Action<string> set)
    {
        if (string.Equals(current, value, StringComparison.Ordinal))
        {
            return false;
        }

        set(value);
        return true;
    }

    private static async Task<Indicator?> IndicatorOfAsync(PuenteDbContext db, Alert alert, CancellationToken cancellationToken) =>
        alert.Indicator
        ?? db.Set<Indicator>().Local.FirstOrDefault(i => i.Id == alert.ParentId)
        ?? await db.Set<Indicator>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(i => i.Id == alert.ParentId, cancellationToken);
}
