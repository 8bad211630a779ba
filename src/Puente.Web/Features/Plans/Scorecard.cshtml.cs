using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Core.Plans;
using Puente.Core.Text;
using Puente.Data.Plans;

namespace Puente.Web.Features.Plans;

/// <summary>
/// A plan's scorecard: counts by status as of a day (the reader's today by default), grouped by section, addressee or
/// track; a trend of the eight quarters up to that day; and every recommendation with its status that day. The export
/// (CSV or JSON, the import's format) is a download of what the reader may read.
/// </summary>
public sealed class ScorecardModel(PlanService plans, PuenteDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "asOf")] public string? AsOf { get; set; }
    [BindProperty(SupportsGet = true, Name = "by")] public string? By { get; set; }

    public Plan Plan { get; private set; } = null!;
    public DateOnly Day { get; private set; }
    public ScorecardGrouping Grouping { get; private set; }
    public IReadOnlyList<ScorecardGroupDto> Groups { get; private set; } = [];
    public ScorecardTotalsDto Totals { get; private set; } = null!;
    public IReadOnlyList<ScorecardPoint> Trend { get; private set; } = [];
    public List<PlanRecommendationDto> Recommendations { get; private set; } = [];
    public IReadOnlyDictionary<Guid, RecommendationStatus> StatusOn { get; private set; } = new Dictionary<Guid, RecommendationStatus>();
    public FieldErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await plans.FindAsync(code, ct) is not { } plan)
        {
            return NotFound();
        }

        Plan = plan;
        var today = DateOnly.FromDateTime(ReaderTimeZone.From(Request).InZone(time.GetUtcNow().UtcDateTime).DateTime);
        (Day, Grouping) = plans.ParseScorecard(AsOf, By, today, Errors);
        if (Errors.Any)
        {
            (Day, Grouping) = (today, ScorecardGrouping.Section);
        }

        var (result, input) = await plans.ScorecardAsync(plan, Day, Grouping, ct);
        Groups = ScorecardText.Groups(result, input.TrackNames, t);
        Totals = ScorecardText.Totals(result);
        StatusOn = result.StatusOf;
        Trend = Scorecard.Trend(input.Items, input.Changes, PlanService.DefaultFrom(Day), Day, Grouping, input.TrackOrder);
        Recommendations = await plans.RecommendationsAsync(plan, CultureInfo.CurrentUICulture, ct);
        return Page();
    }

    /// <summary>The plan in the import's format (<c>format</c>: csv or json), as far as the reader may read it.</summary>
    public async Task<IActionResult> OnGetExportAsync(string code, string? format, CancellationToken ct)
    {
        if (await plans.FindAsync(code, ct) is not { } plan)
        {
            return NotFound();
        }

        if (!EnumText.TryParse<PlanFileFormat>(format, out var kind))
        {
            kind = PlanFileFormat.Csv;
        }

        var file = await PlanFiles.ReadAsync(db, plan, ct);
        Response.Headers.CacheControl = "private, no-store";
        return File(PlanExport.Write(file, kind), PlanExport.ContentType(kind), plan.Code + (kind == PlanFileFormat.Csv ? ".csv" : ".json"));
    }

    public string Iso(DateOnly day) => day.ToString(IsoDate.Format, CultureInfo.InvariantCulture);
}
