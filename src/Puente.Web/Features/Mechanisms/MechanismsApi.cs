using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Puente.Core.Catalog;
using Puente.Web.Api;
using Puente.Web.Features.Records;
using Puente.Web.Hosting;

namespace Puente.Web.Features.Mechanisms;

/// <summary><c>/api/v1/mechanisms</c>: the searchable list, and the routes every record type has.</summary>
public static class MechanismsApi
{
    public static IEndpointRouteBuilder MapMechanismsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/mechanisms").WithTags("Mechanisms");
        group.MapGet("/", async Task<Results<Ok<Paged<MechanismDto>>, ValidationProblem>> (MechanismService mechanisms, string? q, string? track,
            string? participant, string? cadence, int? page, int? pageSize, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            if (ApiResults.PagingProblem(page, pageSize, t) is { } problem)
            {
                return problem;
            }

            var filter = new MechanismFilter(q, track, participant, cadence, page ?? 1, pageSize ?? ApiResults.DefaultPageSize);
            var (items, total) = await mechanisms.SearchAsync(filter, ct);
            return TypedResults.Ok(new Paged<MechanismDto>([.. items.Select(m => MechanismDto.From(m, CultureInfo.CurrentUICulture))], total, filter.Page, filter.PageSize));
        });
        group.MapGet("/{id}", RecordRoutes<Mechanism, MechanismInput, MechanismDto>.GetAsync);
        group.MapGet("/{id}/history", RecordRoutes<Mechanism, MechanismInput, MechanismDto>.HistoryAsync);
        var writes = group.MapGroup("").RequireAuthorization(Policies.Editors);
        writes.MapPost("/", RecordRoutes<Mechanism, MechanismInput, MechanismDto>.CreateAsync);
        writes.MapPut("/{id}", RecordRoutes<Mechanism, MechanismInput, MechanismDto>.UpdateAsync);
        return api;
    }
}
