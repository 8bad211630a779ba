using Puente.Core.Records;

namespace Puente.Core.Plans;

/// <summary>
/// A strategy document whose recommendations are tracked: the white paper (<see cref="WhitePaperCode"/>, seeded) and any
/// plan imported from a file. Its names and descriptions are the plan's title and what it is, in both languages. Its
/// recommendations are <see cref="Catalog.Recommendation"/> records with <see cref="Catalog.Recommendation.PlanId"/> set;
/// their codes are unique across all plans (the API addresses a recommendation by its code alone).
/// </summary>
public sealed class Plan : BilingualRecord
{
    /// <summary>The code of the white paper's plan, the first plan.</summary>
    public const string WhitePaperCode = "WHITE-PAPER-2025";

    /// <summary>The most recommendations one plan holds (the bound of an import and of a scorecard).</summary>
    public const int MaxRecommendations = 5000;

    public override string Label => Code;
}
