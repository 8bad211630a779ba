namespace Puente.Core.Records;

/// <summary>
/// Marks a property that records what has happened to a record (a current status kept for lists), not what the record
/// says. Seeding never writes it, so a person changing it does not make a seeded record a local edit: later corrections
/// of the seed still reach the record's own text (the audit writer keeps its <see cref="ContentRecord.SeedHash"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class RecordStateAttribute : Attribute;
