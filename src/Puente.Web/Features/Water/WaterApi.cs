using System.Globalization;
using Microsoft.Extensions.Localization;
using Puente.Core.Water;
using Puente.Data.Water;
using Puente.Web.Api;
using Puente.Core.Text;

namespace Puente.Web.Features.Water;

/// <summary>/api/v1/water: treaty accounting (public figures: every signed-in user).</summary>
public static class WaterApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/water/riogrande/status", async (string? asOf, TimeProvider time, WaterService water, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var date = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            if (asOf is not null && !IsoDate.TryParse(asOf, out date))
            {
                return ApiEndpoints.Invalid(new Dictionary<string, string[]> { ["asOf"] = [t["A date is written YYYY-MM-DD."]] }, t);
            }

            var history = await water.CycleOnAsync(date, ct);
            if (history is null)
            {
                return ApiEndpoints.Invalid(new Dictionary<string, string[]> { ["asOf"] = [t["No recorded cycle covers this date."]] }, t);
            }

            var s = RioGrandeLedger.Status(history.Cycle, history.Deliveries, date);
            return Results.Ok(new
            {
                cycle = s.Cycle, cycleStart = s.CycleStart, cycleEnd = s.CycleEnd, asOf = s.AsOf, deliveredAf = s.DeliveredAf,
                deliveredM3 = WaterUnits.ToCubicMetres(s.DeliveredAf), deliveredByCycleYearAf = s.DeliveredByCycleYearAf,
                proratedObligationAf = s.ProratedObligationAf, balanceAf = s.BalanceAf, balanceM3 = WaterUnits.ToCubicMetres(s.BalanceAf),
                carriedDeficitAf = s.CarriedDeficitAf, carriedDeficitRepaidAf = s.CarriedDeficitRepaidAf, carriedDeficitKnown = history.CarriedDeficitKnown,
                requiredAnnualPaceAf = s.RequiredAnnualPaceAf, projectedEndBalanceAf = s.ProjectedEndBalanceAf,
                projectedEndBalanceAtCyclePaceAf = s.ProjectedEndBalanceAtCyclePaceAf, elapsedDays = s.ElapsedDays, cycleDays = s.CycleDays,
                closingDeficits = history.ClosingDeficits.Select(f => new { af = f.Af ?? (f.Mm3 is { } m ? WaterUnits.FromMillionCubicMetres(m) : null), mm3 = f.Mm3, f.Source }),
            });
        });

        // A signal for early warning: the balance of the cycle in force, week by week.
        api.MapGet("/water/riogrande/balance-series", async (string? from, string? to, TimeProvider time, WaterService water, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var errors = new Dictionary<string, string[]>();
            var start = ParseOr(from, new DateOnly(2010, 10, 25), "from", errors, t);
            var end = ParseOr(to, today, "to", errors, t);
            if (errors.Count > 0)
            {
                return ApiEndpoints.Invalid(errors, t);
            }

            var recorded = await water.RecordedAsync(ct);
            var readings = await water.ReadingsAsync(ct);
            var points = new List<object>();
            for (var d = start; d <= end && points.Count < 2000; d = d.AddDays(7))
            {
                if (WaterService.CycleOn(d, recorded, readings) is { } h)
                {
                    var s = RioGrandeLedger.Status(h.Cycle, h.Deliveries, d);
                    points.Add(new { date = d, cycle = s.Cycle, balanceAf = s.BalanceAf, deliveredAf = s.DeliveredAf, proratedObligationAf = s.ProratedObligationAf });
                }
            }

            return Results.Ok(new { items = points, total = points.Count });
        });

        api.MapGet("/water/colorado/allotment", (int? year, decimal? elevation, decimal? floodControl, IStringLocalizer<SharedResource> t) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (year is null or < 1945 or > 2200)
            {
                errors["year"] = [t["Give the delivery year."]];
            }

            if (elevation is null or < 800 or > 1300)
            {
                errors["elevation"] = [t["Give Lake Mead's projected 1 January elevation in feet (800–1,300)."]];
            }

            if (errors.Count > 0)
            {
                return ApiEndpoints.Invalid(errors, t);
            }

            try
            {
                var a = ColoradoCalculator.Allotment(WaterData.ColoradoRules, year!.Value, elevation!.Value, floodControl ?? 0m);
                return Results.Ok(new
                {
                    year = a.Year, elevationFt = a.ElevationFt, tier = a.Tier, baseAf = a.BaseAf, surplusAf = a.SurplusAf,
                    guidelineReductionAf = a.GuidelineReductionAf, bwscpSavingsAf = a.BwscpSavingsAf, floodControlAf = a.FloodControlAf,
                    allotmentAf = a.AllotmentAf, allotmentM3 = WaterUnits.ToCubicMetres(a.AllotmentAf), minute = a.Minute,
                });
            }
            catch (InvalidOperationException ex)
            {
                return ApiEndpoints.Invalid(new Dictionary<string, string[]> { ["year"] = [ex.Message] }, t);
            }
        });

        api.MapPost("/water/riogrande/deliveries", async ([Microsoft.AspNetCore.Mvc.FromBody] DeliveryInput input, WaterService water, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            if (!IsoDate.TryParse(input.Date, out var date))
            {
                return ApiEndpoints.Invalid(new Dictionary<string, string[]> { ["date"] = [t["A date is written YYYY-MM-DD."]] }, t);
            }

            var result = await water.AddAsync(date, input.Volume?.ToString(CultureInfo.InvariantCulture) ?? "", input.Unit ?? "AF", input.Source ?? "", input.Document, ct);
            return result.Written == 1
                ? Results.Created("/api/v1/water/riogrande/status?asOf=" + input.Date, new { written = 1 })
                : ApiEndpoints.Invalid(result.Table.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()), t);
        }).RequireAuthorization(Hosting.PuenteWeb.EditorsPolicy);

        // U.S. conservation storage at Amistad or Falcon; both full closes the cycle early (Treaty Art. 4).
        api.MapPost("/water/riogrande/storage-readings", async ([Microsoft.AspNetCore.Mvc.FromBody] ReadingInput input, WaterService water, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (!IsoDate.TryParse(input.Date, out var date))
            {
                errors["date"] = [t["A date is written YYYY-MM-DD."]];
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
                    errors[e.Field] = [e.Message];
                }
            }

            return errors.Count > 0 ? ApiEndpoints.Invalid(errors, t) : Results.Created("/api/v1/water/riogrande/status?asOf=" + input.Date, new { recorded = 1 });
        }).RequireAuthorization(Hosting.PuenteWeb.EditorsPolicy);

        // A weekly table as CSV (text/csv body). All valid rows or nothing, unless validRowsOnly=true.
        api.MapPost("/water/riogrande/deliveries/import", async (HttpRequest request, bool? validRowsOnly, WaterService water, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body);
            var csv = await reader.ReadToEndAsync(ct);
            var result = await water.ImportAsync(csv, validRowsOnly == true, ct);
            var body = new
            {
                rows = result.Table.Rows, written = result.Written, valid = result.Table.Valid.Count,
                errors = result.Table.Errors.Select(e => new { row = e.Row, field = e.Field, message = e.Message }),
            };
            return result.Written == 0 && result.Table.Errors.Count > 0 ? Results.UnprocessableEntity(body) : Results.Ok(body);
        }).RequireAuthorization(Hosting.PuenteWeb.EditorsPolicy).Accepts<string>("text/csv");

        // Mexico's water reserve in Lake Mead (deferred deliveries and recoverable savings, Minute 323).
        api.MapGet("/water/colorado/reserve", async (string? asOf, TimeProvider time, WaterService water, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var date = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            if (asOf is not null && !IsoDate.TryParse(asOf, out date))
            {
                return ApiEndpoints.Invalid(new Dictionary<string, string[]> { ["asOf"] = [t["A date is written YYYY-MM-DD."]] }, t);
            }

            var movements = await water.ReserveAsync(ct);
            var items = movements.Where(m => m.Date <= date).Select(m => new { date = m.Date, kind = m.Kind.ToString(), volumeAf = m.VolumeAf, document = m.DocumentReference }).ToList();
            return Results.Ok(new { asOf = date, balanceAf = ColoradoReserve.Balance(movements, date), items, total = items.Count });
        });

        api.MapPost("/water/colorado/reserve", async ([Microsoft.AspNetCore.Mvc.FromBody] ReserveInput input, WaterService water, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (!IsoDate.TryParse(input.Date, out var date))
            {
                errors["date"] = [t["A date is written YYYY-MM-DD."]];
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
                errors["volumeAf"] = [problem];
            }

            return errors.Count > 0 ? ApiEndpoints.Invalid(errors, t) : Results.Created("/api/v1/water/colorado/reserve", new { recorded = 1 });
        }).RequireAuthorization(Hosting.PuenteWeb.EditorsPolicy);

        // A signal for early warning: the tier of each recorded year.
        api.MapGet("/water/colorado/tiers", () =>
        {
            var items = WaterLedger.ColoradoYears.Select(y => new
            {
                y.Year, y.ElevationFt, y.Source, allotment = ColoradoCalculator.Allotment(WaterData.ColoradoRules, y.Year, y.ElevationFt),
            }).Select(x => new { year = x.Year, elevationFt = x.ElevationFt, tier = x.allotment.Tier, allotmentAf = x.allotment.AllotmentAf, source = x.Source }).ToList();
            return Results.Ok(new { items, total = items.Count });
        });
    }

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

        errors[field] = [t["A date is written YYYY-MM-DD."]];
        return fallback;
    }
}

/// <summary>A reserve movement entered through the API.</summary>
public sealed record ReserveInput(string? Date, string? Kind, decimal? VolumeAf, string? Document);

/// <summary>A storage reading entered through the API.</summary>
public sealed record ReadingInput(string? Date, string? Reservoir, decimal? UsOwnedAf, decimal? UsCapacityAf);

/// <summary>A delivery entered through the API.</summary>
public sealed record DeliveryInput(string? Date, decimal? Volume, string? Unit, string? Source, string? Document);

/// <summary>The recorded history the pages and API read.</summary>
public static class WaterLedger
{
    /// <summary>Colorado years whose projected 1 January elevation is on record (../shared/reference/water.md).</summary>
    public static IReadOnlyList<(int Year, decimal ElevationFt, string Source)> ColoradoYears { get; } =
    [
        (2021, 1085m, "August 2020 24-Month Study (projected ≈1,085 ft)"),
        (2022, 1065.85m, "August 2021 24-Month Study"),
        (2023, 1047.61m, "August 2022 24-Month Study"),
        (2025, 1062m, "August 2024 24-Month Study (projected ≈1,062 ft)"),
    ];

}
