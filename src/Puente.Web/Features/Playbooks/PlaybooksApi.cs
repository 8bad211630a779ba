using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Warning;
using Puente.Web.Api;

namespace Puente.Web.Features.Playbooks;

/// <summary>
/// <c>/api/v1/playbooks</c>: the list (<c>?issue=&amp;indicator=&amp;mechanism=&amp;owner=&amp;q=</c>), one playbook with
/// its owner's holder today, its audit history; create and update for Editors.
/// </summary>
public static class PlaybooksApi
{
    public static IEndpointRouteBuilder MapPlaybooksApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/playbooks").WithTags("Playbooks");
        group.MapGet("/", RecordRoutes<Playbook, PlaybookInput, PlaybookDto>.ListAsync<PlaybookFilter>);
        group.MapGet("/{id}", GetAsync);
        group.MapGet("/{id}/history", RecordRoutes<Playbook, PlaybookInput, PlaybookDto>.HistoryAsync);
        var writes = group.MapGroup("").RequireAuthorization(Policies.Editors);
        writes.MapPost("/", CreateAsync);
        writes.MapPut("/{id}", UpdateAsync);
        return api;
    }

    private static async Task<Results<Ok<PlaybookDto>, ProblemHttpResult>> GetAsync(PlaybookService playbooks, string id, CancellationToken ct) =>
        await playbooks.FindAsync(id, track: false, ct) is { } p
            ? TypedResults.Ok(await playbooks.DetailsAsync(p, CultureInfo.CurrentUICulture, ct))
            : ApiResults.NotFound();

    private static async Task<Results<Created<PlaybookDto>, ValidationProblem>> CreateAsync(PlaybookService playbooks, [FromBody] PlaybookInput input,
        HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (p, errors) = await playbooks.SaveAsync(input, null, ct);
        return p is null
            ? ApiResults.Invalid(errors.ToDictionary(), t)
            : TypedResults.Created($"{request.PathBase}/api/v1/playbooks/{p.Id}", await playbooks.DetailsAsync(p, CultureInfo.CurrentUICulture, ct));
    }

    private static async Task<Results<Ok<PlaybookDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(PlaybookService playbooks, string id,
        [FromBody] PlaybookInput input, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var existing = await playbooks.FindAsync(id, track: true, ct);
        if (existing is null)
        {
            return ApiResults.NotFound();
        }

        var (p, errors) = await playbooks.SaveAsync(input, existing, ct);
        return p is null ? ApiResults.Invalid(errors.ToDictionary(), t) : TypedResults.Ok(await playbooks.DetailsAsync(p, CultureInfo.CurrentUICulture, ct));
    }
}
