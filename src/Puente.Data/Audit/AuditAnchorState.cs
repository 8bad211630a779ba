namespace Puente.Data.Audit;

/// <summary>The state of the anchor file as read.</summary>
public enum AuditAnchorState
{
    /// <summary>No anchor file: nothing was anchored yet (or it was removed).</summary>
    Missing,

    /// <summary>An anchor file exists but its key file does not, so its signature cannot be checked.</summary>
    KeyMissing,

    /// <summary>The anchor or key file exists but cannot be read (permissions, wrong size).</summary>
    Unreadable,

    /// <summary>The anchor is malformed or its signature does not match the key.</summary>
    Invalid,

    /// <summary>A well-formed anchor with a valid signature.</summary>
    Valid,
}
