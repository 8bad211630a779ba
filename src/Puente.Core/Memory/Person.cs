using Puente.Core.Records;

namespace Puente.Core.Memory;

/// <summary>
/// A person of the relationship. The name is kept as the person writes it, accents included, in
/// <see cref="BilingualRecord.NameEn"/> and <see cref="BilingualRecord.NameEs"/> (the same text); the descriptions are
/// the short biography in each language. Contact details are separate records, each Internal to one side
/// (<see cref="PersonContact"/>).
/// </summary>
public sealed class Person : BilingualRecord
{
    public const int HonorificMaxLength = 40;

    /// <summary>"Dr.", "Mtra.", "Amb."…, as the person uses it; empty when none.</summary>
    public string Honorific { get; set; } = "";

    /// <summary>Comma-separated ISO 639-1 codes ("es,en").</summary>
    public string Languages { get; set; } = "";

    public override string Label => Code;
}
