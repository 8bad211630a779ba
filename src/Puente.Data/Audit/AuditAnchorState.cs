namespace Puente.Data.Audit;

/// <summary>The state of the anchor file as read.</summary>
public enum AuditAnchorState
{
    /// <summary>Neither the anchor nor its key exists: nothing was anchored yet (a new or upgraded trail).</summary>
    Missing,

    /// <summary>The anchor file is gone but its key is still there: someone removed the anchor. Never adopted again
    /// automatically, or deleting the anchor would let a truncated or rewritten trail be anchored anew.</summary>
    Removed,

    /// <summary>An anchor file exists but its key file does not, so its signature cannot be checked.</summary>
    KeyMissing,

    /// <summary>The anchor or key file exists but cannot be read (permissions, wrong size).</summary>
    Unreadable,

    /// <summary>The anchor is malformed or its signature does not match the key.</summary>
    Invalid,

    /// <summary>A well-formed anchor with a valid signature.</summary>
    Valid,
}
