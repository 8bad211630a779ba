namespace Puente.Core.Catalog;

/// <summary>How often a mechanism is expected to meet; the basis of its health (an overdue meeting is a signal).</summary>
public enum Cadence
{
    Continuous,
    Monthly,
    Quarterly,

    /// <summary>Twice a year.</summary>
    Biannual,
    Annual,

    /// <summary>Every two years.</summary>
    Biennial,
    Triennial,
    AdHoc,
}
