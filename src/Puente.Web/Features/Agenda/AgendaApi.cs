using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Agenda;
using Puente.Web.Api;

namespace Puente.Web.Features.Agenda;

/// <summary>
/// <c>/api/v1/issues/{code}</c> (the issue with its owner, mechanisms, positions, convergence history and links; the
/// list is the catalog's <c>/api/v1/issues</c>), its writes for Editors (a position, an assessment, the owner, the
/// mechanisms), and <c>/api/v1/positions</c>: the readable positions, one position, its history, create and update.
/// </summary>
public static class AgendaApi
{
    public static IEndpointRouteBuilder MapAgendaApi(this IEndpointRouteBuilder api)
    {
        var issues = api.MapGroup("/issues").WithTags("Agenda");
        issues.MapGet("/{code}", GetIssueAsync);
        var issueWrites = issues.MapGroup("").RequireAuthorization(Policies.Editors);
        issueWrites.MapPost("/{code}/positions", AddPositionAsync);
        issueWrites.MapPost("/{code}/convergence", AddConvergenceAsync);
        issueWrites.MapPut("/{code}/owner", SetOwnerAsync);
        issueWrites.MapPut("/{code}/mechanisms", SetMechanismsAsync);

        var positions = api.MapGroup("/positions").WithTags("Agenda");
        positions.MapGet("/", RecordRoutes<IssuePosition, PositionInput, PositionDto>.ListAsync<PositionFilter>);
        positions.MapGet("/{id}", RecordRoutes<IssuePosition, PositionInput, PositionDto>.GetAsync);
        positions.MapGet("/{id}/history", RecordRoutes<IssuePosition, PositionInput, PositionDto>.HistoryAsync);
        var positionWrites = positions.MapGroup("").RequireAuthorization(Policies.Editors);
        positionWrites.MapPost("/", CreatePositionAsync);
        positionWrites.MapPut("/{id}", UpdatePositionAsync);
        return api;
    }

    private static async Task<Results<Ok<IssueDetailsDto>, ProblemHttpResult>> GetIssueAsync(AgendaService agenda, string code, CancellationToken ct) =>
        await agenda.FindAsync(code, track: false, ct) is { } issue
            ? TypedResults.Ok((await agenda.ViewAsync(issue, CultureInfo.CurrentUICulture, ct)).ToDto(CultureInfo.CurrentUICulture))
            : ApiResults.NotFound();

    /// <summary>A position on the issue in the route (the body's <c>issue</c> is ignored); 201 with the position.</summary>
    private static async Task<Results<Created<PositionDto>, ValidationProblem, ProblemHttpResult>> AddPositionAsync(AgendaService agenda, PositionService positions,
        string code, [FromBody] PositionInput input, HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await agenda.FindAsync(code, track: false, ct) is not { } issue)
        {
            return ApiResults.NotFound();
        }

        input.Issue = issue.Code;
        return await CreatedAsync(positions, input, request, t, ct);
    }

    private static async Task<Results<Created<PositionDto>, ValidationProblem, ProblemHttpResult>> CreatePositionAsync(PositionService positions,
        [FromBody] PositionInput input, HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await CreatedAsync(positions, input, request, t, ct);

    private static async Task<Results<Created<PositionDto>, ValidationProblem, ProblemHttpResult>> CreatedAsync(PositionService positions, PositionInput input,
        HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (p, errors) = await positions.SavePositionAsync(input, null, ct);
        return p is null
            ? ApiResults.Invalid(errors.ToDictionary(), t)
            : TypedResults.Created($"{request.PathBase}/api/v1/positions/{p.Id}", PositionDto.From(p, CultureInfo.CurrentUICulture));
    }

    private static async Task<Results<Ok<PositionDto>, ValidationProblem, ProblemHttpResult>> UpdatePositionAsync(PositionService positions, string id,
        [FromBody] PositionInput input, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var existing = await positions.FindAsync(id, track: true, ct);
        if (existing is null)
        {
            return ApiResults.NotFound();
        }

        var (p, errors) = await positions.SavePositionAsync(input, existing, ct);
        return p is null ? ApiResults.Invalid(errors.ToDictionary(), t) : TypedResults.Ok(PositionDto.From(p, CultureInfo.CurrentUICulture));
    }

    /// <summary>Adds a dated assessment; 201 with it.</summary>
    private static async Task<Results<Created<ConvergenceDto>, ValidationProblem, ProblemHttpResult>> AddConvergenceAsync(AgendaService agenda, string code,
        [FromBody] ConvergenceInput input, HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await agenda.FindAsync(code, track: false, ct) is not { } issue)
        {
            return ApiResults.NotFound();
        }

        var (assessment, errors) = await agenda.AddConvergenceAsync(issue, input, ct);
        return assessment is null
            ? ApiResults.Invalid(errors.ToDictionary(), t)
            : TypedResults.Created($"{request.PathBase}/api/v1/issues/{issue.Code}", ConvergenceDto.From(assessment, CultureInfo.CurrentUICulture));
    }

    /// <summary>Sets the owner post (<c>{"post": "CODE"}</c>) or clears it (<c>{"post": null}</c>); 200 with the issue.</summary>
    private static Task<Results<Ok<IssueDetailsDto>, ValidationProblem, ProblemHttpResult>> SetOwnerAsync(AgendaService agenda, string code,
        [FromBody] OwnerInput input, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        AssignAsync(agenda, code, input, null, t, ct);

    /// <summary>Replaces the mechanisms (<c>{"mechanisms": ["HLED", "BNC"]}</c>); 200 with the issue.</summary>
    private static Task<Results<Ok<IssueDetailsDto>, ValidationProblem, ProblemHttpResult>> SetMechanismsAsync(AgendaService agenda, string code,
        [FromBody] MechanismsInput input, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        AssignAsync(agenda, code, null, input, t, ct);

    private static async Task<Results<Ok<IssueDetailsDto>, ValidationProblem, ProblemHttpResult>> AssignAsync(AgendaService agenda, string code,
        OwnerInput? owner, MechanismsInput? mechanisms, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await agenda.FindAsync(code, track: true, ct) is not { } issue)
        {
            return ApiResults.NotFound();
        }

        var errors = await agenda.AssignAsync(issue, owner, mechanisms, ct);
        return errors.Any
            ? ApiResults.Invalid(errors.ToDictionary(), t)
            : TypedResults.Ok((await agenda.ViewAsync(issue, CultureInfo.CurrentUICulture, ct)).ToDto(CultureInfo.CurrentUICulture));
    }
}
