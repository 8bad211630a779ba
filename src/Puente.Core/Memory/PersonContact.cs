using Puente.Core.Records;

namespace Puente.Core.Memory;

/// <summary>What a contact detail is.</summary>
public enum ContactKind
{
    Email = 0,
    Phone = 1,
    Address = 2,
    Assistant = 3,
    Other = 4,
}

/// <summary>
/// One contact detail of a person as one side keeps it: always Internal to that side, so the other side never reads
/// it, through any path (the access filter and the audit trail both follow it).
/// </summary>
public sealed class PersonContact : RecordPart
{
    public const int ValueMaxLength = 300;

    public ContactKind Kind { get; set; }

    public string Value { get; set; } = "";

    public override string Label => Code;
}
