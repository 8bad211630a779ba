using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Api;
using Puente.Web.Features.Actors;
using Puente.Web.Features.Alerts;
using Puente.Web.Features.Catalog;
using Puente.Web.Features.Commitments;
using Puente.Web.Features.Engagements;
using Puente.Web.Features.Indicators;
using Puente.Web.Features.Mechanisms;
using Puente.Web.Features.People;
using Puente.Web.Features.Posts;

namespace Puente.Web.Features.Exports;

/// <summary>
/// <c>GET /api/v1/{list}/export?format=csv|xlsx&amp;…</c> for the nine lists, with exactly the filters of the list's own
/// endpoint (its filter class or parameters, checked by its service), every matching row the reader may read. The same
/// handlers answer the list pages' links at <c>/exports/{list}</c> (the browser's cookie instead of a bearer token).
/// Analysts and above (<see cref="Policies.Exporters"/>); every export is audited (<see cref="ListExport"/>).
/// </summary>
public static class ExportsApi
{
    /// <summary>The lists that export, as their API paths name them.</summary>
    public static IReadOnlyList<string> Lists { get; } =
        ["actors", "mechanisms", "people", "posts", "engagements", "commitments", "recommendations", "indicators", "alerts"];

    private static readonly (string List, Delegate Handler)[] Handlers =
    [
        ("actors", ActorsAsync), ("mechanisms", MechanismsAsync), ("people", PeopleAsync), ("posts", PostsAsync),
        ("engagements", EngagementsAsync), ("commitments", CommitmentsAsync), ("recommendations", RecommendationsAsync),
        ("indicators", IndicatorsAsync), ("alerts", AlertsAsync),
    ];

    /// <summary>Maps <c>/{list}/export</c> for each list on the API's signed-in group.</summary>
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("").WithTags("Exports").RequireAuthorization(Policies.Exporters);
        foreach (var (list, handler) in Handlers)
        {
            group.MapGet($"/{list}/export", handler).Produces<string>(StatusCodes.Status200OK, CsvExport.ContentType, XlsxExport.ContentType)
                .ProducesValidationProblem();
        }

