namespace Puente.Core.Records;

/// <summary>
/// Marks a property that holds a secret (kept encrypted, such as a webhook's signing secret). The audit trail never
/// records it in any form — neither its value nor its ciphertext, before or after a change — so that whoever reads a
/// record's history never reads its secret (docs/decisions/0034-webhooks.md). A change of it alone is still audited as
/// an update of the record, without the value.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class SecretAttribute : Attribute;
