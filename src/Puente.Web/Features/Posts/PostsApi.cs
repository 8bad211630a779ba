using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Memory;
using Puente.Core.Text;
using Puente.Web.Api;

namespace Puente.Web.Features.Posts;

/// <summary>
/// <c>/api/v1/posts</c>: the routes every record type has, and who holds a post on a day, its counterparts that day,
/// its tenures; adding and removing tenures and counterpart links (Editors).
/// </summary>
public static class PostsApi
{
    public static IEndpointRouteBuilder MapPostsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/posts").WithTags("Posts").MapRecordRoutes<Post, PostInput, PostDto, PostFilter>();
        group.MapGet("/{id}/holder", HolderAsync);
        group.MapGet("/{id}/counterparts", CounterpartsAsync);
        group.MapGet("/{id}/tenures", TenuresAsync);
        var writes = group.MapGroup("").RequireAuthorization(Policies.Editors);
        writes.MapPost("/{id}/tenures", AddTenureAsync);
        writes.MapDelete("/{id}/tenures/{tenureId:guid}", RemoveTenureAsync);
        writes.MapPost("/{id}/counterparts", AddCounterpartAsync);
        writes.MapDelete("/{id}/counterparts/{linkId:guid}", RemoveCounterpartAsync);
        return api;
    }

    /// <summary>The day asked (<c>on</c>, YYYY-MM-DD), or today; null with a problem when it is not a date.</summary>
    internal static (DateOnly Day, ValidationProblem? Problem) Day(string? on, TimeProvider clock, IStringLocalizer t)
    {
        if (string.IsNullOrWhiteSpace(on))
        {
            return (DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), null);
        }

        return IsoDate.TryParse(on, out var day)
            ? (day, null)
            : (default, ApiResults.Invalid("on", t["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", on], t));
    }

    private static Task<Results<Ok<PostHolderResponse>, ValidationProblem, ProblemHttpResult>> HolderAsync(PostService posts, string id,
        [FromQuery] string? on, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        OnDayAsync(posts, id, on, clock, t, async (post, day) =>
            new PostHolderResponse(PostDto.From(post, CultureInfo.CurrentUICulture), day, await posts.HolderAsync(post.Id, day, ct)), ct);

    private static Task<Results<Ok<ItemList<CounterpartItem>>, ValidationProblem, ProblemHttpResult>> CounterpartsAsync(PostService posts, string id,
        [FromQuery] string? on, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        OnDayAsync(posts, id, on, clock, t, async (post, day) =>
        {
            var items = await posts.CounterpartsAsync(post.Id, day, CultureInfo.CurrentUICulture, ct);
            return new ItemList<CounterpartItem>(items, items.Count);
        }, ct);

    /// <summary>A question about a readable post on a day: 400 for a bad day, 404 for no such post, else the answer.</summary>
    private static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> OnDayAsync<T>(PostService posts, string id, string? on,
        TimeProvider clock, IStringLocalizer t, Func<Post, DateOnly, Task<T>> answer, CancellationToken ct)
    {
        var (day, problem) = Day(on, clock, t);
        if (problem is not null)
        {
            return problem;
        }

        return await posts.FindAsync(id, track: false, ct) is { } post ? TypedResults.Ok(await answer(post, day)) : ApiResults.NotFound();
    }

    private static async Task<Results<Ok<ItemList<TenureDto>>, ProblemHttpResult>> TenuresAsync(PostService posts, string id, CancellationToken ct)
    {
        if (await posts.FindAsync(id, track: false, ct) is not { } post)
        {
            return ApiResults.NotFound();
        }

        var items = await posts.TenuresOfPostAsync(post.Id, CultureInfo.CurrentUICulture, ct);
        return TypedResults.Ok(new ItemList<TenureDto>(items, items.Count));
    }

    private static async Task<Results<Created<TenureDto>, ValidationProblem, ProblemHttpResult>> AddTenureAsync(PostService posts, string id,
        [FromBody] TenureInput input, HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await posts.FindAsync(id, track: false, ct) is not { } post)
        {
            return ApiResults.NotFound();
        }

        var (tenure, errors) = await posts.AddTenureAsync(post, input, ct);
        if (tenure is null)
        {
            return ApiResults.Invalid(errors.ToDictionary(), t);
        }

        var dto = (await posts.TenuresOfPostAsync(post.Id, CultureInfo.CurrentUICulture, ct)).First(x => x.Id == tenure.Id);
        return TypedResults.Created($"{request.PathBase}/api/v1/posts/{post.Code}/tenures/{tenure.Id}", dto);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveTenureAsync(PostService posts, string id, Guid tenureId, CancellationToken ct) =>
        await posts.FindAsync(id, track: false, ct) is { } post && await posts.RemoveTenureAsync(post, tenureId, ct)
            ? TypedResults.NoContent()
            : ApiResults.NotFound();

    private static async Task<Results<Created<CounterpartItem>, ValidationProblem, ProblemHttpResult>> AddCounterpartAsync(PostService posts, string id,
        [FromBody] CounterpartInput input, HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await posts.FindAsync(id, track: false, ct) is not { } post)
        {
            return ApiResults.NotFound();
        }

        var (link, errors) = await posts.AddCounterpartAsync(post, input, ct);
        if (link is null)
        {
            return ApiResults.Invalid(errors.ToDictionary(), t);
        }

        var other = (await posts.FindAsync(link.CounterpartId.ToString(), track: false, ct))!;
        var item = new CounterpartItem(PostDto.From(other, CultureInfo.CurrentUICulture), null, link.Id, link.From, link.To);
        return TypedResults.Created($"{request.PathBase}/api/v1/posts/{post.Code}/counterparts/{link.Id}", item);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveCounterpartAsync(PostService posts, string id, Guid linkId, CancellationToken ct) =>
        await posts.FindAsync(id, track: false, ct) is { } post && await posts.RemoveCounterpartAsync(post, linkId, ct)
            ? TypedResults.NoContent()
            : ApiResults.NotFound();
}