        return api;
    }

    /// <summary>Maps <c>/exports/{list}</c>, the list pages' download links (signed in by cookie).</summary>
    public static IEndpointRouteBuilder MapExportDownloads(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/exports").RequireAuthorization(Policies.Exporters).ExcludeFromDescription();
        foreach (var (list, handler) in Handlers)
        {
            group.MapGet($"/{list}", handler);
        }

        return app;
    }

    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    private static IResult ActorsAsync(ActorService records, [AsParameters] ActorFilter filter, [FromQuery] string? format, IStringLocalizer<SharedResource> t) =>
        ListExport.Format(format) is { } f
            ? ListExport.Of("actors", f, ListExport.Map(records.StreamAsync(filter), a => ActorDto.From(a, Culture)), ExportColumns.Actors(t))
            : ListExport.FormatProblem(t);

    private static IResult MechanismsAsync(MechanismService records, [AsParameters] MechanismFilter filter, [FromQuery] string? format,
        IStringLocalizer<SharedResource> t) =>
        ListExport.Format(format) is { } f
            ? ListExport.Of("mechanisms", f, ListExport.Map(records.StreamAsync(filter), m => MechanismDto.From(m, Culture)), ExportColumns.Mechanisms(t))
            : ListExport.FormatProblem(t);

    private static IResult PeopleAsync(PersonService records, [AsParameters] PersonFilter filter, [FromQuery] string? format, IStringLocalizer<SharedResource> t) =>
        ListExport.Format(format) is { } f
            ? ListExport.Of("people", f, ListExport.Map(records.StreamAsync(filter), p => PersonDto.From(p, Culture)), ExportColumns.People(t))
            : ListExport.FormatProblem(t);

    private static IResult PostsAsync(PostService records, [AsParameters] PostFilter filter, [FromQuery] string? format, IStringLocalizer<SharedResource> t) =>
        ListExport.Format(format) is { } f
            ? ListExport.Of("posts", f, ListExport.Map(records.StreamAsync(filter), p => PostDto.From(p, Culture)), ExportColumns.Posts(t))
            : ListExport.FormatProblem(t);

    private static async Task<IResult> EngagementsAsync(EngagementService engagements, [AsParameters] EngagementFilter filter, [FromQuery] string? format,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ListExport.Format(format) is not { } f)
        {
            return ListExport.FormatProblem(t);
        }

        var errors = await engagements.PrepareAsync(filter, ct);
        return errors.Any
            ? ApiResults.Invalid(errors.ToDictionary(), t)
            : ListExport.Of("engagements", f, ListExport.Map(engagements.StreamAsync(filter), e => new EngagementDto(e, Culture, null, null)),
                ExportColumns.Engagements(t));
    }

    /// <summary>Statuses as of the filter's day: today's are on the records; a past day's come from the histories, a page at a time.</summary>
    private static async Task<IResult> CommitmentsAsync(CommitmentService commitments, [AsParameters] CommitmentFilter filter, [FromQuery] string? format,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ListExport.Format(format) is not { } f)
        {
            return ListExport.FormatProblem(t);
        }

        var errors = await commitments.PrepareAsync(filter, ct);
        if (errors.Any)
        {
            return ApiResults.Invalid(errors.ToDictionary(), t);
        }

        var culture = Culture;
        var rows = filter.Historic
            ? ListExport.Pages<CommitmentDto>(async page => (await commitments.ListAsync(filter, page, ListExport.PageSize, culture, ct)).Items)
            : ListExport.Map(commitments.StreamAsync(filter), c => new CommitmentDto(c, culture, filter.Day, null, null, null, null));
        return ListExport.Of("commitments", f, rows, ExportColumns.Commitments(t));
    }

    /// <summary>The filters of <c>GET /api/v1/recommendations</c>.</summary>
    private static IResult RecommendationsAsync(PuenteDbContext db, string? section, string? addressee, string? track, string? issue, [FromQuery] string? format,
        IStringLocalizer<SharedResource> t) =>
        ListExport.Format(format) is { } f
            ? ListExport.Of("recommendations", f,
                ListExport.Map(RecommendationQuery.Filter(db, section, addressee, track, issue).AsAsyncEnumerable(), r => RecommendationDto.From(r, Culture)),
                ExportColumns.Recommendations(t))
            : ListExport.FormatProblem(t);

    /// <summary>Each indicator with its latest value, a page at a time (the values are a second query).</summary>
    private static IResult IndicatorsAsync(IndicatorService indicators, [AsParameters] IndicatorFilter filter, [FromQuery] string? format,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ListExport.Format(format) is not { } f)
        {
            return ListExport.FormatProblem(t);
        }

        var culture = Culture;
        var rows = ListExport.Pages<IndicatorDto>(async page =>
        {
            var (items, _) = await indicators.SearchAsync(filter, page, ListExport.PageSize, ct);
            var latest = await indicators.LatestValuesAsync(items, ct);
            return [.. items.Select(i => new IndicatorDto(i, culture, latest.TryGetValue(i.Id, out var v) ? v : null, null))];
        });
        return ListExport.Of("indicators", f, rows, ExportColumns.Indicators(t));
    }

    private static async Task<IResult> AlertsAsync(AlertService alerts, [AsParameters] AlertFilter filter, [FromQuery] string? format,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ListExport.Format(format) is not { } f)
        {
            return ListExport.FormatProblem(t);
        }

        var (query, errors) = await alerts.ParseAsync(filter, ct);
        if (errors.Any)
        {
            return ApiResults.Invalid(errors.ToDictionary(), t);
        }

        var culture = Culture;
        var rows = ListExport.Pages<AlertDto>(async page => (await alerts.ListAsync(query, page, ListExport.PageSize, bySeverity: false, culture, ct)).Items);
        return ListExport.Of("alerts", f, rows, ExportColumns.Alerts(t));
    }
}
