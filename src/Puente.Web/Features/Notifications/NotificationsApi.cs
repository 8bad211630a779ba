using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Web.Api;

namespace Puente.Web.Features.Notifications;

/// <summary>
/// <c>/api/v1/notifications</c>: the caller's own notifications, rendered through their access (what they cannot read
/// is not listed), newest first; marking one, or all, read. Any signed-in user: these change only the caller's own
/// notifications, not records.
/// </summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:guid}/read", MarkReadAsync);
        group.MapPost("/read", MarkAllReadAsync);
        return api;
    }

    /// <summary>One notification: what its record's source says about it in the request language.</summary>
    public sealed record NotificationDto(Guid Id, string Kind, Guid RecordId, string Occasion, string Title, string Url, DateTimeOffset Created, bool Read);

    /// <summary>How many were marked read.</summary>
    public sealed record MarkedRead(int Marked);

    private static async Task<Ok<ItemList<NotificationDto>>> ListAsync(NotificationFeed feed, bool? unread, CancellationToken ct)
    {
        var items = (await feed.ListAsync(unread == true, ct))
            .Select(n => new NotificationDto(n.Id, n.Kind, n.RecordId, n.Occasion, n.Title, n.Url, n.Created, n.Read)).ToList();
        return TypedResults.Ok(new ItemList<NotificationDto>(items, items.Count));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkReadAsync(NotificationFeed feed, Guid id, CancellationToken ct) =>
        await feed.MarkReadAsync(id, ct) ? TypedResults.NoContent() : ApiResults.NotFound();

    private static async Task<Ok<MarkedRead>> MarkAllReadAsync(NotificationFeed feed, CancellationToken ct) =>
        TypedResults.Ok(new MarkedRead(await feed.MarkAllReadAsync(ct)));
}
