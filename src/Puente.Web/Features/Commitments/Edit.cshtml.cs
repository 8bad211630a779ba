using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Commitments;

namespace Puente.Web.Features.Commitments;

/// <summary>
/// Creates or edits a commitment. <c>?engagement=CODE</c> on a new one fills in where it was made (the engagement page's
/// "Record a commitment" link). Issues and recommendations are typed as codes separated by commas.
/// </summary>
[Authorize(Policy = Policies.Editors)]
public sealed class EditModel(CommitmentService commitments, PuenteDbContext db, IStringLocalizer<SharedResource> t)
    : RecordEditModel<Commitment, CommitmentInput>(commitments, db, t)
{
    [BindProperty]
    public string? IssuesText { get; set; }

    [BindProperty]
    public string? RecommendationsText { get; set; }

    public List<Mechanism> Mechanisms { get; private set; } = [];

    public static IReadOnlyList<string> Instruments => CommitmentService.WaterInstruments;

    protected override string ListPath => "/Commitments";

    protected override CommitmentInput NewInput() => new() { Engagement = Request.Query["engagement"].FirstOrDefault() };

    protected override CommitmentInput InputFrom(Commitment record, IReadOnlyList<string> grants) => CommitmentInput.From(record, grants);

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Mechanisms = await Db.Mechanisms.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct);

    protected override void AfterLoad()
    {
        IssuesText = string.Join(", ", Input.Issues ?? []);
        RecommendationsText = string.Join(", ", Input.Recommendations ?? []);
    }

    protected override void BeforeSave()
    {
        Input.Issues = RecordFormModel.SplitList(IssuesText);
        Input.Recommendations = RecordFormModel.SplitList(RecommendationsText);
    }

    protected override Task<(Commitment? Record, FieldErrors Errors)> SaveAsync(CommitmentInput input, Commitment? existing, CancellationToken ct) =>
        commitments.SaveCommitmentAsync(input, existing, ct);
}
