using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Commitments;
using Puente.Core.Text;
using Puente.Web.Api;

namespace Puente.Web.Features.Commitments;

/// <summary>
/// <c>/api/v1/commitments</c>: the filtered ledger, one commitment with its status history, its audit history; writes
/// and status changes for Editors.
/// </summary>
public static class CommitmentsApi
{
    public static IEndpointRouteBuilder MapCommitmentsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/commitments").WithTags("Commitments");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapGet("/{id}/history", RecordRoutes<Commitment, CommitmentInput, CommitmentDto>.HistoryAsync);
        var writes = group.MapGroup("").RequireAuthorization(Policies.Editors);
        writes.MapPost("/", CreateAsync);
        writes.MapPut("/{id}", UpdateAsync);
        writes.MapPost("/{id}/status", StatusAsync);
        return api;
    }

    private static async Task<Results<Ok<Paged<CommitmentDto>>, ValidationProblem>> ListAsync(CommitmentService commitments,
        [AsParameters] CommitmentFilter filter, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ApiResults.PagingProblem(filter.Page, filter.PageSize, t) is { } problem)
        {
            return problem;
        }

        var errors = await commitments.PrepareAsync(filter, ct);
        if (errors.Any)
        {
            return ApiResults.Invalid(errors.ToDictionary(), t);
        }

        var (page, size) = (filter.Page ?? 1, filter.PageSize ?? ApiResults.DefaultPageSize);
        var (items, total) = await commitments.ListAsync(filter, page, size, CultureInfo.CurrentUICulture, ct);
        return TypedResults.Ok(new Paged<CommitmentDto>(items, total, page, size));
    }

    /// <summary>One commitment; <c>asOf</c> (default today) is the day its status and owners' holders are given for.</summary>
    private static async Task<Results<Ok<CommitmentDto>, ValidationProblem, ProblemHttpResult>> GetAsync(CommitmentService commitments, string id,
        [FromQuery] string? asOf, HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var day = commitments.Today;
        if (!string.IsNullOrWhiteSpace(asOf) && !IsoDate.TryParse(asOf, out day))
        {
            return ApiResults.Invalid("asOf", t["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", asOf], t);
        }

        return await commitments.FindAsync(id, track: false, ct) is { } c
            ? TypedResults.Ok(await commitments.DetailsAsync(c, day, CultureInfo.CurrentUICulture, request.PathBase, ct))
            : ApiResults.NotFound();
    }

    private static async Task<Results<Created<CommitmentDto>, ValidationProblem>> CreateAsync(CommitmentService commitments, [FromBody] CommitmentInput input,
        HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (c, errors) = await commitments.SaveCommitmentAsync(input, null, ct);
        return c is null
            ? ApiResults.Invalid(errors.ToDictionary(), t)
            : TypedResults.Created($"{request.PathBase}/api/v1/commitments/{c.Id}",
                await commitments.DetailsAsync(c, commitments.Today, CultureInfo.CurrentUICulture, request.PathBase, ct));
    }

    private static async Task<Results<Ok<CommitmentDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(CommitmentService commitments, string id,
        [FromBody] CommitmentInput input, HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var existing = await commitments.FindAsync(id, track: true, ct);
        if (existing is null)
        {
            return ApiResults.NotFound();
        }

        var (c, errors) = await commitments.SaveCommitmentAsync(input, existing, ct);
        return c is null
            ? ApiResults.Invalid(errors.ToDictionary(), t)
            : TypedResults.Ok(await commitments.DetailsAsync(c, commitments.Today, CultureInfo.CurrentUICulture, request.PathBase, ct));
    }

    /// <summary>Records a dated status change; answers 201 with the commitment and its history.</summary>
    private static async Task<Results<Created<CommitmentDto>, ValidationProblem, ProblemHttpResult>> StatusAsync(CommitmentService commitments, string id,
        [FromBody] StatusInput input, HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var existing = await commitments.FindAsync(id, track: true, ct);
        if (existing is null)
        {
            return ApiResults.NotFound();
        }

        var (change, errors) = await commitments.AddStatusAsync(existing, input, ct);
        return change is null
            ? ApiResults.Invalid(errors.ToDictionary(), t)
            : TypedResults.Created($"{request.PathBase}/api/v1/commitments/{existing.Id}",
                await commitments.DetailsAsync(existing, commitments.Today, CultureInfo.CurrentUICulture, request.PathBase, ct));
    }
}
