namespace Puente.Core.Health;

/// <summary>How a mechanism stands against its expected cadence on a day (see <see cref="MechanismHealth.StatusOn"/>).</summary>
public enum MechanismStatus
{
    /// <summary>No session recorded on or before the day.</summary>
    NotYetMet,

    /// <summary>The last session is at most 1.5 expected intervals before the day.</summary>
    OnCadence,

    /// <summary>More than 1.5 and at most 3 intervals since the last session.</summary>
    Late,

    /// <summary>More than 3 intervals since the last session.</summary>
    Dormant,

    /// <summary>It has met, and it meets when needed: no cadence, so never late or dormant.</summary>
    AdHoc,
}
