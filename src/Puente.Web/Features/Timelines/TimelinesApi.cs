using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Puente.Core.Text;
using Puente.Web.Api;
using Puente.Web.Features.Engagements;

namespace Puente.Web.Features.Timelines;

/// <summary><c>/api/v1/timelines/{actor|person|post|mechanism|issue}/{id or code}</c>: a subject's engagements, oldest
/// first, with the engagement list's filters (<c>from</c>, <c>to</c>, <c>kind</c>, paging).</summary>
public static class TimelinesApi
{
    public static IEndpointRouteBuilder MapTimelinesApi(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/timelines").WithTags("Timelines").MapGet("/{subject}/{id}", TimelineAsync);
        return api;
    }

    private static async Task<Results<Ok<TimelineResponse>, ValidationProblem, ProblemHttpResult>> TimelineAsync(TimelineService timelines,
        string subject, string id, [AsParameters] EngagementFilter filter, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!EnumText.TryParse<TimelineSubject>(subject, out var kind))
        {
            return ApiResults.Invalid("subject", t["A timeline is of an actor, person, post, mechanism or issue."], t);
        }

        if (ApiResults.PagingProblem(filter.Page, filter.PageSize, t) is { } problem)
        {
            return problem;
        }

        if (await timelines.SubjectAsync(kind, id, CultureInfo.CurrentUICulture, ct) is not { } of)
        {
            return ApiResults.NotFound();
        }

        var (timeline, errors) = await timelines.TimelineAsync(kind, of, filter, filter.Page ?? 1, filter.PageSize ?? ApiResults.DefaultPageSize,
            CultureInfo.CurrentUICulture, ct);
        return timeline is null ? ApiResults.Invalid(errors.ToDictionary(), t) : TypedResults.Ok(timeline);
    }
}
