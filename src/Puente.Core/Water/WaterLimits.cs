namespace Puente.Core.Water;

/// <summary>
/// The largest number and the longest text each water entry may carry (docs/decisions/0018-water-bounds.md). The volume
/// ceilings are physical: above them an entry is a typing or unit error, not water. They also keep every stored value so
/// small that no ledger sum can overflow <see cref="decimal"/> (a cycle of weekly rows of 5,000,000 AF sums to about
/// 10¹⁰ AF; <see cref="decimal.MaxValue"/> is about 7.9 × 10²⁸).
/// </summary>
public static class WaterLimits
{
    /// <summary>
    /// One recorded Rio Grande delivery, in acre-feet. The whole river at Laredo carried at most 7,310,310 AF in a year
    /// (1932, IBWC record 1932–63), and Mexico's share of the conservation storage in Amistad and Falcon — what a storage
    /// transfer can move — is about 2,500,000 AF; a delivery record (weekly, or an aggregate such as a transfer under a
    /// minute) above 5,000,000 AF is not water the river could have carried.
    /// </summary>
    public const decimal MaxDeliveryAf = 5_000_000m;

    /// <summary>
    /// A storage reading's U.S.-owned volume or U.S. conservation capacity, in acre-feet: the U.S. conservation capacity
    /// of Amistad and Falcon together is 3,375,802 AF (2014 survey), so one reservoir cannot read above 5,000,000 AF.
    /// </summary>
    public const decimal MaxStorageAf = 5_000_000m;

    /// <summary>
    /// One movement of Mexico's Colorado reserve, in acre-feet: at most a year's largest delivery to Mexico under
    /// Article 10 (1,500,000 AF guaranteed plus 200,000 AF of surplus); nothing more can be deferred, saved or recovered at once.
    /// </summary>
    public const decimal MaxReserveMovementAf = 1_700_000m;

    /// <summary>Flood-control releases the calculator accepts (AF); the treaty credits at most 200,000 of them.</summary>
    public const decimal MaxFloodControlAf = MaxDeliveryAf;

    /// <summary>A document reference (the database column's length).</summary>
    public const int MaxDocumentLength = 500;

    /// <summary>The reason given when a delivery is withdrawn.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>How much of an offending value a message repeats back.</summary>
    public const int MaxEchoLength = 40;

    /// <summary>A value shortened for an error message, so a huge field cannot make a huge error report.</summary>
    public static string Echo(string? value) =>
        value is null ? "" : value.Length <= MaxEchoLength ? value : string.Concat(value.AsSpan(0, MaxEchoLength), "…");
}
