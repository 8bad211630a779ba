using System.Text.Json;
using System.Text.Json.Serialization;
using Puente.Core.Water;

namespace Puente.Data.Water;

/// <summary>An IBWC minute or agreement that changes the water accounting; its source is named in both languages.</summary>
public sealed record WaterMinute(string Code, string Basin, string Date, string TitleEn, string TitleEs, string SummaryEn, string SummaryEs,
    IReadOnlyList<string> CommitmentsEn, IReadOnlyList<string> CommitmentsEs, string SourceEn, string SourceEs,
    IReadOnlyList<string?>? CommitmentsDue = null)
{
    /// <summary>The code of the ledger entry for its commitment number <paramref name="index"/> (0-based), seeded from this file.</summary>
    public string CommitmentCode(int index) => $"W-{Code}-{index + 1}";
}

/// <summary>Loads the water data files shipped with Puente (<c>Water/*.json</c>, embedded).</summary>
/// <summary>A Colorado delivery year with its projected 1 January Lake Mead elevation and where that figure comes from.</summary>
public sealed record ColoradoYear(int Year, decimal ElevationFt, string SourceEn, string SourceEs);

public static class WaterData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static IReadOnlyList<ColoradoRules> ColoradoRules { get; } = LoadColorado();

    public static IReadOnlyList<CycleHistory> RioGrande { get; } = LoadRioGrande();

    /// <summary>Colorado delivery years whose projected 1 January elevation is on record, with their sources (bilingual).</summary>
    public static IReadOnlyList<ColoradoYear> ColoradoYears { get; } = Read<ColoradoYearsFile>("colorado-years.json").Years;

    /// <summary>Minutes and agreements that change the terms, with their commitments (bilingual).</summary>
    public static IReadOnlyList<WaterMinute> Minutes { get; } = Read<MinutesFile>("minutes.json").Minutes;

    private static IReadOnlyList<ColoradoRules> LoadColorado()
    {
        var file = Read<ColoradoFile>("colorado-tiers.json");
        return [.. file.Minutes.Select(m => new ColoradoRules(m.Minute, m.ValidFrom, m.ValidTo, m.BaseAf,
            Bands(m.Tiers), Bands(m.Surplus), Bands(m.Reductions), Bands(m.ScarcitySavings)))];
    }

    private static List<CycleHistory> LoadRioGrande()
    {
        var file = Read<RioGrandeFile>("rio-grande.json");
        var cycles = new List<CycleHistory>();
        foreach (var c in file.Cycles.OrderBy(c => c.Number))
        {
            var settled = c.CarriedDeficitSettled ?? true;
            // An unsettled carried deficit spans the previous cycle's closing figures; the ledger carries the one marked there.
            var previous = cycles.Count > 0 && !settled ? cycles[^1] : null;
            cycles.Add(new CycleHistory(
                new RioGrandeCycle(c.Number, c.Start, c.ActualEnd, c.EndKind, c.CarriedDeficitAf ?? 0m, c.CarriedDeficitBasisEn),
                [.. c.Deliveries.Select(d => new Delivery(d.Date, d.VolumeAf, d.Source, d.Document, d.Since))],
                c.ClosingDeficits, c.NotesEn, settled, c.NotesEs, c.CarriedDeficitBasisEs,
                previous?.ClosingDeficitRangeAf));
        }

        return cycles;
    }

    private static List<BandValue> Bands(IEnumerable<BandEntry> entries) =>
        [.. entries.Select(b => new BandValue(new ElevationBand(b.Lower, b.LowerInclusive, b.Upper, b.UpperInclusive), b.Af ?? 0m, b.Tier))];

    private static T Read<T>(string name)
    {
        using var stream = typeof(WaterData).Assembly.GetManifestResourceStream("Puente.Water." + name)
            ?? throw new InvalidDataException($"Water data file {name} is not embedded.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"Water data file {name} is empty.");
    }

#pragma warning disable CA1812 // instantiated by System.Text.Json
    private sealed record ColoradoYearsFile(List<ColoradoYear> Years);

    private sealed record BandEntry(decimal? Lower, bool LowerInclusive, decimal? Upper, bool UpperInclusive, decimal? Af, string? Tier);

    private sealed record MinuteEntry(string Minute, DateOnly ValidFrom, DateOnly ValidTo, string Source, decimal BaseAf, List<BandEntry> Tiers,
        List<BandEntry> Surplus, List<BandEntry> Reductions, List<BandEntry> ScarcitySavings);

    private sealed record ColoradoFile(List<MinuteEntry> Minutes);

    private sealed record DeliveryEntry(DateOnly Date, DateOnly? Since, decimal VolumeAf, DeliverySource Source, string? Document);

    private sealed record CycleEntry(int Number, DateOnly Start, DateOnly? ActualEnd, CycleEnd EndKind, decimal? CarriedDeficitAf, bool? CarriedDeficitSettled,
        string? CarriedDeficitBasisEn, string? CarriedDeficitBasisEs, List<DeliveryEntry> Deliveries, List<SourcedFigure> ClosingDeficits,
        string? NotesEn, string? NotesEs);

    private sealed record RioGrandeFile(List<CycleEntry> Cycles);

    private sealed record MinutesFile(List<WaterMinute> Minutes);
#pragma warning restore CA1812
}
