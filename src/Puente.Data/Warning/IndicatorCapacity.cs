using Microsoft.EntityFrameworkCore;
using Puente.Core.Warning;

namespace Puente.Data.Warning;

/// <summary>
/// The bound <see cref="Indicator.MaxValues"/> as the writers check it before they record (the intake refuses to pass
/// it as a broken invariant): how many values an indicator would hold with some periods recorded.
/// </summary>
public static class IndicatorCapacity
{
    /// <summary>The number of distinct periods <paramref name="indicatorId"/> would hold once <paramref name="periods"/> are recorded.</summary>
    public static async Task<int> ValuesAfterAsync(PuenteDbContext db, Guid indicatorId, IEnumerable<DateOnly> periods, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Set<IndicatorValue>().Where(v => v.ParentId == indicatorId).Select(v => v.Period).ToListAsync(cancellationToken);
        return existing.Union(periods).Count();
    }
}
