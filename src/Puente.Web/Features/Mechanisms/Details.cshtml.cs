using Microsoft.AspNetCore.Mvc;
using Puente.Core.Catalog;
using Puente.Core.Memory;
using Puente.Web.Features.Engagements;
using Puente.Web.Features.Health;

namespace Puente.Web.Features.Mechanisms;

/// <summary>A mechanism, its health on a day (<c>asOf</c>, today by default) with its history by quarter, its sessions
/// (its engagements, oldest first) and the date of the last one.</summary>
public sealed class DetailsModel(MechanismService mechanisms, EngagementService engagements, MechanismHealthService health, TimeProvider clock,
    IStringLocalizer<SharedResource> t, PuenteDbContext db) : RecordDetailsModel<Mechanism, MechanismInput>(mechanisms, db)
{
    public List<Engagement> Sessions { get; private set; } = [];

    /// <summary>The latest recorded session; null when none is.</summary>
    public Engagement? LastSession => Sessions.Count == 0 ? null : Sessions[^1];

    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOf { get; set; }

    public HealthPanel Health { get; private set; } = null!;

    protected override async Task LoadAsync(Mechanism record, CancellationToken ct)
    {
        Sessions = await engagements.SessionsAsync(record.Id, ct);
        var today = HealthRequest.Today(clock);
        var errors = new Dictionary<string, string[]>();
        var asOf = HealthRequest.Day(AsOf, "asOf", today, errors, t);
        var assessment = await health.AssessAsync(record, asOf, ct);
        // The strip runs from the first session (or 2006, whichever is earlier) to the later of today and the day asked.
        var from = Sessions.Count > 0 && Sessions[0].StartDate < HealthRequest.SeriesStart ? Sessions[0].StartDate : HealthRequest.SeriesStart;
        var history = await health.HistoryAsync(record, from, asOf > today ? asOf : today, ct);
        Health = new HealthPanel(assessment, health.Explain(assessment.Status, record.Cadence, assessment.IntervalMonths), history, today,
            errors.GetValueOrDefault("asOf")?[0], AsOf);
    }
}
