using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Puente.Web.Api;
using Puente.Web.Features.Mechanisms;

namespace Puente.Web.Features.Health;

/// <summary>
/// <c>/api/v1/mechanisms/{code}/health?asOf=</c> and <c>/health/history?from=&amp;to=&amp;by=quarter</c>: a readable
/// mechanism's health on a day (today by default) and its status by quarter (decision 0046).
/// </summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/mechanisms").WithTags("Mechanisms");
        group.MapGet("/{id}/health", HealthAsync);
        group.MapGet("/{id}/health/history", HistoryAsync);
        return api;
    }

    private static async Task<Results<Ok<MechanismHealthResponse>, ValidationProblem, ProblemHttpResult>> HealthAsync(string id, [FromQuery] string? asOf,
        MechanismService mechanisms, MechanismHealthService health, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var day = HealthRequest.Day(asOf, "asOf", HealthRequest.Today(clock), errors, t);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors, t);
        }

        if (await mechanisms.FindAsync(id, track: false, ct) is not { } mechanism)
        {
            return ApiResults.NotFound();
        }

        return TypedResults.Ok(health.Response(mechanism, await health.AssessAsync(mechanism, day, ct)));
    }

    private static async Task<Results<Ok<HealthHistoryResponse>, ValidationProblem, ProblemHttpResult>> HistoryAsync(string id, [FromQuery] string? from,
        [FromQuery] string? to, [FromQuery] string? by, MechanismService mechanisms, MechanismHealthService health, TimeProvider clock,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (start, end) = HealthRequest.Series(from, to, by, HealthRequest.Today(clock), errors, t);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors, t);
        }

        if (await mechanisms.FindAsync(id, track: false, ct) is not { } mechanism)
        {
            return ApiResults.NotFound();
        }

        return TypedResults.Ok(new HealthHistoryResponse(mechanism.Code, start, end, "quarter", await health.HistoryAsync(mechanism, start, end, ct)));
    }
}
