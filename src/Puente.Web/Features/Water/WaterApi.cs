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
        // U.S. conservation storage at Amistad or Falcon; both full closes the cycle early (Treaty Art. 4).
        writes.MapPost("/riogrande/storage-readings", AddReadingAsync);
        // A weekly table as CSV (text/csv body). All valid rows or nothing, unless validRowsOnly=true.
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
        return TypedResults.Ok(new Paged<RecordedDeliveryDto>([.. items.Select(d => new RecordedDeliveryDto(d.Id, d.Code, d.Date, d.VolumeAf, d.Source.ToString(),
            d.DocumentReference, d.Confidentiality.ToString(), d.OwnerSide.ToString(), d.CreatedBy, d.CreatedAt))], await query.CountAsync(ct), p, size));
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

    private static Results<Ok<AllotmentResponse>, ValidationProblem> Allotment(int? year, decimal? elevation, decimal? floodControl, IStringLocalizer<SharedResource> t)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is null or < 1945 or > 2200)
        {
            errors["year"] = [t["Give the delivery year."]];
        }
        else if (ColoradoCalculator.Uncovered(WaterData.ColoradoRules, year.Value) is { } uncovered)
        {
            errors["year"] = [t.Localize(uncovered)];
        }

        if (elevation is null or < 800 or > 1300)
        {
            errors["elevation"] = [t["Give Lake Mead's projected 1 January elevation in feet (800–1,300)."]];
        }

        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors, t);
        }

        var a = ColoradoCalculator.Allotment(WaterData.ColoradoRules, year!.Value, elevation!.Value, floodControl ?? 0m);
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

    /// <summary>Mexico's water reserve in Lake Mead (deferred deliveries and recoverable savings, Minute 323).</summary>
    private static async Task<Results<Ok<ReserveResponse>, ValidationProblem>> ReserveAsync(string? asOf, TimeProvider time, WaterService water,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var date = Today(time);
        if (asOf is not null && !IsoDate.TryParse(asOf, out date))
        {
            return ApiResults.Invalid("asOf", t["A date is written YYYY-MM-DD, between 1900 and 2200."], t);
        }

        var movements = await water.ReserveAsync(ct);
        var items = movements.Where(m => m.Date <= date).Select(m => new ReserveItemDto(m.Date, m.Kind.ToString(), m.VolumeAf, m.DocumentReference)).ToList();
        return TypedResults.Ok(new ReserveResponse(date, ColoradoReserve.Balance(movements, date), items, items.Count));
    }

    private static async Task<Results<Created<WrittenResponse>, ValidationProblem>> AddDeliveryAsync([FromBody] DeliveryInput input, WaterService water,
        IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!IsoDate.TryParse(input.Date, out var date))
        {
            return ApiResults.Invalid("date", t["A date is written YYYY-MM-DD, between 1900 and 2200."], t);
        }

        var result = await water.AddAsync(date, input.Volume?.ToString(CultureInfo.InvariantCulture) ?? "", input.Unit ?? "AF", input.Source ?? "", input.Document, ct);
        return result.Written == 1
            ? TypedResults.Created("/api/v1/water/riogrande/status?asOf=" + input.Date, new WrittenResponse(1))
            : ApiResults.Invalid(result.Table.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => t.Localize(e.Problem)).ToArray()), t);
    }

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

    private static async Task<Results<Ok<ImportResponse>, UnprocessableEntity<ImportResponse>>> ImportAsync(HttpRequest request, bool? validRowsOnly,
        WaterService water, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var csv = await reader.ReadToEndAsync(ct);
        var result = await water.ImportAsync(csv, validRowsOnly == true, ct);
        var body = new ImportResponse(result.Table.Rows, result.Written, result.Table.Valid.Count,
            [.. result.Table.Errors.Select(e => new ImportErrorDto(e.Row, e.Field, t.Localize(e.Problem)))]);
        return result.WroteNothingBecauseOfErrors ? TypedResults.UnprocessableEntity(body) : TypedResults.Ok(body);
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
            errors["volumeAf"] = [t.Localize(problem)];
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
