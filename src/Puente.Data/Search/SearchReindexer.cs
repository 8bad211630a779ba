using Microsoft.EntityFrameworkCore;
using Puente.Core.Agenda;
using Puente.Core.Catalog;
using Puente.Core.Commitments;
using Puente.Core.Memory;
using Puente.Core.Records;
using Puente.Core.Warning;

namespace Puente.Data.Search;

/// <summary>What a reindex did.</summary>
public sealed record ReindexReport(int Records, int Written, int Removed);

/// <summary>
/// Builds the search index from the records as they are: entries written where missing or different, removed where
/// their record is gone. Idempotent (a second run writes nothing). Used after the migration that adds search (the
/// stems are computed in C#) and by <c>puente search reindex</c>; needs a context bound to the system viewer.
/// </summary>
public static class SearchReindexer
{
    private const int Batch = 500;

    public static async Task<ReindexReport> ReindexAsync(PuenteDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Viewer.IsSystem)
        {
            throw new InvalidOperationException("The search index is rebuilt by the system viewer only.");
        }

        var report = new ReindexReport(0, 0, 0);
        report = await TypeAsync<Actor>(db, SearchDocuments.Actor, report, cancellationToken);
        report = await TypeAsync<Person>(db, SearchDocuments.Person, report, cancellationToken);
        report = await TypeAsync<Post>(db, SearchDocuments.Post, report, cancellationToken);
        report = await TypeAsync<Mechanism>(db, SearchDocuments.Mechanism, report, cancellationToken);
        report = await TypeAsync<Engagement>(db, SearchDocuments.Engagement, report, cancellationToken);
        report = await TypeAsync<EngagementAttachment>(db, SearchDocuments.Attachment, report, cancellationToken);
        report = await TypeAsync<Commitment>(db, SearchDocuments.Commitment, report, cancellationToken);
        report = await TypeAsync<Recommendation>(db, SearchDocuments.Recommendation, report, cancellationToken);
        report = await TypeAsync<AgendaIssue>(db, SearchDocuments.Issue, report, cancellationToken);
        report = await TypeAsync<IssuePosition>(db, SearchDocuments.Position, report, cancellationToken);
        report = await TypeAsync<Alert>(db, SearchDocuments.Alert, report, cancellationToken);
        return report;
    }

    private static async Task<ReindexReport> TypeAsync<T>(PuenteDbContext db, string type, ReindexReport report, CancellationToken cancellationToken)
        where T : ContentRecord
    {
        var sqlite = db.Database.IsSqlite();
        var (records, written) = (0, 0);
        for (var skip = 0; ; skip += Batch)
        {
            var batch = await db.Set<T>().AsNoTracking().OrderBy(r => r.Id).Skip(skip).Take(Batch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(r => r.Id).ToList();
            var entries = await db.SearchEntries.Where(e => e.Type == type && ids.Contains(e.RecordId)).ToDictionaryAsync(e => e.RecordId, cancellationToken);
            var contents = typeof(T) == typeof(EngagementAttachment)
                ? await db.Set<AttachmentContent>().AsNoTracking().Where(c => ids.Contains(c.AttachmentId)).ToDictionaryAsync(c => c.AttachmentId, c => c.Data, cancellationToken)
                : [];
            var indicatorIds = batch.OfType<Alert>().Select(a => a.ParentId).Distinct().ToList();
            var indicators = indicatorIds.Count == 0
                ? []
                : await db.Set<Indicator>().AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            foreach (var record in batch)
            {
                var document = SearchDocuments.Of(record, contents.GetValueOrDefault(record.Id) ?? [],
                    record is Alert alert ? indicators.GetValueOrDefault(alert.ParentId) : null)!;
                if (!entries.TryGetValue(record.Id, out var entry))
                {
                    entry = new SearchEntry { Type = type, RecordId = record.Id };
                    db.SearchEntries.Add(entry);
                }

                SearchIndexer.Apply(entry, record, document, keepBody: false, sqlite);
            }

            records += batch.Count;
            written += db.ChangeTracker.Entries<SearchEntry>().Count(e => e.State is EntityState.Added or EntityState.Modified);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        var removed = await db.SearchEntries.Where(e => e.Type == type && !db.Set<T>().Any(r => r.Id == e.RecordId)).ExecuteDeleteAsync(cancellationToken);
        return new ReindexReport(report.Records + records, report.Written + written, report.Removed + removed);
    }
}
