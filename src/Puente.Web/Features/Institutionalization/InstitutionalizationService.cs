using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Health;
using Puente.Data.Health;

namespace Puente.Web.Features.Institutionalization;

/// <summary>The index as the viewer may know it: the facts come from <see cref="HealthQueries"/> through the access
/// filter, the arithmetic from <see cref="InstitutionalizationIndex"/>.</summary>
public sealed class InstitutionalizationService(PuenteDbContext db)
{
    /// <summary>The readable track's code, or null when there is no such track (or the viewer cannot read it).</summary>
    public async Task<string?> TrackAsync(string code, CancellationToken cancellationToken)
    {
        var normalized = CatalogCode.Normalize(code);
        return CatalogCode.IsValid(normalized) && await db.Tracks.AnyAsync(x => x.Code == normalized, cancellationToken) ? normalized : null;
    }

    /// <summary>The tracks the viewer can read, in their order: the page's selector.</summary>
    public Task<List<Track>> TracksAsync(CancellationToken cancellationToken) =>
        db.Tracks.AsNoTracking().OrderBy(x => x.SortOrder).ThenBy(x => x.Code).ToListAsync(cancellationToken);

    /// <summary>The index on each of the days (one, or a series), for the relationship or one track.</summary>
    public async Task<IReadOnlyList<IndexReading>> ReadAsync(IReadOnlyList<DateOnly> days, string? track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 0)
        {
            return [];
        }

        var facts = await db.IndexFactsAsync(days, track, cancellationToken);
        return [.. days.Select(day => InstitutionalizationIndex.Compute(facts, day))];
    }
}
