using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Web.Api;

namespace Puente.Web.Features.SiteSearch;

/// <summary>
/// <c>GET /api/v1/search?q=&amp;type=&amp;page=</c>: readable records matching every word of <c>q</c> (accents and case do
/// not matter; each language's stemming), best first, 20 a page, with their total and counts by type. A record the
/// caller cannot read is neither listed nor counted. Bad input answers 400 naming the field (docs/decisions/0049-search.md).
/// </summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/search").WithTags("Search").MapGet("/", SearchAsync);
        return api;
    }

    private static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchAsync(SearchService search, string? q, string? type, string? page,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var outcome = await search.SearchAsync(q, type, page, ct);
        return outcome.Response is { } response ? TypedResults.Ok(response) : ApiResults.Invalid(outcome.Errors, t);
    }
}
