using Microsoft.EntityFrameworkCore;

namespace Puente.Web.Features.Records;

public static class HistoryQuery
{
    /// <summary>A record's audit entries, newest first, as far as the viewer may read them (query filter).</summary>
    public static Task<List<HistoryDto>> ForRecordAsync(PuenteDbContext db, Guid recordId, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Where(a => a.RecordId == recordId).OrderByDescending(a => a.Id)
            .Select(a => new HistoryDto(a.Id, a.Timestamp, a.Actor, a.Action.ToString(), a.EntityType, a.RecordLabel, a.Before, a.After))
            .ToListAsync(ct);
}
