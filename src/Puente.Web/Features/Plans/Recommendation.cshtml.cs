using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Localization;
using Puente.Core.Catalog;
using Puente.Core.Text;

namespace Puente.Web.Features.Plans;

/// <summary>
/// One recommendation: its text in the reader's language, its plan, its status history with the evidence (links to what
/// the reader may read), the commitments that name it and the engagements given as evidence; for Editors, the form that
/// records a status change (it posts to <see cref="RecordStatusModel"/>, which requires the Editors policy).
/// </summary>
public sealed class RecommendationModel(PlanService plans, PuenteDbContext db, TimeProvider time) : PageModel
{
    public Recommendation Record { get; private set; } = null!;
    public RecommendationDetailDto Detail { get; private set; } = null!;
    public List<HistoryDto> History { get; private set; } = [];

    /// <summary>Agenda issue names by code (codes without a readable issue are shown as codes).</summary>
    public Dictionary<string, string> IssueNames { get; private set; } = [];

    /// <summary>Shows the form; the page it posts to is authorized by policy.</summary>
    public bool CanEdit => Policies.AllowsWriting(User);

    /// <summary>The form's values: empty but for today's date in the reader's zone.</summary>
    public StatusChangeInput Input { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await plans.FindRecommendationAsync(code, track: false, ct) is not { } record)
        {
            return NotFound();
        }

        Record = record;
        Detail = await plans.DetailAsync(record, CultureInfo.CurrentUICulture, ct);
        History = await HistoryQuery.ForRecordAsync(db, record.Id, ct);
        var codes = Detail.Issues.ToList();
        IssueNames = (await db.AgendaIssues.AsNoTracking().Where(i => codes.Contains(i.Code)).Select(i => new { i.Code, i.NameEn, i.NameEs }).ToListAsync(ct))
            .ToDictionary(i => i.Code, i => Bilingual.Pick(i.NameEn, i.NameEs, CultureInfo.CurrentUICulture));
        Input.Status = record.Status.ToString();
        Input.Date = DateOnly.FromDateTime(ReaderTimeZone.From(Request).InZone(time.GetUtcNow().UtcDateTime).DateTime)
            .ToString(IsoDate.Format, CultureInfo.InvariantCulture);
        return Page();
    }
}
