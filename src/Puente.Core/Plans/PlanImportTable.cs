using Puente.Core.Text;

namespace Puente.Core.Plans;

/// <summary>
/// What <see cref="PlanImport.Parse"/> found: the plan (null when it could not be read, which refuses the file), the
/// recommendations that passed every check it can make, its problems (bounded; callers add the database's to the same
/// list), how many recommendations the file has, and whether the file as a whole was refused.
/// </summary>
public sealed record PlanImportTable(PlanFileFormat Format, PlanHeader? Plan, IReadOnlyList<RecommendationRow> Valid, RowProblems Problems, int Rows,
    bool Refused);
