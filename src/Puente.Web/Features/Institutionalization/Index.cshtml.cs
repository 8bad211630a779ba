using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Puente.Core.Catalog;
using Puente.Core.Health;
using Puente.Web.Features.Health;

namespace Puente.Web.Features.Institutionalization;

/// <summary>The institutionalization index: its value on a day, its parts, its trend by quarter since 2006, for the
/// relationship or one track.</summary>
public sealed class IndexModel(InstitutionalizationService index, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOf { get; set; }

    [BindProperty(SupportsGet = true, Name = "track")]
    public string? Track { get; set; }

    public IndexReading Reading { get; private set; } = null!;
    public IReadOnlyList<IndexReading> Trend { get; private set; } = [];
    public List<Track> Tracks { get; private set; } = [];

    /// <summary>The track shown (null: the whole relationship).</summary>
    public Track? Selected { get; private set; }

    public Dictionary<string, string[]> Errors { get; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = HealthRequest.Today(clock);
        var asOf = HealthRequest.Day(AsOf, "asOf", Today, Errors, t);
        Tracks = await index.TracksAsync(ct);
        if (!string.IsNullOrWhiteSpace(Track))
        {
            var code = CatalogCode.Normalize(Track);
            Selected = Tracks.FirstOrDefault(x => x.Code == code);
            if (Selected is null)
            {
                Errors["track"] = [t["Unknown track '{0}'.", HealthRequest.Bounded(Track)]];
            }
        }

        // The trend runs from 2006 to today; the day asked is one more point (marked when it falls inside).
        var points = HealthRequest.Points(HealthRequest.SeriesStart, Today);
        var readings = await index.ReadAsync([.. points.Append(asOf).Distinct().Order()], Selected?.Code, ct);
        Reading = readings.First(r => r.AsOf == asOf);
        Trend = [.. readings.Where(r => points.Contains(r.AsOf))];
    }
}
