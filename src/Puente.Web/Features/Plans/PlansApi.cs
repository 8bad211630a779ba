using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Puente.Core.Plans;
using Puente.Data.Plans;
using Puente.Web.Api;

namespace Puente.Web.Features.Plans;

/// <summary>
/// <c>/api/v1/plans</c>: the readable plans, one plan with its recommendations, its scorecard as of a day and its trend by
/// quarter, its export (CSV or JSON, the import's format). <c>/api/v1/recommendations/{code}</c>: one recommendation with
/// its status history and what advances it; <c>POST …/status</c> (Editors) records a status change.
/// </summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapGet("/", ListAsync);
        plans.MapGet("/{id}", GetAsync);
        plans.MapGet("/{id}/scorecard", ScorecardAsync);
        plans.MapGet("/{id}/scorecard/trend", TrendAsync);
        plans.MapGet("/{id}/export", ExportAsync).Produces<string>(StatusCodes.Status200OK, "text/csv", "application/json");
        var recommendations = api.MapGroup("/recommendations").WithTags("Plans");
        recommendations.MapGet("/{id}", RecommendationAsync);
        recommendations.MapPost("/{id}/status", RecordStatusAsync).RequireAuthorization(Policies.Editors);
        return api;
    }

    private static async Task<Results<Ok<Paged<PlanDto>>, ValidationProblem>> ListAsync(PlanService plans, int? page, int? pageSize,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ApiResults.PagingProblem(page, pageSize, t) is { } problem)
        {
            return problem;
        }

        var (p, size) = (page ?? 1, pageSize ?? ApiResults.DefaultPageSize);
        var (items, total, counts) = await plans.ListAsync(p, size, ct);
        return TypedResults.Ok(new Paged<PlanDto>([.. items.Select(x => new PlanDto(x, CultureInfo.CurrentUICulture, counts.GetValueOrDefault(x.Id), null))], total, p, size));
    }

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> GetAsync(PlanService plans, string id, CancellationToken ct)
    {
        if (await plans.FindAsync(id, ct) is not { } plan)
        {
            return ApiResults.NotFound();
        }

        var recommendations = await plans.RecommendationsAsync(plan, CultureInfo.CurrentUICulture, ct);
        return TypedResults.Ok(new PlanDto(plan, CultureInfo.CurrentUICulture, recommendations.Count, recommendations));
    }

    private static async Task<Results<Ok<ScorecardDto>, ValidationProblem, ProblemHttpResult>> ScorecardAsync(PlanService plans, string id, string? asOf,
        string? by, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (day, grouping) = plans.ParseScorecard(asOf, by, plans.Today, errors);
        if (errors.Any)
        {
            return ApiResults.Invalid(errors.ToDictionary(), t);
        }

        if (await plans.FindAsync(id, ct) is not { } plan)
        {
            return ApiResults.NotFound();
        }

        var (result, input) = await plans.ScorecardAsync(plan, day, grouping, ct);
        return TypedResults.Ok(new ScorecardDto(plan.Code, Name(plan), day, ScorecardText.Name(grouping), ScorecardText.Groups(result, input.TrackNames, t),
            ScorecardText.Totals(result)));
    }

    private static async Task<Results<Ok<ScorecardTrendDto>, ValidationProblem, ProblemHttpResult>> TrendAsync(PlanService plans, string id, string? from,
        string? to, string? by, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (start, end, grouping) = plans.ParseTrend(from, to, by, plans.Today, errors);
        if (errors.Any)
        {
            return ApiResults.Invalid(errors.ToDictionary(), t);
        }

        if (await plans.FindAsync(id, ct) is not { } plan)
        {
            return ApiResults.NotFound();
        }

        var (points, input) = await plans.TrendAsync(plan, start, end, grouping, ct);
        return TypedResults.Ok(new ScorecardTrendDto(plan.Code, Name(plan), start, end, ScorecardText.Name(grouping),
            [.. points.Select(p => new ScorecardPointDto(p.Quarter, p.AsOf, ScorecardText.Groups(p.Scorecard, input.TrackNames, t), ScorecardText.Totals(p.Scorecard)))]));
    }

    /// <summary>The plan in the import's format, as far as the reader may read it; a download.</summary>
    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(PlanService plans, PuenteDbContext db,
        string id, string? format, HttpResponse response, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var kind = PlanFileFormat.Csv;
        if (!string.IsNullOrWhiteSpace(format) && !Core.Text.EnumText.TryParse(format, out kind))
        {
            return ApiResults.Invalid("format", t["Export as csv or json."], t);
        }

        if (await plans.FindAsync(id, ct) is not { } plan)
        {
            return ApiResults.NotFound();
        }

        var file = await PlanFiles.ReadAsync(db, plan, ct);
        response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return TypedResults.File(PlanExport.Write(file, kind), PlanExport.ContentType(kind),
            plan.Code + (kind == PlanFileFormat.Csv ? ".csv" : ".json"));
    }

    private static async Task<Results<Ok<RecommendationDetailDto>, ProblemHttpResult>> RecommendationAsync(PlanService plans, string id, CancellationToken ct) =>
        await plans.FindRecommendationAsync(id, track: false, ct) is { } r
            ? TypedResults.Ok(await plans.DetailAsync(r, CultureInfo.CurrentUICulture, ct))
            : ApiResults.NotFound();

    private static async Task<Results<Created<RecommendationDetailDto>, ValidationProblem, ProblemHttpResult>> RecordStatusAsync(PlanService plans, string id,
        [FromBody] StatusChangeInput input, HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await plans.FindRecommendationAsync(id, track: true, ct) is not { } recommendation)
        {
            return ApiResults.NotFound();
        }

        var errors = await plans.RecordStatusAsync(recommendation, input, ct);
        return errors.Any
            ? ApiResults.Invalid(errors.ToDictionary(), t)
            : TypedResults.Created($"{request.PathBase}/api/v1/recommendations/{recommendation.Code}", await plans.DetailAsync(recommendation, CultureInfo.CurrentUICulture, ct));
    }

    private static string Name(Plan plan) => Core.Localization.Bilingual.Pick(plan.NameEn, plan.NameEs, CultureInfo.CurrentUICulture);
}
