namespace Puente.Core.Catalog;

/// <summary>How often a mechanism is expected to meet; the basis of its health (an overdue meeting is a signal).</summary>
public enum Cadence
{
    Continuous,
    Monthly,
    Quarterly,
    SemiAnnual,
    Annual,
    Biennial,
    Triennial,
    AdHoc,
}
