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
    /// <summary>The recorded deliveries that count: withdrawn ones are kept as records but leave the ledger.</summary>
    public async Task<IReadOnlyList<Delivery>> RecordedAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.WaterDeliveries.AsNoTracking().Where(d => !d.Withdrawn).OrderBy(d => d.Date).ToListAsync(cancellationToken)).Select(d => d.ToDelivery())];

    /// <summary>The most recently recorded deliveries, withdrawn ones included, newest first (the recording page's list).</summary>
    public async Task<IReadOnlyList<WaterDeliveryRecord>> RecentAsync(int count, CancellationToken cancellationToken = default) =>
        await db.WaterDeliveries.AsNoTracking().OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Code).Take(count).ToListAsync(cancellationToken);

    /// <summary>One page of the reserve's movements up to <paramref name="asOf"/> (oldest first) and its balance on that date.</summary>
    public async Task<ReservePage> ReservePageAsync(DateOnly asOf, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var upTo = db.ReserveMovements.AsNoTracking().Where(r => r.Date <= asOf);
        var all = await upTo.Select(r => new { r.Date, r.Kind, r.VolumeAf }).ToListAsync(cancellationToken);
        var balance = ColoradoReserve.Balance(all.Select(r => new ReserveMovement(r.Date, r.Kind, r.VolumeAf)), asOf);
        var items = await upTo.OrderBy(r => r.Date).ThenBy(r => r.Code).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new ReservePage(balance, [.. items.Select(r => r.ToMovement())], all.Count);
    }

    public async Task<IReadOnlyList<ReserveMovement>> ReserveAsync(CancellationToken cancellationToken = default) =>
        [.. (await db.ReserveMovements.AsNoTracking().OrderBy(r => r.Date).ToListAsync(cancellationToken)).Select(r => r.ToMovement())];

    /// <summary>Records a movement of Mexico's Colorado reserve; returns why not (field <c>volumeAf</c> or <c>document</c>), or null.</summary>
    public async Task<FieldProblem?> AddReserveMovementAsync(ReserveMovement movement, CancellationToken cancellationToken = default)
    {
        if (movement.DocumentReference is { Length: > WaterLimits.MaxDocumentLength })
        {
            return new FieldProblem("document", WaterProblems.TooLong.With(WaterLimits.MaxDocumentLength));
        }

        // Check and insert under the writers' lock, so two recoveries cannot both pass the balance check.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAuditChainAsync(cancellationToken);
        if (ColoradoReserve.Check(await ReserveAsync(cancellationToken), movement) is { } problem)
        {
            return new FieldProblem("volumeAf", problem);
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
        await transaction.CommitAsync(cancellationToken);
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
        else if (reading.UsOwnedAf > WaterLimits.MaxStorageAf)
        {
            errors.Add(new RowError(1, "usOwnedAf", WaterProblems.TooLarge.With(reading.UsOwnedAf, "AF", WaterLimits.MaxStorageAf)));
        }

        if (reading.UsCapacityAf <= 0)
        {
            errors.Add(new RowError(1, "usCapacityAf", WaterProblems.NotPositive.With()));
        }
        else if (reading.UsCapacityAf > WaterLimits.MaxStorageAf)
        {
            errors.Add(new RowError(1, "usCapacityAf", WaterProblems.TooLarge.With(reading.UsCapacityAf, "AF", WaterLimits.MaxStorageAf)));
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

    /// <summary>
    /// Imports a weekly table (at most <see cref="DeliveryImport.MaxBytes"/>, checked by the caller before reading): all
    /// valid rows in one transaction, or none when there are errors unless <paramref name="validRowsOnly"/>. A parallel
    /// import of the same weeks fails on the unique index as a whole (<see cref="DbUpdateException"/>, a
    /// <see cref="UniqueConflict"/>), so one set is written.
    /// </summary>
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
            db.WaterDeliveries.Add(NewDelivery(d));
        }

        await db.SaveChangesAsync(cancellationToken); // one transaction: every valid row, with its audit entries
        return new ImportResult(table, table.Valid.Count);
    }

    /// <summary>
    /// Records one delivery checked as one record (a comma in the document is kept; with <paramref name="numbers"/> the
    /// volume is read as the person's language writes it). The unique index on week and source decides between parallel
    /// writers: the loser gets a <see cref="DbUpdateException"/> whose <see cref="UniqueConflict"/> names it.
    /// </summary>
    public async Task<DeliveryWrite> AddAsync(DeliveryFields fields, IFormatProvider? numbers, CancellationToken cancellationToken = default)
    {
        var errors = new List<RowError>();
        if (await CheckAsync(fields, numbers, null, errors, cancellationToken) is not { } delivery)
        {
            return DeliveryWrite.Invalid(errors);
        }

        var record = NewDelivery(delivery);
        db.WaterDeliveries.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new DeliveryWrite(DeliveryWriteOutcome.Written, record, []);
    }

    /// <summary>Corrects a delivery recorded by mistake, from the <paramref name="version"/> the writer read (audited).</summary>
    public async Task<DeliveryWrite> CorrectAsync(Guid id, int version, DeliveryFields fields, IFormatProvider? numbers, CancellationToken cancellationToken = default)
    {
        var record = await db.WaterDeliveries.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (Refused(record, version) is { } refused)
        {
            return refused;
        }

        var errors = new List<RowError>();
        if (await CheckAsync(fields, numbers, id, errors, cancellationToken) is not { } delivery)
        {
            return DeliveryWrite.Invalid(errors);
        }

        db.Entry(record!).Property(r => r.Version).OriginalValue = version; // a writer in between makes the save fail (409)
        record!.Date = delivery.Date;
        record.VolumeAf = delivery.VolumeAf;
        record.Source = delivery.Source;
        record.DocumentReference = delivery.DocumentReference;
        await db.SaveChangesAsync(cancellationToken);
        return new DeliveryWrite(DeliveryWriteOutcome.Written, record, []);
    }

    /// <summary>
    /// Withdraws a delivery recorded by mistake: it stays as a record with the reason (and, in the audit trail, who and
    /// when) but leaves the ledger and frees its week for a correct one. Deliveries are never deleted.
    /// </summary>
    public async Task<DeliveryWrite> WithdrawAsync(Guid id, int version, string? reason, CancellationToken cancellationToken = default)
    {
        var record = await db.WaterDeliveries.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (Refused(record, version) is { } refused)
        {
            return refused;
        }

        var text = reason?.Trim() ?? "";
        if (text.Length == 0 || text.Length > WaterLimits.MaxReasonLength)
        {
            return DeliveryWrite.Invalid([new RowError(1, "reason", text.Length == 0
                ? WaterProblems.ReasonMissing.With()
                : WaterProblems.TooLong.With(WaterLimits.MaxReasonLength))]);
        }

        db.Entry(record!).Property(r => r.Version).OriginalValue = version;
        record!.Withdraw(text);
        await db.SaveChangesAsync(cancellationToken);
        return new DeliveryWrite(DeliveryWriteOutcome.Written, record, []);
    }

    private static DeliveryWrite? Refused(WaterDeliveryRecord? record, int version) =>
        record is null ? DeliveryWrite.Of(DeliveryWriteOutcome.NotFound)
        : record.Withdrawn ? new DeliveryWrite(DeliveryWriteOutcome.Withdrawn, record, [new RowError(1, "id", WaterProblems.Withdrawn.With())])
        : record.Version != version ? DeliveryWrite.Of(DeliveryWriteOutcome.Stale)
        : null;

    /// <summary>One delivery's own checks, then one per week and source against what counts (leaving out <paramref name="except"/>).</summary>
    private async Task<Delivery?> CheckAsync(DeliveryFields fields, IFormatProvider? numbers, Guid? except, List<RowError> errors, CancellationToken cancellationToken)
    {
        var cycles = Cycles(await ReadingsAsync(cancellationToken)).Select(h => h.Cycle).ToList();
        if (DeliveryImport.Check(1, fields, cycles, errors, numbers) is not { } delivery)
        {
            return null;
        }

        var week = DeliveryImport.WeekOf(delivery.Date);
        if (await db.WaterDeliveries.AnyAsync(d => d.WeekOf == week && d.Source == delivery.Source && d.Id != except, cancellationToken))
        {
            errors.Add(new RowError(1, "date", WaterProblems.WeekRecorded.With(delivery.Source.ToString(), week.ToString(IsoDate.Format, CultureInfo.InvariantCulture))));
            return null;
        }

        return delivery;
    }

    private static WaterDeliveryRecord NewDelivery(Delivery d) => new()
    {
        Id = Guid.CreateVersion7(),
        // A random tail: a withdrawn delivery keeps its code, and its replacement for the same date needs another.
        Code = UniqueCode("RGD", d.Date, d.Source.ToString()),
        Date = d.Date,
        VolumeAf = d.VolumeAf,
        Source = d.Source,
        DocumentReference = d.DocumentReference,
        Section = "VII",
    };

    /// <summary>A record code for entries that may repeat on a date: prefix, date, what, and a random tail (40 characters).</summary>
    private static string UniqueCode(string prefix, DateOnly date, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{date:yyyyMMdd}-{what}-{Guid.NewGuid():N}")[..40].ToUpperInvariant();
}
