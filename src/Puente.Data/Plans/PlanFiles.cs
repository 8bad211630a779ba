using Microsoft.EntityFrameworkCore;
using Puente.Core.Plans;

namespace Puente.Data.Plans;

/// <summary>A plan as its export holds it, read through the viewer's access: only the recommendations they may read.</summary>
public static class PlanFiles
{
    public static async Task<PlanFile> ReadAsync(PuenteDbContext db, Plan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var rows = await db.Recommendations.AsNoTracking().Where(r => r.PlanId == plan.Id)
            .Select(r => new { r.Code, r.Section, r.Number, r.Addressee, Track = r.Track == null ? null : r.Track.Code, r.IssueCodes, r.TextEn, r.TextEs })
            .Take(Plan.MaxRecommendations)
            .ToListAsync(cancellationToken);
        var header = new PlanHeader(plan.Code, plan.NameEn, plan.NameEs, plan.DescriptionEn, plan.DescriptionEs, plan.Confidentiality, plan.OwnerSide);
        return new PlanFile(header, [.. PlanExport.Ordered(rows.Select(r => new RecommendationRow(0, r.Code, r.Section ?? "", r.Number, r.Addressee, r.Track,
            r.IssueCodes.Split(',', StringSplitOptions.RemoveEmptyEntries), r.TextEn, r.TextEs)))]);
    }
}
