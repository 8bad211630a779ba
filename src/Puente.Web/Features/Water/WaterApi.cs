using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Localization;
using Puente.Core.Text;
using Puente.Core.Water;
using Puente.Data.Water;
using Puente.Web.Api;

namespace Puente.Web.Features.Water;

/// <summary><c>/api/v1/water</c>: treaty accounting. The figures are public (every signed-in user); recorded entries are access-filtered records.</summary>
public static class WaterApi
{
    public static IEndpointRouteBuilder MapWaterApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/water").WithTags("Water");
        group.MapGet("/riogrande/status", StatusAsync);
        group.MapGet("/riogrande/balance-series", BalanceSeriesAsync);
        group.MapGet("/riogrande/deliveries", DeliveriesAsync);
        group.MapGet("/riogrande/storage-readings", ReadingsAsync);
        group.MapGet("/colorado/allotment", Allotment);
        group.MapGet("/colorado/tiers", Tiers);
        group.MapGet("/colorado/reserve", ReserveAsync);

        var writes = group.MapGroup("").RequireAuthorization(Policies.Editors);
        writes.MapPost("/riogrande/deliveries", AddDeliveryAsync);
        // A delivery recorded by mistake is corrected (from the version read) or withdrawn with a reason; never deleted.
        writes.MapPut("/riogrande/deliveries/{id:guid}", CorrectDeliveryAsync);
        writes.MapPost("/riogrande/deliveries/{id:guid}/withdraw", WithdrawDeliveryAsync);
        // U.S. conservation storage at Amistad or Falcon; both full closes the cycle early (Treaty Art. 4).
        writes.MapPost("/riogrande/storage-readings", AddReadingAsync);
        // A weekly table as CSV (text/csv body, at most DeliveryImport.MaxBytes). All valid rows or nothing, unless validRowsOnly=true.
        writes.MapPost("/riogrande/deliveries/import", ImportAsync).Accepts<string>("text/csv")
            .WithMetadata(new RequestSizeLimitAttribute(RequestBodyLimits.CsvImport));
        writes.MapPost("/colorado/reserve", AddReserveMovementAsync);
        return api;
    }

    private static async Task<Results<Ok<RioGrandeStatusResponse>, ValidationProblem>> StatusAsync(string? asOf, TimeProvider time, WaterService water,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var date = Today(time);
        if (asOf is not null && !IsoDate.TryParse(asOf, out date))
        {
            return ApiResults.Invalid("asOf", t["A date is written YYYY-MM-DD, between 1900 and 2200."], t);
        }

        var history = await water.CycleOnAsync(date, ct);
        if (history is null)
        {
            return ApiResults.Invalid("asOf", t["No recorded cycle covers this date."], t);
        }

        var s = RioGrandeLedger.Status(history.Cycle, history.Deliveries, date);
        return TypedResults.Ok(new RioGrandeStatusResponse(s.Cycle, s.CycleStart, s.CycleEnd, s.AsOf, s.DeliveredAf, WaterUnits.ToCubicMetres(s.DeliveredAf),
            s.DeliveredByCycleYearAf, s.ProratedObligationAf, s.BalanceAf, WaterUnits.ToCubicMetres(s.BalanceAf), s.CarriedDeficitAf, s.CarriedDeficitRepaidAf,
            history.CarriedDeficitKnown, s.RequiredAnnualPaceAf, s.ProjectedEndBalanceAf, s.ProjectedEndBalanceAtCyclePaceAf, s.ElapsedDays, s.CycleDays,
            [.. history.ClosingDeficits.Select(f => new ClosingDeficitDto(f.Af ?? (f.Mm3 is { } m ? WaterUnits.FromMillionCubicMetres(m) : null), f.Mm3, f.Source))]));
    }

    /// <summary>A signal for early warning: the balance of the cycle in force, week by week.</summary>
    private static async Task<Results<Ok<ItemList<BalancePoint>>, ValidationProblem>> BalanceSeriesAsync(string? from, string? to, TimeProvider time,
        WaterService water, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ParseOr(from, WaterService.SeriesStart, "from", errors, t);
        var end = ParseOr(to, Today(time), "to", errors, t);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors, t);
        }

        var points = (await water.WeeklyStatusAsync(start, end, ct)).Select(BalancePoint.From).ToList();
        return TypedResults.Ok(new ItemList<BalancePoint>(points, points.Count));
    }

    private static async Task<Results<Ok<Paged<RecordedDeliveryDto>>, ValidationProblem>> DeliveriesAsync(int? page, int? pageSize, PuenteDbContext db,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ApiResults.PagingProblem(page, pageSize, t) is { } problem)
        {
            return problem;
        }

        var (p, size) = (page ?? 1, pageSize ?? ApiResults.DefaultPageSize);
        var query = db.WaterDeliveries.AsNoTracking().OrderByDescending(d => d.Date).ThenBy(d => d.Code);
        var items = await query.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Paged<RecordedDeliveryDto>([.. items.Select(RecordedDeliveryDto.From)], await query.CountAsync(ct), p, size));
    }

    private static async Task<Results<Ok<Paged<StorageReadingDto>>, ValidationProblem>> ReadingsAsync(int? page, int? pageSize, PuenteDbContext db,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ApiResults.PagingProblem(page, pageSize, t) is { } problem)
        {
            return problem;
        }

        var (p, size) = (page ?? 1, pageSize ?? ApiResults.DefaultPageSize);
        var query = db.StorageReadings.AsNoTracking().OrderByDescending(r => r.Date).ThenBy(r => r.Code);
        var items = await query.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Paged<StorageReadingDto>([.. items.Select(r => new StorageReadingDto(r.Id, r.Code, r.Date, r.Reservoir.ToString(),
            r.UsOwnedAf, r.UsCapacityAf, r.ToReading().Full, r.Confidentiality.ToString(), r.OwnerSide.ToString(), r.CreatedBy, r.CreatedAt))],
            await query.CountAsync(ct), p, size));
    }

    /// <remarks>Inputs are read as text so that every bad value is named (not a number, out of range, before the first minute).</remarks>
    private static Results<Ok<AllotmentResponse>, ValidationProblem> Allotment(string? year, string? elevation, string? floodControl, IStringLocalizer<SharedResource> t)
    {
        var problems = new List<FieldProblem>();
        if (ColoradoCalculator.Read(WaterData.ColoradoRules, year, elevation, floodControl, problems) is not { } input)
        {
            return ApiResults.Invalid(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => t.Localize(p.Problem)).ToArray()), t);
        }

        var a = ColoradoCalculator.Allotment(WaterData.ColoradoRules, input.Year, input.ElevationFt, input.FloodControlAf);
        return TypedResults.Ok(new AllotmentResponse(a.Year, a.ElevationFt, a.Tier, a.BaseAf, a.SurplusAf, a.GuidelineReductionAf, a.BwscpSavingsAf,
            a.FloodControlAf, a.AllotmentAf, WaterUnits.ToCubicMetres(a.AllotmentAf), a.Minute));
    }

    /// <summary>A signal for early warning: the tier of each recorded year.</summary>
    private static Ok<ItemList<TierYearDto>> Tiers()
    {
        var culture = CultureInfo.CurrentUICulture;
        var items = WaterData.ColoradoYears.Select(y => (y, a: ColoradoCalculator.Allotment(WaterData.ColoradoRules, y.Year, y.ElevationFt)))
            .Select(x => new TierYearDto(x.y.Year, x.y.ElevationFt, x.a.Tier, x.a.AllotmentAf, Bilingual.Pick(x.y.SourceEn, x.y.SourceEs, culture)))
            .ToList();
        return TypedResults.Ok(new ItemList<TierYearDto>(items, items.Count));
    }

    /// <summary>Mexico's water reserve in Lake Mead (deferred deliveries and recoverable savings, Minute 323): the balance and a page of movements.</summary>
    private static async Task<Results<Ok<ReserveResponse>, ValidationProblem>> ReserveAsync(string? asOf, int? page, int? pageSize, TimeProvider time,
        WaterService water, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var date = Today(time);
        if (asOf is not null && !IsoDate.TryParse(asOf, out date))
        {
            return ApiResults.Invalid("asOf", t["A date is written YYYY-MM-DD, between 1900 and 2200."], t);
        }

        if (ApiResults.PagingProblem(page, pageSize, t) is { } problem)
        {
            return problem;
        }

        var (p, size) = (page ?? 1, pageSize ?? ApiResults.DefaultPageSize);
        var reserve = await water.ReservePageAsync(date, p, size, ct);
        return TypedResults.Ok(new ReserveResponse(date, reserve.BalanceAf,
            [.. reserve.Items.Select(m => new ReserveItemDto(m.Date, m.Kind.ToString(), m.VolumeAf, m.DocumentReference))], reserve.Total, p, size));
    }

    private static async Task<Results<Created<WrittenResponse>, ValidationProblem>> AddDeliveryAsync([FromBody] DeliveryInput input, WaterService water,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var result = await water.AddAsync(Fields(input.Date, input.Volume, input.Unit, input.Source, input.Document), numbers: null, ct);
        return result.Record is { } r
            ? TypedResults.Created("/api/v1/water/riogrande/status?asOf=" + r.Date.ToString(IsoDate.Format, CultureInfo.InvariantCulture), new WrittenResponse(1, r.Id, r.Version))
            : Invalid(result.Errors, t);
    }

    /// <summary>Corrects a delivery from the version the client read (409 if it changed since, or was withdrawn).</summary>
    private static async Task<Results<Ok<RecordedDeliveryDto>, ValidationProblem, ProblemHttpResult>> CorrectDeliveryAsync(Guid id,
        [FromBody] DeliveryCorrection input, WaterService water, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (input.Version is not { } version)
        {
            return ApiResults.Invalid("version", t["Send the version you read, for optimistic concurrency."], t);
        }

        return Written(await water.CorrectAsync(id, version, Fields(input.Date, input.Volume, input.Unit, input.Source, input.Document), numbers: null, ct), t);
    }

    /// <summary>Withdraws a delivery with a reason: kept as a record, excluded from the ledger, its week freed.</summary>
    private static async Task<Results<Ok<RecordedDeliveryDto>, ValidationProblem, ProblemHttpResult>> WithdrawDeliveryAsync(Guid id,
        [FromBody] WithdrawInput input, WaterService water, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (input.Version is not { } version)
        {
            return ApiResults.Invalid("version", t["Send the version you read, for optimistic concurrency."], t);
        }

        return Written(await water.WithdrawAsync(id, version, input.Reason, ct), t);
    }

    private static DeliveryFields Fields(string? date, decimal? volume, string? unit, string? source, string? document) =>
        new(date ?? "", volume?.ToString(CultureInfo.InvariantCulture) ?? "", unit ?? "AF", source ?? "", document);

    private static ValidationProblem Invalid(IEnumerable<RowError> errors, IStringLocalizer t) =>
        ApiResults.Invalid(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => t.Localize(e.Problem)).ToArray()), t);

    private static Results<Ok<RecordedDeliveryDto>, ValidationProblem, ProblemHttpResult> Written(DeliveryWrite result, IStringLocalizer t) => result.Outcome switch
    {
        DeliveryWriteOutcome.Written => TypedResults.Ok(RecordedDeliveryDto.From(result.Record!)),
        DeliveryWriteOutcome.NotFound => ApiResults.NotFound(),
        DeliveryWriteOutcome.Withdrawn => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: t.Localize(WaterProblems.Withdrawn.With())),
        DeliveryWriteOutcome.Stale => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: t["The record was changed by someone else. Reload it and apply your change again."]),
        _ => Invalid(result.Errors, t),
    };

    private static async Task<Results<Created<RecordedResponse>, ValidationProblem>> AddReadingAsync([FromBody] ReadingInput input, WaterService water,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IsoDate.TryParse(input.Date, out var date))
        {
            errors["date"] = [t["A date is written YYYY-MM-DD, between 1900 and 2200."]];
        }

        if (!EnumText.TryParse<Reservoir>(input.Reservoir, out var reservoir))
        {
            errors["reservoir"] = [t["The reservoir is Amistad or Falcon."]];
        }

        if (input.UsOwnedAf is null || input.UsCapacityAf is null)
        {
            errors["usOwnedAf"] = [t["Give the U.S.-owned volume and the U.S. conservation capacity in acre-feet."]];
        }

        if (errors.Count == 0)
        {
            foreach (var e in await water.AddReadingAsync(new StorageReading(date, reservoir, input.UsOwnedAf!.Value, input.UsCapacityAf!.Value), ct))
            {
                errors[e.Field] = [t.Localize(e.Problem)];
            }
        }

        return errors.Count > 0 ? ApiResults.Invalid(errors, t) : TypedResults.Created("/api/v1/water/riogrande/status?asOf=" + input.Date, new RecordedResponse(1));
    }

    private static async Task<Results<Ok<ImportResponse>, UnprocessableEntity<ImportResponse>, ProblemHttpResult>> ImportAsync(HttpRequest request,
        bool? validRowsOnly, WaterService water, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        // A declared length over the limit never gets here (RequestBodyLimits); this also stops a chunked body at the limit.
        if (await ReadAtMostAsync(request.Body, DeliveryImport.MaxBytes, ct) is not { } csv)
        {
            var tooLarge = RequestBodyLimits.TooLarge(request.HttpContext, DeliveryImport.MaxBytes);
            return TypedResults.Problem(statusCode: tooLarge.Status, title: tooLarge.Title);
        }

        var result = await water.ImportAsync(csv, validRowsOnly == true, ct);
        var body = new ImportResponse(result.Table.Rows, result.Written, result.Table.Valid.Count,
            [.. result.Table.Errors.Select(e => new ImportErrorDto(e.Row, e.Field, t.Localize(e.Problem)))], result.Table.ProblemCount);
        return result.WroteNothingBecauseOfErrors ? TypedResults.UnprocessableEntity(body) : TypedResults.Ok(body);
    }

    /// <summary>The body as text, or null as soon as it exceeds <paramref name="maxBytes"/> (so a huge body is never held whole).</summary>
    private static async Task<string?> ReadAtMostAsync(Stream body, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer); // UTF-8, honouring a byte-order mark
        return await reader.ReadToEndAsync(ct);
    }

    private static async Task<Results<Created<RecordedResponse>, ValidationProblem>> AddReserveMovementAsync([FromBody] ReserveInput input, WaterService water,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IsoDate.TryParse(input.Date, out var date))
        {
            errors["date"] = [t["A date is written YYYY-MM-DD, between 1900 and 2200."]];
        }

        if (!EnumText.TryParse<ReserveMovementKind>(input.Kind, out var kind))
        {
            errors["kind"] = [t["The kind is Deferral, ScarcitySavings or Recovery."]];
        }

        if (input.VolumeAf is null)
        {
            errors["volumeAf"] = [t["Required."]];
        }

        if (errors.Count == 0 && await water.AddReserveMovementAsync(new ReserveMovement(date, kind, input.VolumeAf!.Value, input.Document), ct) is { } problem)
        {
            errors[problem.Field] = [t.Localize(problem.Problem)];
        }

        return errors.Count > 0 ? ApiResults.Invalid(errors, t) : TypedResults.Created("/api/v1/water/colorado/reserve", new RecordedResponse(1));
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static DateOnly ParseOr(string? text, DateOnly fallback, string field, Dictionary<string, string[]> errors, IStringLocalizer t)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (IsoDate.TryParse(text, out var d))
        {
            return d;
        }

        errors[field] = [t["A date is written YYYY-MM-DD, between 1900 and 2200."]];
        return fallback;
    }
}
