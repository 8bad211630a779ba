using Puente.Core.Text;

namespace Puente.Core.Audit;

/// <summary>
/// What the audit verifier reports about the trail's anchor outside the database. The web layer translates each
/// <see cref="ProblemKind.Code"/> (EN/ES); the CLI prints the English template.
/// </summary>
public static class AuditProblems
{
    public static readonly ProblemKind AnchorMissing = new("audit.anchorMissing",
        "there is no audit anchor at {0}, so {1} entries cannot be checked for deletion or rewriting (starting Puente or 'puente db migrate' anchors the current head)");

    public static readonly ProblemKind AnchorRemoved = new("audit.anchorRemoved",
        "the audit anchor at {0} was removed while its key is still there, so {1} entries cannot be checked for deletion or rewriting; an operator who restored a backup must move both the anchor's key and the anchor aside before the trail is anchored again");

    public static readonly ProblemKind AnchorKeyMissing = new("audit.anchorKeyMissing",
        "the audit anchor's key file {0} is missing, so the anchor's signature cannot be checked");

    public static readonly ProblemKind AnchorUnreadable = new("audit.anchorUnreadable",
        "the audit anchor at {0} cannot be read: {1}");

    public static readonly ProblemKind AnchorSignature = new("audit.anchorSignature",
        "the audit anchor at {0} does not carry a valid signature: it was altered, damaged or signed with another key");

    public static readonly ProblemKind EntriesMissing = new("audit.entriesMissing",
        "entries {0} to {1} are missing: the anchor names entry {1} as written and committed");

    public static readonly ProblemKind HeadChanged = new("audit.headChanged",
        "entry {0}, the anchored head, no longer has the anchored hash: it or an entry before it was changed and the later hashes recomputed");
}
