using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Series;
using Puente.Core.Text;
using Puente.Core.Water;

namespace Puente.Data.Water;

/// <summary>The outcome of an import: the validation report and how many deliveries were written.</summary>
public sealed record ImportResult(DeliveryTable Table, int Written)
{
    public bool WroteNothingBecauseOfErrors => Written == 0 && Table.Errors.Count > 0;
}

/// <summary>
/// The Rio Grande ledger over the seeded history plus the deliveries people entered or imported (stored as audited,
/// access-filtered records). An import writes all valid rows or none: with errors, nothing is written unless the caller
/// asks for the valid rows only.
/// </summary>
public sealed class WaterService(PuenteDbContext db)
{
    public async Task<IReadOnlyList<Delivery>> RecordedAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.WaterDeliveries.AsNoTracking().OrderBy(d => d.Date).ToListAsync(cancellationToken)).Select(d => d.ToDelivery())];

    public async Task<IReadOnlyList<ReserveMovement>> ReserveAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.ReserveMovements.AsNoTracking().OrderBy(r => r.Date).ToListAsync(cancellationToken)).Select(r => r.ToMovement())];

    /// <summary>Records a movement of Mexico's Colorado reserve; returns why not, or null.</summary>
    public async Task<Problem?> AddReserveMovementAsync(ReserveMovement movement, CancellationToken cancellationToken = default)
    {
        var problem = ColoradoReserve.Check(await ReserveAsync(cancellationToken), movement);
        if (problem is not null)
        {
            return problem;
        }

        db.ReserveMovements.Add(new ReserveMovementRecord
        {
            Id = Guid.CreateVersion7(),
            Code = UniqueCode("CRR", movement.Date, movement.Kind.ToString()),
            Date = movement.Date,
            Kind = movement.Kind,
            VolumeAf = movement.VolumeAf,
            DocumentReference = movement.DocumentReference,
            Section = "VII",
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<IReadOnlyList<StorageReading>> ReadingsAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.StorageReadings.AsNoTracking().OrderBy(r => r.Date).ToListAsync(cancellationToken)).Select(r => r.ToReading())];

    public async Task<CycleHistory?> CycleOnAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        CycleOn(date, await RecordedAsync(cancellationToken), await ReadingsAsync(cancellationToken));

    /// <summary>Every cycle: the seeded history, with early closures applied from the storage readings.</summary>
    public static IReadOnlyList<CycleHistory> Cycles(IEnumerable<StorageReading> readings)
    {
        var cycles = EarlyClosure.Apply([.. WaterData.RioGrande.Select(h => h.Cycle)], readings);
        return [.. cycles.Select(c => WaterData.RioGrande.FirstOrDefault(h => h.Cycle.Number == c.Number) is { } seeded
            ? seeded with { Cycle = c }
            : new CycleHistory(c, [], [], "Started after an early closure recorded from storage readings.", CarriedDeficitKnown: true,
                "Comenzó tras un cierre anticipado registrado con lecturas de almacenamiento."))];
    }

    /// <summary>The cycle in force on <paramref name="date"/>, with its seeded and recorded deliveries.</summary>
    public static CycleHistory? CycleOn(DateOnly date, IEnumerable<Delivery> recorded, IEnumerable<StorageReading>? readings = null)
    {
        var cycle = Cycles(readings ?? []).FirstOrDefault(h => h.Cycle.Contains(date) || (h.Cycle.EndKind == CycleEnd.Open && date >= h.Cycle.Start));
        return cycle is null ? null : cycle with
        {
            Deliveries = [.. cycle.Deliveries.Concat(recorded.Where(d => d.Date >= cycle.Cycle.Start && d.Date <= cycle.Cycle.End)).OrderBy(d => d.Date)],
        };
    }

    /// <summary>The first date the weekly balance series starts from by default: the start of cycle 34.</summary>
    public static DateOnly SeriesStart => WaterData.RioGrande.Min(h => h.Cycle.Start);

    /// <summary>At most this many weekly points in one balance series (about 38 years).</summary>
    public const int MaxSeriesPoints = 2000;

    /// <summary>
    /// The Rio Grande ledger week by week from <paramref name="from"/> to <paramref name="to"/> (both included): the
    /// status of the cycle in force on each date (weeks no recorded cycle covers are left out).
    /// </summary>
    public async Task<IReadOnlyList<RioGrandeStatus>> WeeklyStatusAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var recorded = await RecordedAsync(cancellationToken);
        var readings = await ReadingsAsync(cancellationToken);
        var points = new List<RioGrandeStatus>();
        for (var d = from; d <= to && points.Count < MaxSeriesPoints; d = d.AddDays(7))
        {
            if (CycleOn(d, recorded, readings) is { } h)
            {
                points.Add(RioGrandeLedger.Status(h.Cycle, h.Deliveries, d));
            }
        }

        return points;
    }

    /// <summary>The weekly balance of the cycle in force (AF) as a time series, the early-warning detectors' input.</summary>
    public static TimeSeries BalanceSeries(IEnumerable<RioGrandeStatus> weekly) =>
        TimeSeries.Create("riogrande.balance", "AF", weekly.Select(s => new SeriesPoint(s.AsOf, (double)s.BalanceAf)));

    /// <summary>Records a storage reading (validated: non-negative volumes, positive capacity, a date in or after cycle 34).</summary>
    public async Task<IReadOnlyList<RowError>> AddReadingAsync(StorageReading reading, CancellationToken cancellationToken = default)
    {
        var errors = new List<RowError>();
        if (reading.UsOwnedAf < 0)
        {
            errors.Add(new RowError(1, "usOwnedAf", WaterProblems.MustNotBeNegative.With()));
        }

        if (reading.UsCapacityAf <= 0)
        {
            errors.Add(new RowError(1, "usCapacityAf", WaterProblems.NotPositive.With()));
        }

        if (reading.Date < WaterData.RioGrande.Min(h => h.Cycle.Start))
        {
            errors.Add(new RowError(1, "date", WaterProblems.BeforeFirstCycle.With()));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        db.StorageReadings.Add(new StorageReadingRecord
        {
            Id = Guid.CreateVersion7(),
            Code = UniqueCode("RGS", reading.Date, reading.Reservoir.ToString()),
            Date = reading.Date,
            Reservoir = reading.Reservoir,
            UsOwnedAf = reading.UsOwnedAf,
            UsCapacityAf = reading.UsCapacityAf,
            Section = "VII",
        });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public async Task<ImportResult> ImportAsync(string csv, bool validRowsOnly, CancellationToken cancellationToken = default)
    {
        var existing = await RecordedAsync(cancellationToken);
        var table = DeliveryImport.Parse(csv, [.. Cycles(await ReadingsAsync(cancellationToken)).Select(h => h.Cycle)], existing);
        if (table.Errors.Count > 0 && !validRowsOnly)
        {
            return new ImportResult(table, 0);
        }

        foreach (var (_, d) in table.Valid)
        {
            db.WaterDeliveries.Add(new WaterDeliveryRecord
            {
                Id = Guid.CreateVersion7(),
                Code = string.Create(CultureInfo.InvariantCulture, $"RGD-{d.Date:yyyyMMdd}-{d.Source.ToString().ToUpperInvariant()}"),
                Date = d.Date,
                VolumeAf = d.VolumeAf,
                Source = d.Source,
                DocumentReference = d.DocumentReference,
                Section = "VII",
            });
        }

        await db.SaveChangesAsync(cancellationToken); // one transaction: every valid row, with its audit entries
        return new ImportResult(table, table.Valid.Count);
    }

    /// <summary>One delivery entered by hand: validated exactly as an imported row.</summary>
    public Task<ImportResult> AddAsync(DateOnly date, string volume, string unit, string source, string? document, CancellationToken cancellationToken = default) =>
        ImportAsync("date,volume,unit,source,document\n" + string.Join(',', date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), volume, unit, source,
            (document ?? "").Replace(",", ";", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)), validRowsOnly: false, cancellationToken);

    /// <summary>A record code for entries that may repeat on a date: prefix, date, what, and a random tail (40 characters).</summary>
    private static string UniqueCode(string prefix, DateOnly date, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{date:yyyyMMdd}-{what}-{Guid.NewGuid():N}")[..40].ToUpperInvariant();
}
