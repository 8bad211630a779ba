using Puente.Core.Water;

namespace Puente.Data.Water;

/// <summary>
/// A closing deficit of a cycle (acre-feet and/or Mm³) and who reported it, in both languages. Sources may disagree: all
/// figures are kept, and <see cref="Ledger"/> marks the one the ledger's seeded deliveries reproduce (decision 0020).
/// </summary>
public sealed record SourcedFigure(decimal? Af, decimal? Mm3, string SourceEn, string SourceEs, bool Ledger = false)
{
    /// <summary>The figure in acre-feet: as reported, else converted from Mm³.</summary>
    public decimal AcreFeet => Af ?? (Mm3 is { } m ? WaterUnits.FromMillionCubicMetres(m) : 0m);

    /// <summary>The English source (what the API and the CLI show).</summary>
    public string Source => SourceEn;
}
