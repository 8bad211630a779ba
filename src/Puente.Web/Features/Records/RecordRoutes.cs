using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Puente.Core.Records;
using Puente.Web.Api;

namespace Puente.Web.Features.Records;

/// <summary>A record type's representation in the API, made from the record in the request's language.</summary>
public interface IRecordDto<in T, out TDto>
    where T : BilingualRecord
{
    static abstract TDto From(T record, CultureInfo culture);
}

/// <summary>
/// The handlers every bilingual record type's API has: get by id or code, history, create and update. A feature maps
/// them on its route group (closed over its types, so each endpoint has its own OpenAPI schema), the writes on a group
/// that requires the Editors policy; its list route, whose filters differ per type, is its own.
/// </summary>
#pragma warning disable CA1000 // Mapped as closed method groups (RecordRoutes<Actor, ActorInput, ActorDto>.GetAsync): the type arguments are the point.
public static class RecordRoutes<T, TInput, TDto>
    where T : BilingualRecord, new()
    where TInput : RecordInput
    where TDto : IRecordDto<T, TDto>
{
    /// <summary>One page of the readable records that match the filter (bound from the query string).</summary>
    public static async Task<Results<Ok<Paged<TDto>>, ValidationProblem>> ListAsync<TFilter>(RecordService<T, TInput> records, [AsParameters] TFilter filter,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
        where TFilter : RecordFilter<T>
    {
        if (ApiResults.PagingProblem(filter.Page, filter.PageSize, t) is { } problem)
        {
            return problem;
        }

        var (page, size) = (filter.Page ?? 1, filter.PageSize ?? ApiResults.DefaultPageSize);
        var (items, total) = await records.SearchAsync(filter, page, size, ct);
        return TypedResults.Ok(new Paged<TDto>([.. items.Select(r => TDto.From(r, CultureInfo.CurrentUICulture))], total, page, size));
    }

    public static async Task<Results<Ok<TDto>, ProblemHttpResult>> GetAsync(RecordService<T, TInput> records, string id, CancellationToken ct) =>
        await records.FindAsync(id, track: false, ct) is { } record ? TypedResults.Ok(TDto.From(record, CultureInfo.CurrentUICulture)) : ApiResults.NotFound();

    public static async Task<Results<Ok<List<HistoryDto>>, ProblemHttpResult>> HistoryAsync(RecordService<T, TInput> records, PuenteDbContext db,
        string id, CancellationToken ct) =>
        await records.FindAsync(id, track: false, ct) is { } record ? TypedResults.Ok(await HistoryQuery.ForRecordAsync(db, record.Id, ct)) : ApiResults.NotFound();

    public static async Task<Results<Created<TDto>, ValidationProblem>> CreateAsync(RecordService<T, TInput> records, [FromBody] TInput input,
        HttpRequest request, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var (record, errors) = await records.SaveAsync(input, null, ct);
        return record is null
            ? ApiResults.Invalid(errors.ToDictionary(), t)
            : TypedResults.Created($"{request.PathBase}{request.Path.Value?.TrimEnd('/')}/{record.Id}", TDto.From(record, CultureInfo.CurrentUICulture));
    }

    public static async Task<Results<Ok<TDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(RecordService<T, TInput> records, string id,
        [FromBody] TInput input, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var existing = await records.FindAsync(id, track: true, ct);
        if (existing is null)
        {
            return ApiResults.NotFound();
        }

        var (record, errors) = await records.SaveAsync(input, existing, ct);
        return record is null ? ApiResults.Invalid(errors.ToDictionary(), t) : TypedResults.Ok(TDto.From(record, CultureInfo.CurrentUICulture));
    }
}
#pragma warning restore CA1000

/// <summary>Maps <see cref="RecordRoutes{T, TInput, TDto}"/> on a feature's route group, the writes behind the Editors policy.</summary>
public static class RecordRouteMapping
{
    /// <summary>List (with <typeparamref name="TFilter"/>), get, history; create and update for Editors.</summary>
    public static RouteGroupBuilder MapRecordRoutes<T, TInput, TDto, TFilter>(this RouteGroupBuilder group)
        where T : BilingualRecord, new()
        where TInput : RecordInput
        where TDto : IRecordDto<T, TDto>
        where TFilter : RecordFilter<T>
    {
        // The handlers are taken by reflection, closed over this type's arguments: the ASP.NET route-handler analyzer
        // crashes (AD0001) on any handler written here whose parameters are of a type parameter's type (the body, the
        // filter). At run time each endpoint is built from the closed method exactly as from a method group.
        var routes = typeof(RecordRoutes<T, TInput, TDto>);
        group.MapGet("/", Handler(routes, nameof(RecordRoutes<T, TInput, TDto>.ListAsync), typeof(TFilter)));
        group.MapGet("/{id}", Handler(routes, nameof(RecordRoutes<T, TInput, TDto>.GetAsync)));
        group.MapGet("/{id}/history", Handler(routes, nameof(RecordRoutes<T, TInput, TDto>.HistoryAsync)));
        var writes = group.MapGroup("").RequireAuthorization(Policies.Editors);
        writes.MapPost("/", Handler(routes, nameof(RecordRoutes<T, TInput, TDto>.CreateAsync)));
        writes.MapPut("/{id}", Handler(routes, nameof(RecordRoutes<T, TInput, TDto>.UpdateAsync)));
        return group;
    }

    private static Delegate Handler(Type routes, string name, params Type[] typeArguments)
    {
        var method = routes.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;
        if (typeArguments.Length > 0)
        {
            method = method.MakeGenericMethod(typeArguments);
        }

        return method.CreateDelegate(Expression.GetDelegateType([.. method.GetParameters().Select(p => p.ParameterType), method.ReturnType]));
    }
}
