using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Puente.Core.Memory;
using Puente.Web.Api;

namespace Puente.Web.Features.Engagements;

/// <summary>
/// <c>/api/v1/engagements</c>: the filtered list, one engagement with its participants and attachments, its history;
/// writes and attachment uploads for Editors; downloads for whoever can read the engagement. Also
/// <c>/api/v1/mechanisms/{code}/sessions</c>.
/// </summary>
public static class EngagementsApi
{
    /// <summary>The upload limit: the largest attachment and a little room.</summary>
    public const long UploadLimit = AttachmentTypes.MaxBytes + 64 * 1024;

    public static IEndpointRouteBuilder MapEngagementsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/engagements").WithTags("Engagements");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapGet("/{id}/history", RecordRoutes<Engagement, EngagementInput, EngagementDto>.HistoryAsync);
        group.MapGet("/{id}/attachments/{attachmentId:guid}", DownloadAsync).Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream");
        var writes = group.MapGroup("").RequireAuthorization(Policies.Editors);
        writes.MapPost("/", CreateAsync);
        writes.MapPut("/{id}", UpdateAsync);
        writes.MapPost("/{id}/attachments", UploadAsync).WithMetadata(new RequestSizeLimitAttribute(UploadLimit));
        writes.MapDelete("/{id}/attachments/{attachmentId:guid}", DetachAsync);
        api.MapGroup("/mechanisms").WithTags("Mechanisms").MapGet("/{id}/sessions", SessionsAsync);
        return api;
    }

    private static async Task<Results<Ok<Paged<EngagementDto>>, ValidationProblem>> ListAsync(EngagementService engagements,
        [AsParameters] EngagementFilter filter, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ApiResults.PagingProblem(filter.Page, filter.PageSize, t) is { } problem)
        {
            return problem;
        }

        var errors = await engagements.PrepareAsync(filter, ct);
        if (errors.Any)
        {
            return ApiResults.Invalid(errors.ToDictionary(), t);
        }

        var (page, size) = (filter.Page ?? 1, filter.PageSize ?? ApiResults.DefaultPageSize);
        var (items, total) = await engagements.SearchAsync(filter, page, size, ct);
        return TypedResults.Ok(new Paged<EngagementDto>([.. items.Select(e => new EngagementDto(e, CultureInfo.CurrentUICulture, null, null))], total, page, size));
    }

    private static async Task<Results<Ok<EngagementDto>, ProblemHttpResult>> GetAsync(EngagementService engagements, string id, HttpRequest request,
        CancellationToken ct) =>
        await engagements.FindAsync(id, track: false, ct) is { } e ? TypedResults.Ok(await FullAsync(engagements, e, request, ct)) : ApiResults.NotFound();

    internal static async Task<EngagementDto> FullAsync(EngagementService engagements, Engagement e, HttpRequest request, CancellationToken ct) =>
        new(e, CultureInfo.CurrentUICulture, await engagements.ParticipantsAsync(e, CultureInfo.CurrentUICulture, ct),
            await engagements.AttachmentsAsync(e, request.PathBase, ct));

    private static async Task<Results<Created<EngagementDto>, ValidationProblem>> CreateAsync(EngagementService engagements, [FromBody] EngagementInput input,
        HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (e, errors) = await engagements.SaveEngagementAsync(input, null, ct);
        return e is null
            ? ApiResults.Invalid(errors.ToDictionary(), t)
            : TypedResults.Created($"{request.PathBase}/api/v1/engagements/{e.Id}", await FullAsync(engagements, e, request, ct));
    }

    private static async Task<Results<Ok<EngagementDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(EngagementService engagements, string id,
        [FromBody] EngagementInput input, HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var existing = await engagements.FindAsync(id, track: true, ct);
        if (existing is null)
        {
            return ApiResults.NotFound();
        }

        var (e, errors) = await engagements.SaveEngagementAsync(input, existing, ct);
        return e is null ? ApiResults.Invalid(errors.ToDictionary(), t) : TypedResults.Ok(await FullAsync(engagements, e, request, ct));
    }

    /// <summary>The file is the raw request body; its name comes in <c>fileName</c>. Its type is found from its content.</summary>
    private static async Task<Results<Created<AttachmentDto>, ValidationProblem, ProblemHttpResult>> UploadAsync(EngagementService engagements, string id,
        [FromQuery] string? fileName, HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await engagements.FindAsync(id, track: false, ct) is not { } e)
        {
            return ApiResults.NotFound();
        }

        var (attachment, problem) = await engagements.AttachAsync(e, fileName, request.Body, ct);
        if (attachment is null)
        {
            return ApiResults.Invalid("file", problem!, t);
        }

        var dto = (await engagements.AttachmentsAsync(e, request.PathBase, ct)).First(a => a.Id == attachment.Id);
        return TypedResults.Created(dto.Url, dto);
    }

    /// <summary>A download, never shown inline: the browser must not render or sniff it.</summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(EngagementService engagements, Guid id,
        Guid attachmentId, HttpResponse response, CancellationToken ct)
    {
        if (await engagements.DownloadAsync(id, attachmentId, ct) is not { } file)
        {
            return ApiResults.NotFound();
        }

        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return TypedResults.File(file.Data, AttachmentTypes.ContentType(file.Attachment.Type), file.Attachment.FileName);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DetachAsync(EngagementService engagements, Guid id, Guid attachmentId,
        CancellationToken ct) =>
        await engagements.DetachAsync(id, attachmentId, ct) ? TypedResults.NoContent() : ApiResults.NotFound();

    private static async Task<Results<Ok<ItemList<EngagementDto>>, ProblemHttpResult>> SessionsAsync(EngagementService engagements,
        Mechanisms.MechanismService mechanisms, string id, CancellationToken ct)
    {
        if (await mechanisms.FindAsync(id, track: false, ct) is not { } mechanism)
        {
            return ApiResults.NotFound();
        }

        var sessions = await engagements.SessionsAsync(mechanism.Id, ct);
        return TypedResults.Ok(new ItemList<EngagementDto>([.. sessions.Select(e => new EngagementDto(e, CultureInfo.CurrentUICulture, null, null))], sessions.Count));
    }
}
