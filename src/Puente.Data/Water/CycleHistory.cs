using Puente.Core.Water;

namespace Puente.Data.Water;

/// <summary>
/// A cycle of the seeded history with its deliveries, sourced closing deficits and notes (English and Spanish).
/// <see cref="CarriedDeficitKnown"/> is false when the sources disagree on the deficit carried in: the ledger then carries
/// <see cref="RioGrandeCycle.CarriedDeficitAf"/> (the previous cycle's ledger figure) and <see cref="CarriedDeficitRangeAf"/>
/// holds the lowest and highest published figures.
/// </summary>
public sealed record CycleHistory(RioGrandeCycle Cycle, IReadOnlyList<Delivery> Deliveries, IReadOnlyList<SourcedFigure> ClosingDeficits, string? NotesEn,
    bool CarriedDeficitKnown, string? NotesEs = null, string? CarriedDeficitBasisEs = null, (decimal Low, decimal High)? CarriedDeficitRangeAf = null)
{
    /// <summary>The closing deficit the ledger reproduces (acre-feet): the figure marked so, else the only one; null without figures.</summary>
    public SourcedFigure? LedgerClosingDeficit => ClosingDeficits.FirstOrDefault(f => f.Ledger) ?? (ClosingDeficits.Count == 1 ? ClosingDeficits[0] : null);

    /// <summary>The lowest and highest published closing deficits (acre-feet); null without figures.</summary>
    public (decimal Low, decimal High)? ClosingDeficitRangeAf => ClosingDeficits.Count == 0
        ? null
        : (ClosingDeficits.Min(f => f.AcreFeet), ClosingDeficits.Max(f => f.AcreFeet));

    /// <summary>Whether the published closing figures disagree.</summary>
    public bool SourcesDisagree => ClosingDeficitRangeAf is { } r && r.Low != r.High;
}
