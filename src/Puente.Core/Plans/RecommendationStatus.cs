namespace Puente.Core.Plans;

/// <summary>Where the carrying out of a recommendation stands. Before any recorded change: <see cref="NotStarted"/>.</summary>
public enum RecommendationStatus
{
    NotStarted,
    InProgress,
    PartlyImplemented,
    Implemented,
    Abandoned,
    NotApplicable,
}

public static class RecommendationStatuses
{
    /// <summary>Every status, in the order scorecards count them.</summary>
    public static IReadOnlyList<RecommendationStatus> All { get; } = Enum.GetValues<RecommendationStatus>();

    /// <summary>Implemented or partly implemented: a claim that something was done, which needs evidence.</summary>
    public static bool NeedsEvidence(RecommendationStatus status) =>
        status is RecommendationStatus.Implemented or RecommendationStatus.PartlyImplemented;
}
