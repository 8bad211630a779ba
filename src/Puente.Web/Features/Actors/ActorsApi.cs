using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Puente.Core.Catalog;
using Puente.Web.Api;
using Puente.Web.Features.Records;
using Puente.Web.Hosting;

namespace Puente.Web.Features.Actors;

/// <summary><c>/api/v1/actors</c>: the searchable list, and the routes every record type has.</summary>
public static class ActorsApi
{
    public static IEndpointRouteBuilder MapActorsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/actors").WithTags("Actors");
        group.MapGet("/", async Task<Results<Ok<Paged<ActorDto>>, ValidationProblem>> (ActorService actors, string? q, string? country, string? type,
            string? track, string? level, int? page, int? pageSize, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            if (ApiResults.PagingProblem(page, pageSize, t) is { } problem)
            {
                return problem;
            }

            var filter = new ActorFilter(q, country, type, track, level, page ?? 1, pageSize ?? ApiResults.DefaultPageSize);
            var (items, total) = await actors.SearchAsync(filter, ct);
            return TypedResults.Ok(new Paged<ActorDto>([.. items.Select(a => ActorDto.From(a, CultureInfo.CurrentUICulture))], total, filter.Page, filter.PageSize));
        });
        group.MapGet("/{id}", RecordRoutes<Actor, ActorInput, ActorDto>.GetAsync);
        group.MapGet("/{id}/history", RecordRoutes<Actor, ActorInput, ActorDto>.HistoryAsync);
        var writes = group.MapGroup("").RequireAuthorization(Policies.Editors);
        writes.MapPost("/", RecordRoutes<Actor, ActorInput, ActorDto>.CreateAsync);
        writes.MapPut("/{id}", RecordRoutes<Actor, ActorInput, ActorDto>.UpdateAsync);
        return api;
    }
}
