using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Warning;

namespace Puente.Web.Features.Indicators;

/// <summary>
/// Creates (<c>/Indicators/New</c>) or edits (<c>/Indicators/{code}/Edit</c>) an indicator's description: names, unit,
/// frequency, concern, source, owner post, agenda issue, detector settings and access. Values are not edited here.
/// </summary>
[Authorize(Policy = Policies.Editors)]
public sealed class EditModel(IndicatorService indicators, PuenteDbContext db, IStringLocalizer<SharedResource> t)
    : RecordEditModel<Indicator, IndicatorInput>(indicators, db, t)
{
    /// <summary>The readable agenda issues (the issue's choices).</summary>
    public List<AgendaIssue> Issues { get; private set; } = [];

    protected override string ListPath => "/Indicators";

    protected override string DetailsPath(Guid id) => $"/Indicators/{id}";

    protected override IndicatorInput NewInput() => new() { Frequency = nameof(IndicatorFrequency.Month), Concern = nameof(Concern.Up) };

    protected override IndicatorInput InputFrom(Indicator record, IReadOnlyList<string> grants) => IndicatorInput.From(record, grants);

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Issues = await Db.AgendaIssues.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
}
