namespace Puente.Core.Water;

/// <summary>Acre-feet and cubic metres. Ledger arithmetic is exact (decimal); rounding happens only for display.</summary>
public static class WaterUnits
{
    /// <summary>1 acre-foot = 43,560 ft³ × 0.028316846592 m³/ft³ = 1,233.48183754752 m³ (exact).</summary>
    public const decimal CubicMetresPerAcreFoot = 1233.48183754752m;

    public static decimal ToCubicMetres(decimal acreFeet) => acreFeet * CubicMetresPerAcreFoot;

    /// <summary>Millions of cubic metres (hm³, Mm³), the unit Mexican agencies report in.</summary>
    public static decimal ToMillionCubicMetres(decimal acreFeet) => acreFeet * CubicMetresPerAcreFoot / 1_000_000m;

    public static decimal FromCubicMetres(decimal cubicMetres) => cubicMetres / CubicMetresPerAcreFoot;

    public static decimal FromMillionCubicMetres(decimal millionCubicMetres) => millionCubicMetres * 1_000_000m / CubicMetresPerAcreFoot;
}
