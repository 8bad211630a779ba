using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Warning;

namespace Puente.Data.Warning;

/// <summary>
/// Which playbook answers a signal: the indicator's own playbook, else its agenda issue's (a playbook of the issue that
/// names no indicator); among several, the first by code. Only a playbook that every reader of the signal can read is
/// chosen (<see cref="Readership.ReadableByAllReadersOf"/>), so an alert never names a playbook hidden from some of
/// its readers; an Internal alert may name its side's Internal playbook.
/// </summary>
public static class PlaybookChoice
{
    /// <summary>
    /// The playbook for a signal of <paramref name="indicatorId"/> and/or <paramref name="issueCode"/>, read by
    /// <paramref name="db"/>'s viewer (the system viewer for detector runs) and open to all readers of a record with
    /// <paramref name="confidentiality"/> and <paramref name="side"/> (the alert's); null when none fits.
    /// </summary>
    public static async Task<Playbook?> ForSignalAsync(PuenteDbContext db, Guid? indicatorId, string? issueCode, Confidentiality confidentiality, Side side,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (indicatorId is null && string.IsNullOrWhiteSpace(issueCode))
        {
            return null;
        }

        var issue = issueCode?.Trim().ToUpperInvariant();
        var candidates = await db.Set<Playbook>().AsNoTracking()
            .Where(p => (indicatorId != null && p.IndicatorId == indicatorId) || (issue != null && p.IndicatorId == null && p.IssueCode == issue))
            .OrderBy(p => p.Code).Take(100).ToListAsync(cancellationToken);
        return candidates.Where(p => Readership.ReadableByAllReadersOf(p.Confidentiality, p.OwnerSide, confidentiality, side))
            .OrderBy(p => indicatorId != null && p.IndicatorId == indicatorId ? 0 : 1)
            .FirstOrDefault();
    }
}
