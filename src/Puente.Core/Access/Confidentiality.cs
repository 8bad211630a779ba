namespace Puente.Core.Access;

/// <summary>Who may read a content record. Ordered from least to most restrictive.</summary>
public enum Confidentiality
{
    /// <summary>Every signed-in user.</summary>
    Shared = 0,

    /// <summary>Only users of the record's owning side.</summary>
    Internal = 1,

    /// <summary>Only the users and groups named on the record.</summary>
    Restricted = 2,
}
