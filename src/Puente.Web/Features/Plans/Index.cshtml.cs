using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Plans;

namespace Puente.Web.Features.Plans;

/// <summary>The plans the reader may read, each with its recommendations counted by current status.</summary>
public sealed class IndexModel(PlanService plans, PuenteDbContext db) : PageModel
{
    public List<Plan> Plans { get; private set; } = [];

    /// <summary>Readable recommendations by plan and current status.</summary>
    public Dictionary<(Guid Plan, RecommendationStatus Status), int> Counts { get; private set; } = [];

    public int Total(Guid plan) => Counts.Where(c => c.Key.Plan == plan).Sum(c => c.Value);

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Plans, _, _) = await plans.ListAsync(1, PlanService.MaxPlans, ct);
        var ids = Plans.Select(p => p.Id).ToList();
        Counts = (await db.Recommendations.AsNoTracking().Where(r => r.PlanId != null && ids.Contains(r.PlanId.Value))
                .GroupBy(r => new { r.PlanId, r.Status }).Select(g => new { g.Key.PlanId, g.Key.Status, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => (x.PlanId!.Value, x.Status), x => x.Count);
    }
}
