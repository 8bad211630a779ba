using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Puente.Web.Api;

namespace Puente.Web.Features.Alerts;

/// <summary>
/// <c>/api/v1/alerts</c>: the readable alerts (filtered, paged, newest first), one alert with its explanation, points and
/// playbook, and the lifecycle steps for Editors: <c>POST …/acknowledge</c>, <c>…/resolve</c>, <c>…/dismiss</c> (a
/// reason required). A step the alert's status does not allow, or one based on an older version, answers 409.
/// </summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/alerts").WithTags("Alerts");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        var writes = group.MapGroup("").RequireAuthorization(Policies.Editors);
        writes.MapPost("/{id}/acknowledge", AcknowledgeAsync);
        writes.MapPost("/{id}/resolve", ResolveAsync);
        writes.MapPost("/{id}/dismiss", DismissAsync);
        return api;
    }

    private static async Task<Results<Ok<Paged<AlertDto>>, ValidationProblem>> ListAsync(AlertService alerts, [AsParameters] AlertFilter filter,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ApiResults.PagingProblem(filter.Page, filter.PageSize, t) is { } problem)
        {
            return problem;
        }

        var (query, errors) = await alerts.ParseAsync(filter, ct);
        if (errors.Any)
        {
            return ApiResults.Invalid(errors.ToDictionary(), t);
        }

        var (page, size) = (filter.Page ?? 1, filter.PageSize ?? ApiResults.DefaultPageSize);
        var (items, total) = await alerts.ListAsync(query, page, size, bySeverity: false, CultureInfo.CurrentUICulture, ct);
        return TypedResults.Ok(new Paged<AlertDto>(items, total, page, size));
    }

    private static async Task<Results<Ok<AlertDetailDto>, ProblemHttpResult>> GetAsync(AlertService alerts, string id, CancellationToken ct) =>
        await alerts.FindAsync(id, track: false, ct) is { } alert
            ? TypedResults.Ok(await alerts.DetailAsync(alert, CultureInfo.CurrentUICulture, ct))
            : ApiResults.NotFound();

    /// <summary>Open → Acknowledged. The body is optional (<c>{"version"}</c>).</summary>
    private static Task<Results<Ok<AlertDetailDto>, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(AlertService alerts, string id,
        [FromBody] AlertStepInput? input, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        StepAsync(alerts, id, AlertStep.Acknowledge, input, t, ct);

    /// <summary>Open or Acknowledged → Resolved; <c>{"reason"}</c> optional.</summary>
    private static Task<Results<Ok<AlertDetailDto>, ValidationProblem, ProblemHttpResult>> ResolveAsync(AlertService alerts, string id,
        [FromBody] AlertStepInput? input, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        StepAsync(alerts, id, AlertStep.Resolve, input, t, ct);

    /// <summary>Open or Acknowledged → Dismissed (a false alarm); <c>{"reason"}</c> required.</summary>
    private static Task<Results<Ok<AlertDetailDto>, ValidationProblem, ProblemHttpResult>> DismissAsync(AlertService alerts, string id,
        [FromBody] AlertStepInput? input, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        StepAsync(alerts, id, AlertStep.Dismiss, input, t, ct);

    private static async Task<Results<Ok<AlertDetailDto>, ValidationProblem, ProblemHttpResult>> StepAsync(AlertService alerts, string id, AlertStep step,
        AlertStepInput? input, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await alerts.FindAsync(id, track: true, ct) is not { } alert)
        {
            return ApiResults.NotFound();
        }

        var outcome = await alerts.StepAsync(alert, step, input, ct);
        if (outcome.Errors.Any)
        {
            return ApiResults.Invalid(outcome.Errors.ToDictionary(), t);
        }

        return outcome.Conflict is { } conflict
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: conflict)
            : TypedResults.Ok(await alerts.DetailAsync(alert, CultureInfo.CurrentUICulture, ct));
    }
}
