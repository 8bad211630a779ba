using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Agenda;
using Puente.Core.Catalog;

namespace Puente.Web.Features.Agenda.Positions;

/// <summary>
/// Writes the editor's own side's position on an issue (<c>?issue=CODE</c> on a new one). A new position is Internal to
/// that side unless the editor shares it; another side's position, or any position for binational (Joint) staff, is
/// refused with the reason on the form.
/// </summary>
[Authorize(Policy = Policies.Editors)]
public sealed class EditModel(PositionService positions, PuenteDbContext db, IStringLocalizer<SharedResource> t, TimeProvider time)
    : RecordEditModel<IssuePosition, PositionInput>(positions, db, t)
{
    public List<AgendaIssue> Issues { get; private set; } = [];

    /// <summary>The side the editor writes for; null for binational (Joint) staff, who write no position.</summary>
    public Side? WriterSide => Db.Viewer.Side is Side.MX or Side.US ? Db.Viewer.Side : null;

    protected override string ListPath => "/Positions";

    protected override PositionInput NewInput() => new()
    {
        Issue = Request.Query["issue"].FirstOrDefault(),
        Side = WriterSide?.ToString(),
        StatedOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Confidentiality = nameof(Confidentiality.Internal),
        OwnerSide = WriterSide?.ToString(),
    };

    protected override PositionInput InputFrom(IssuePosition record, IReadOnlyList<string> grants) => PositionInput.From(record, grants);

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Issues = AgendaOrder.Sort(await Db.AgendaIssues.AsNoTracking().ToListAsync(ct), i => i.Code, i => i.Section, i => i.EarlyCrisisRisk);

    /// <summary>Says before any typing when the editor may not write this position.</summary>
    protected override Task AfterLoadAsync(IssuePosition? record, CancellationToken ct)
    {
        if (WriterSide is null)
        {
            ModelState.AddModelError("Input.Side", Text(Core.Agenda.AgendaProblems.NoSideOfTheirOwn.With()));
        }
        else if (record is not null && record.Side != WriterSide)
        {
            ModelState.AddModelError("Input.Side", Text(Core.Agenda.AgendaProblems.OtherSide.With(WriterSide.Value.ToString(), record.Side.ToString())));
        }

        return Task.CompletedTask;
    }

    private string Text(Core.Text.Problem problem) => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>().Localize(problem);

    protected override Task<(IssuePosition? Record, FieldErrors Errors)> SaveAsync(PositionInput input, IssuePosition? existing, CancellationToken ct) =>
        positions.SavePositionAsync(input, existing, ct);
}
