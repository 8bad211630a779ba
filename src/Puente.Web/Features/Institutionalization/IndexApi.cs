using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Puente.Web.Api;
using Puente.Web.Features.Health;

namespace Puente.Web.Features.Institutionalization;

/// <summary>
/// <c>/api/v1/index/institutionalization</c>: the index on one day (<c>asOf</c>, today by default) or by quarter
/// (<c>from</c>, <c>to</c>, <c>by=quarter</c>), for the relationship or one <c>track</c> (docs/institutionalization-index.md).
/// </summary>
public static class IndexApi
{
    public static IEndpointRouteBuilder MapInstitutionalizationApi(this IEndpointRouteBuilder api)
    {
        // One route, two answers (issue 12's contract): the schema names the series, whose items are the one-day answer.
        api.MapGroup("/index").WithTags("Index").MapGet("/institutionalization", IndexAsync)
            .WithDescription("With asOf (or nothing): one IndexResponse. With from, to or by=quarter: an IndexSeriesResponse of one IndexResponse per quarter.");
        return api;
    }

    private static async Task<Results<Ok<IndexResponse>, Ok<IndexSeriesResponse>, ValidationProblem>> IndexAsync([FromQuery] string? asOf,
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? by, [FromQuery] string? track, InstitutionalizationService index,
        TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var today = HealthRequest.Today(clock);
        var series = !string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to) || !string.IsNullOrWhiteSpace(by);
        if (series && !string.IsNullOrWhiteSpace(asOf))
        {
            errors["asOf"] = [t["Give asOf for one day, or from, to and by for a series, not both."]];
        }

        var day = HealthRequest.Day(asOf, "asOf", today, errors, t);
        var (start, end) = series ? HealthRequest.Series(from, to, by, today, errors, t) : (day, day);
        string? trackCode = null;
        if (!string.IsNullOrWhiteSpace(track) && (trackCode = await index.TrackAsync(track, ct)) is null)
        {
            errors["track"] = [t["Unknown track '{0}'.", HealthRequest.Bounded(track)]];
        }

        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors, t);
        }

        if (!series)
        {
            return TypedResults.Ok(IndexResponse.From((await index.ReadAsync([day], trackCode, ct))[0], trackCode));
        }

        var readings = await index.ReadAsync(HealthRequest.Points(start, end), trackCode, ct);
        return TypedResults.Ok(new IndexSeriesResponse(start, end, "quarter", trackCode, [.. readings.Select(r => IndexResponse.From(r, trackCode))]));
    }
}
