using System.Globalization;
using Microsoft.EntityFrameworkCore;
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

    public async Task<CycleHistory?> CycleOnAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        CycleOn(date, await RecordedAsync(cancellationToken));

    /// <summary>The cycle in force on <paramref name="date"/>, with its seeded and recorded deliveries.</summary>
    public static CycleHistory? CycleOn(DateOnly date, IEnumerable<Delivery> recorded)
    {
        var seeded = WaterData.RioGrande.FirstOrDefault(h => h.Cycle.Contains(date) || (h.Cycle.EndKind == CycleEnd.Open && date >= h.Cycle.Start));
        return seeded is null ? null : seeded with
        {
            Deliveries = [.. seeded.Deliveries.Concat(recorded.Where(d => d.Date >= seeded.Cycle.Start && d.Date <= seeded.Cycle.End)).OrderBy(d => d.Date)],
        };
    }

    public async Task<ImportResult> ImportAsync(string csv, bool validRowsOnly, CancellationToken cancellationToken = default)
    {
        var existing = await RecordedAsync(cancellationToken);
        var table = DeliveryImport.Parse(csv, [.. WaterData.RioGrande.Select(h => h.Cycle)], existing);
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
}
