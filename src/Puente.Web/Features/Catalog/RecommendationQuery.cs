using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Text;

namespace Puente.Web.Features.Catalog;

public static class RecommendationQuery
{
    /// <summary>The recommendations in paper order (section, then number), filtered.</summary>
    public static IQueryable<Recommendation> Filter(PuenteDbContext db, string? section, string? addressee, string? track, string? issue)
    {
        var query = db.Recommendations.AsNoTracking().Include(r => r.Track).Include(r => r.Plan).AsQueryable();
        if (!string.IsNullOrWhiteSpace(section))
        {
            var s = section.Trim();
            query = query.Where(r => r.Section == s);
        }

        if (EnumText.TryParse<Addressee>(addressee, out var a))
        {
            query = query.Where(r => r.Addressee == a);
        }

        if (!string.IsNullOrWhiteSpace(track))
        {
            var code = track.Trim().ToUpperInvariant();
            query = query.Where(r => r.Track != null && r.Track.Code == code);
        }

        if (!string.IsNullOrWhiteSpace(issue))
        {
            var code = "%" + Search.EscapeLike(issue.Trim().ToUpperInvariant()) + "%";
            query = query.Where(r => EF.Functions.Like("," + r.IssueCodes + ",", "%," + code.Trim('%') + ",%", "\\"));
        }

        return query.OrderBy(r => r.Code);
    }
}
