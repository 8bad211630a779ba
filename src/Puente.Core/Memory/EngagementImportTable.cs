using Puente.Core.Text;

namespace Puente.Core.Memory;

/// <summary>
/// What <see cref="EngagementImport.Parse"/> found: the rows that passed every check it can make, its problems
/// (bounded; callers add the database's to the same list), how many data rows the file has, and whether the file as a
/// whole was refused (not UTF-8, too large, a bad header, too many rows), in which case nothing may be written.
/// </summary>
public sealed record EngagementImportTable(IReadOnlyList<EngagementRow> Valid, RowProblems Problems, int Rows, bool Refused);
