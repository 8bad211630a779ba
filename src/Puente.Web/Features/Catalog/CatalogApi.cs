using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Records;
using Puente.Web.Api;

namespace Puente.Web.Features.Catalog;

/// <summary><c>/api/v1/tracks</c>, <c>/issues</c> (the list), <c>/administrations</c>, <c>/recommendations</c> (the list): the paper's catalog, read-only.</summary>
public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("").WithTags("Catalog");
        MapReadOnly(group, "/tracks", db => db.Tracks.AsNoTracking().OrderBy(x => x.SortOrder), TrackDto.From);
        // One issue, with its owner, positions and links, is the Agenda feature's (/issues/{code}).
        MapReadOnly(group, "/issues", db => db.AgendaIssues.AsNoTracking().OrderBy(x => x.Code), IssueDto.From, detail: false);
        MapReadOnly(group, "/administrations", db => db.Administrations.AsNoTracking().OrderBy(x => x.Country).ThenBy(x => x.TermStart), AdministrationDto.From);

        group.MapGet("/recommendations", async Task<Results<Ok<Paged<RecommendationDto>>, ValidationProblem>> (PuenteDbContext db, string? section,
            string? addressee, string? track, string? issue, int? page, int? pageSize, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            await ListAsync(RecommendationQuery.Filter(db, section, addressee, track, issue), page, pageSize, RecommendationDto.From, t, ct));
        // One recommendation, with its status history, is the Plans feature's (/recommendations/{code}).
        return api;
    }

    /// <summary>A paged list and a lookup by id or code of one catalog record type.</summary>
    private static void MapReadOnly<T, TDto>(RouteGroupBuilder group, string path, Func<PuenteDbContext, IQueryable<T>> query, Func<T, CultureInfo, TDto> toDto,
        bool detail = true)
        where T : ContentRecord
    {
        group.MapGet(path, async Task<Results<Ok<Paged<TDto>>, ValidationProblem>> (PuenteDbContext db, int? page, int? pageSize,
            IStringLocalizer<SharedResource> t, CancellationToken ct) => await ListAsync(query(db), page, pageSize, toDto, t, ct));
        if (!detail)
        {
            return;
        }

        group.MapGet(path + "/{id}", async Task<Results<Ok<TDto>, ProblemHttpResult>> (PuenteDbContext db, string id, CancellationToken ct) =>
            await RecordLookup.FindAsync(query(db), id, ct) is { } record ? TypedResults.Ok(toDto(record, CultureInfo.CurrentUICulture)) : ApiResults.NotFound());
    }

    private static async Task<Results<Ok<Paged<TDto>>, ValidationProblem>> ListAsync<T, TDto>(IQueryable<T> query, int? page, int? pageSize,
        Func<T, CultureInfo, TDto> toDto, IStringLocalizer t, CancellationToken ct)
    {
        if (ApiResults.PagingProblem(page, pageSize, t) is { } problem)
        {
            return problem;
        }

        var p = page ?? 1;
        var size = pageSize ?? ApiResults.DefaultPageSize;
        var total = await query.CountAsync(ct);
        var items = await query.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Paged<TDto>([.. items.Select(x => toDto(x, CultureInfo.CurrentUICulture))], total, p, size));
    }
}
