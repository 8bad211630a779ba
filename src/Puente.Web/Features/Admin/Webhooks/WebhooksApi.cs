using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Puente.Web.Api;

namespace Puente.Web.Features.Admin.Webhooks;

/// <summary>
/// <c>/api/v1/webhooks</c>: the administrators' webhook subscriptions of their side (docs/webhooks.md). Every route is
/// for administrators (others get 403); another side's subscriptions and their logs are not found (404).
/// </summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Administrators);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapGet("/{id:guid}/deliveries", DeliveriesAsync);
        group.MapPost("/", CreateAsync);
        group.MapPost("/{id:guid}/rotate", RotateAsync);
        group.MapPost("/{id:guid}/enable", (WebhookService hooks, Guid id, CancellationToken ct) => SetEnabledAsync(hooks, id, true, ct));
        group.MapPost("/{id:guid}/disable", (WebhookService hooks, Guid id, CancellationToken ct) => SetEnabledAsync(hooks, id, false, ct));
        group.MapDelete("/{id:guid}", DeleteAsync);
        return api;
    }

    private static async Task<Ok<ItemList<WebhookDto>>> ListAsync(WebhookService hooks, CancellationToken ct)
    {
        var items = await hooks.ListAsync(ct);
        return TypedResults.Ok(new ItemList<WebhookDto>(items, items.Count));
    }

    private static async Task<Results<Ok<WebhookDto>, ProblemHttpResult>> GetAsync(WebhookService hooks, Guid id, CancellationToken ct) =>
        await hooks.FindAsync(id, track: false, ct) is { } s ? TypedResults.Ok(await hooks.DescribeAsync(s, null, ct)) : ApiResults.NotFound();

    /// <summary>201 with the subscription and its secret: the only answer that ever carries it.</summary>
    private static async Task<Results<Created<WebhookDto>, ValidationProblem>> CreateAsync(WebhookService hooks, [FromBody] WebhookInput input,
        HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (subscription, secret, errors) = await hooks.CreateAsync(input, ct);
        if (subscription is null)
        {
            return ApiResults.Invalid(errors.ToDictionary(), t);
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store"; // the secret: no cache keeps it
        return TypedResults.Created($"{request.PathBase}{request.Path.Value?.TrimEnd('/')}/{subscription.Id}", await hooks.DescribeAsync(subscription, secret, ct));
    }

    /// <summary>The delivery log, newest first.</summary>
    private static async Task<Results<Ok<Paged<WebhookAttemptDto>>, ValidationProblem, ProblemHttpResult>> DeliveriesAsync(WebhookService hooks, Guid id,
        int? page, int? pageSize, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ApiResults.PagingProblem(page, pageSize, t) is { } problem)
        {
            return problem;
        }

        if (await hooks.FindAsync(id, track: false, ct) is null)
        {
            return ApiResults.NotFound();
        }

        var (number, size) = (page ?? 1, pageSize ?? ApiResults.DefaultPageSize);
        var (items, total) = await hooks.AttemptsAsync(id, number, size, ct);
        return TypedResults.Ok(new Paged<WebhookAttemptDto>(items, total, number, size));
    }

    private static async Task<Results<Ok<WebhookSecretDto>, ProblemHttpResult>> RotateAsync(WebhookService hooks, Guid id, HttpResponse response, CancellationToken ct)
    {
        if (await hooks.FindAsync(id, track: true, ct) is not { } s)
        {
            return ApiResults.NotFound();
        }

        var secret = await hooks.RotateAsync(s, ct);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new WebhookSecretDto(s.Id, secret, s.SecretCreatedAt));
    }

    private static async Task<Results<Ok<WebhookDto>, ProblemHttpResult>> SetEnabledAsync(WebhookService hooks, Guid id, bool enabled, CancellationToken ct)
    {
        if (await hooks.FindAsync(id, track: true, ct) is not { } s)
        {
            return ApiResults.NotFound();
        }

        await hooks.SetEnabledAsync(s, enabled, ct);
        return TypedResults.Ok(await hooks.DescribeAsync(s, null, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(WebhookService hooks, Guid id, CancellationToken ct)
    {
        if (await hooks.FindAsync(id, track: true, ct) is not { } s)
        {
            return ApiResults.NotFound();
        }

        await hooks.DeleteAsync(s, ct);
        return TypedResults.NoContent();
    }
}
