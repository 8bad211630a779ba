namespace Puente.Core.Access;

/// <summary>Compares who may read two records, by their access alone (no database).</summary>
public static class Readership
{
    /// <summary>
    /// True when everyone who can read a record with <paramref name="recordConfidentiality"/> and
    /// <paramref name="recordSide"/> can also read the other record: the other is Shared; or both are Internal to the
    /// same side; or both are Restricted (their grants are not compared: a Restricted record may name only Restricted
    /// ones, which is the strictest this rule can hold without reading grants). A record that names another (a
    /// participant, a piece of evidence) must pass this, or some of its readers would meet a name hidden from them.
    /// </summary>
    public static bool ReadableByAllReadersOf(Confidentiality otherConfidentiality, Side otherSide, Confidentiality recordConfidentiality, Side recordSide) =>
        otherConfidentiality == Confidentiality.Shared
        || (otherConfidentiality == Confidentiality.Internal && recordConfidentiality == Confidentiality.Internal && otherSide == recordSide)
        || (otherConfidentiality == Confidentiality.Restricted && recordConfidentiality == Confidentiality.Restricted);
}
