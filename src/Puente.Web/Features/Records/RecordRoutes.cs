using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Puente.Core.Records;
using Puente.Data;
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
