using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Text;
using Puente.Core.Warning;
using Puente.Web.Api;

namespace Puente.Web.Features.Indicators;

/// <summary>
/// <c>/api/v1/indicators</c>: the list (by agenda issue and text) with each indicator's latest value; one indicator with
/// its values (first and revised, within <c>from</c>/<c>to</c>); its audit history; for Editors, create, update, and
/// <c>POST /{code}/values</c>, which records values idempotently per period, all of a request or none.
/// </summary>
public static class IndicatorsApi
{
    /// <summary>The values request's body limit: 10,000 values written out with room for spaces (2 MB).</summary>
    public const long ValuesBodyLimit = 2_000_000;

    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/indicators").WithTags("Indicators");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapGet("/{id}/history", HistoryAsync);
        var writes = group.MapGroup("").RequireAuthorization(Policies.Editors);
        writes.MapPost("/", RecordRoutes<Indicator, IndicatorInput, IndicatorDto>.CreateAsync);
        writes.MapPut("/{id}", RecordRoutes<Indicator, IndicatorInput, IndicatorDto>.UpdateAsync);
        writes.MapPost("/{id}/values", ValuesAsync).WithMetadata(new RequestSizeLimitAttribute(ValuesBodyLimit));
        return api;
    }

    private static async Task<Results<Ok<Paged<IndicatorDto>>, ValidationProblem>> ListAsync(IndicatorService indicators, [AsParameters] IndicatorFilter filter,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ApiResults.PagingProblem(filter.Page, filter.PageSize, t) is { } problem)
        {
            return problem;
        }

        var (page, size) = (filter.Page ?? 1, filter.PageSize ?? ApiResults.DefaultPageSize);
        var (items, total) = await indicators.SearchAsync(filter, page, size, ct);
        var latest = await indicators.LatestValuesAsync(items, ct);
        var culture = CultureInfo.CurrentUICulture;
        return TypedResults.Ok(new Paged<IndicatorDto>([.. items.Select(i => new IndicatorDto(i, culture, latest.TryGetValue(i.Id, out var v) ? v : null, null))],
            total, page, size));
    }

    /// <summary>
    /// One indicator with its values oldest first; <c>from</c> and <c>to</c> (inclusive; <c>YYYY-MM-DD</c>, <c>YYYY-MM</c>
    /// or <c>YYYY</c>, a month or year meaning its first day for <c>from</c> and its last for <c>to</c>) keep the periods
    /// that start between them.
    /// </summary>
    private static async Task<Results<Ok<IndicatorDto>, ValidationProblem, ProblemHttpResult>> GetAsync(IndicatorService indicators, string id,
        [FromQuery] string? from, [FromQuery] string? to, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var start = Bound(from, "from", end: false, errors, t);
        var end = Bound(to, "to", end: true, errors, t);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors, t);
        }

        if (await indicators.FindAsync(id, track: false, ct) is not { } indicator)
        {
            return ApiResults.NotFound();
        }

        var values = await indicators.ValuesAsync(indicator, start, end, ct);
        var latest = await indicators.LatestValuesAsync([indicator], ct);
        return TypedResults.Ok(new IndicatorDto(indicator, CultureInfo.CurrentUICulture, latest.TryGetValue(indicator.Id, out var v) ? v : null,
            [.. values.Select(x => IndicatorValueDto.From(x, indicator.Frequency))]));
    }

    /// <summary>The indicator's changes and its values' revisions, newest first (bounded; see <see cref="IndicatorService.HistoryAsync"/>).</summary>
    private static async Task<Results<Ok<List<HistoryDto>>, ProblemHttpResult>> HistoryAsync(IndicatorService indicators, string id, CancellationToken ct) =>
        await indicators.FindAsync(id, track: false, ct) is { } indicator ? TypedResults.Ok(await indicators.HistoryAsync(indicator, ct)) : ApiResults.NotFound();

    /// <summary>
    /// Records values by period: the same value again changes nothing, a different one is a revision that keeps the first.
    /// 200 with what changed; 400 naming each bad item (<c>values[i].period</c>, <c>values[i].value</c>; the first
    /// problems and their total) and writing nothing; 404 for an indicator the caller cannot read; 409 for a derived one.
    /// </summary>
    private static async Task<Results<Ok<IndicatorValuesResult>, ValidationProblem, ProblemHttpResult>> ValuesAsync(IndicatorService indicators, string id,
        [FromBody] IndicatorValuesInput input, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (await indicators.FindAsync(id, track: true, ct) is not { } indicator)
        {
            return ApiResults.NotFound();
        }

        if (indicator.Derivation is { } derivation)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: t.Localize(IndicatorProblems.Derived.With(indicator.Code, derivation)));
        }

        var (result, problems) = await indicators.RecordValuesAsync(indicator, input, ct);
        return result is null ? Invalid(problems, t) : TypedResults.Ok(new IndicatorValuesResult(result.Added, result.Revised, result.Unchanged));
    }

    /// <summary>400 with the listed problems by field (<c>values[i].field</c>, or <c>values</c>), and the same as a list with their total.</summary>
    private static ValidationProblem Invalid(RowProblems problems, IStringLocalizer t)
    {
        var listed = problems.Listed.Select(p => new ValueProblemDto(p.Row < 0 ? null : p.Row, p.Field, t.Localize(p.Problem))).ToList();
        var errors = listed.GroupBy(p => p.Index is { } i ? $"values[{i.ToString(CultureInfo.InvariantCulture)}].{p.Field}" : p.Field)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        if (problems.Unlisted > 0)
        {
            errors["values"] = [.. errors.GetValueOrDefault("values") ?? [], t["{0} more problems are not listed ({1} in all).", problems.Unlisted, problems.Total]];
        }

        return TypedResults.ValidationProblem(errors, title: t["The request has invalid fields."],
            extensions: new Dictionary<string, object?> { ["problems"] = listed, ["problemCount"] = problems.Total });
    }

    /// <summary>A day, or a month's or year's first (or, for an end, last) day; null when not given.</summary>
    private static DateOnly? Bound(string? text, string field, bool end, Dictionary<string, string[]> errors, IStringLocalizer t)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (IsoDate.TryParse(trimmed, out var day))
        {
            return day;
        }

        if (IndicatorPeriods.Parse(trimmed, IndicatorFrequency.Month) is { } month && trimmed.Length == 7)
        {
            return end ? month.AddMonths(1).AddDays(-1) : month;
        }

        if (IndicatorPeriods.Parse(trimmed, IndicatorFrequency.Year) is { } year && trimmed.Length == 4)
        {
            return end ? year.AddYears(1).AddDays(-1) : year;
        }

        errors[field] = [t["'{0}' is not a day, month or year (YYYY-MM-DD, YYYY-MM or YYYY).", ImportFile.Echo(trimmed)]];
        return null;
    }
}
