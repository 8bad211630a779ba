using Puente.Core.Plans;
using Puente.Core.Text;

namespace Puente.Data.Plans;

/// <summary>
/// What a plan import did: the file as read, every problem (the file's and the database's), and what was written —
/// whether the plan was created or updated, how many recommendations were created, updated and left as they were, and
/// how many of the plan's recommendations the file does not name (kept, never deleted).
/// </summary>
public sealed record PlanImportResult(PlanImportTable Table, int Valid, bool Written, bool PlanCreated, int Created, int Updated, int Unchanged, int NotInFile)
{
    public RowProblems Problems => Table.Problems;

    /// <summary>Nothing was written because the file or some row is invalid: the caller's exit is a failure.</summary>
    public bool WroteNothingBecauseOfProblems => !Written && Problems.Any;

    /// <summary>Where a problem is, as the report says it: "row 5, addressee" (CSV), "recommendation 3, addressee" or "plan, nameEn" (JSON).</summary>
    public string Where(RowProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Table.Format == PlanFileFormat.Csv ? $"row {problem.Row}, {problem.Field}"
            : problem.Row == 0 ? $"plan, {problem.Field}"
            : $"recommendation {problem.Row}, {problem.Field}";
    }
}
