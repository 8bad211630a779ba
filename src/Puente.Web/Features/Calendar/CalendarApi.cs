using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Localization;
using Puente.Web.Api;

namespace Puente.Web.Features.Calendar;

/// <summary>
/// <c>/api/v1/follows</c> (the caller's own follows) and <c>/api/v1/calendar</c> (the caller's feed secret: renew, revoke),
/// for any signed-in user: they change only the caller's own follows and feed, never a record. And the feed itself,
/// <c>GET /calendar/{secret}.ics</c>, anonymous: the secret is the credential (docs/decisions/0053-calendar-feeds.md).
/// </summary>
public static class CalendarApi
{
    /// <summary>The feed's path before the secret: the logging filter hides what follows it.</summary>
    public const string FeedPathPrefix = "/calendar/";

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder api)
    {
        var follows = api.MapGroup("/follows").WithTags("Calendar");
        follows.MapGet("/", ListAsync);
        follows.MapPost("/", FollowAsync);
        follows.MapDelete("/{type}/{id:guid}", UnfollowAsync);

        var calendar = api.MapGroup("/calendar").WithTags("Calendar");
        calendar.MapGet("/", StatusAsync);
        calendar.MapPost("/renew", RenewAsync);
        calendar.MapDelete("/", RevokeAsync);
        return api;
    }

    /// <summary>The anonymous feed. Not in the OpenAPI document: calendar clients, not API clients, read it.</summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet(FeedPathPrefix + "{secret}.ics", FeedAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>One follow; <c>title</c> and <c>url</c> are null when its subject can no longer be read.</summary>
    public sealed record FollowDto(string Type, Guid Id, string? Code, string? Title, string? Url, DateTimeOffset Created);

    /// <summary>What to follow: <c>type</c> (engagement, commitment, mechanism, post, person, issue) and its id or code.</summary>
    public sealed record FollowInput(string? Type, string? Id);

    /// <summary>Whether the caller has a feed, since when, and in which language (never its address: it is shown once).</summary>
    public sealed record FeedStatusDto(bool Active, DateTimeOffset? CreatedAt, string? Language);

    /// <summary>The new address of the caller's feed; the previous one no longer works. Shown only in this answer.</summary>
    public sealed record FeedUrlDto(string Url, string Language);

    private static FollowDto ToDto(FollowService.Item i) => new(i.Type.ToString(), i.Id, i.Code, i.Title, i.Url, i.Created);

    private static async Task<Ok<ItemList<FollowDto>>> ListAsync(FollowService follows, CancellationToken ct)
    {
        var items = (await follows.ListAsync(CultureInfo.CurrentUICulture, ct)).Select(ToDto).ToList();
        return TypedResults.Ok(new ItemList<FollowDto>(items, items.Count));
    }

    private static async Task<Results<Created<FollowDto>, ValidationProblem, ProblemHttpResult>> FollowAsync(
        [FromBody] FollowInput input, FollowService follows, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!FollowService.TryParseType(input.Type, out var type))
        {
            return ApiResults.Invalid("type", t["Follow one of: engagement, commitment, mechanism, post, person, issue."], t);
        }

        if (input.Id?.Trim() is not { Length: > 0 and <= 100 })
        {
            return ApiResults.Invalid("id", t["Give the id or code of what to follow (at most 100 characters)."], t);
        }

        var (outcome, id) = await follows.AddAsync(type, input.Id!.Trim(), ct);
        return outcome switch
        {
            FollowService.Outcome.NotFound => ApiResults.NotFound(),
            FollowService.Outcome.AlreadyFollowed => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: t["You already follow this."]),
            FollowService.Outcome.TooMany => ApiResults.Invalid("id", t["You can follow at most {0} records. Stop following some first.", Data.Calendar.Follow.MaxPerUser], t),
            _ => TypedResults.Created("/api/v1/follows",
                ToDto((await follows.ListAsync(CultureInfo.CurrentUICulture, ct)).First(i => i.Type == type && i.Id == id))),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnfollowAsync(string type, Guid id, FollowService follows, CancellationToken ct) =>
        FollowService.TryParseType(type, out var subject) && await follows.RemoveAsync(subject, id, ct) ? TypedResults.NoContent() : ApiResults.NotFound();

    private static async Task<Ok<FeedStatusDto>> StatusAsync(CalendarFeedService feeds, CancellationToken ct) =>
        TypedResults.Ok(await feeds.StatusAsync(ct) is { } s ? new FeedStatusDto(true, s.CreatedAt, s.Language) : new FeedStatusDto(false, null, null));

    private static async Task<Ok<FeedUrlDto>> RenewAsync(CalendarFeedService feeds, HttpRequest request, CancellationToken ct)
    {
        var language = Language(CultureInfo.CurrentUICulture);
        var secret = await feeds.RenewAsync(language, ct);
        return TypedResults.Ok(new FeedUrlDto(FeedUrl(request, secret), language));
    }

    private static async Task<NoContent> RevokeAsync(CalendarFeedService feeds, CancellationToken ct)
    {
        await feeds.RevokeAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>"en" or "es" for a culture.</summary>
    public static string Language(CultureInfo culture) => Bilingual.IsSpanish(culture) ? "es" : "en";

    /// <summary>The feed's absolute address for a secret.</summary>
    public static string FeedUrl(HttpRequest request, string secret) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{FeedPathPrefix}{secret}.ics";

    private static async Task<IResult> FeedAsync(string secret, string? lang, HttpContext context, CalendarFeedService feeds,
        IStringLocalizer<SharedResource> t, TimeProvider time, CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "private, no-store";
        if (await feeds.AccountAsync(secret, ct) is not { } account)
        {
            return TypedResults.NotFound();
        }

        var language = PuenteCultures.Map(lang is { Length: <= 10 } ? lang : null) ?? PuenteCultures.Map(account.Language) ?? PuenteCultures.English;
        var culture = CultureInfo.GetCultureInfo(language);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        var items = await feeds.ItemsAsync(account, ct);
        var request = context.Request;
        var site = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        var ics = CalendarFeedWriter.Write(items, site, time.GetUtcNow().UtcDateTime.AddDays(-CalendarFeedService.PastDays), t, culture);
        return TypedResults.Text(ics, "text/calendar; charset=utf-8");
    }
}
