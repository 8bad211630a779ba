using Puente.Core.Catalog;

namespace Puente.Core.Health;

/// <summary>Engagements that started on one day: how many, and how many of them at head-of-state level.</summary>
public readonly record struct EngagementDay(DateOnly Date, int Engagements, int AtHeadOfState);

/// <summary>Engagements of one track that started on one day (an engagement on two tracks counts in both).</summary>
public readonly record struct TrackDay(string Track, DateOnly Date, int Engagements);

/// <summary>A mechanism's cadence and the distinct days it held sessions on, ascending.</summary>
public sealed record MechanismSessions(string Code, Cadence Cadence, IReadOnlyList<DateOnly> Days);

/// <summary>
/// What the institutionalization index is computed from, aggregated by the data layer for the days it will be asked
/// about (each fact list covers the windows of all of them). Small: a row per day, per track and day, per mechanism.
/// </summary>
public sealed record IndexFacts
{
    /// <summary>Engagements per start day, ascending.</summary>
    public required IReadOnlyList<EngagementDay> Days { get; init; }

    /// <summary>Engagements per track and start day; empty for the index of one track (the spread is then not defined).</summary>
    public required IReadOnlyList<TrackDay> TrackDays { get; init; }

    /// <summary>How many tracks there are to spread over (the normalisation of the entropy); 0 for one track's index.</summary>
    public required int TrackCount { get; init; }

    public required IReadOnlyList<MechanismSessions> Mechanisms { get; init; }

    public required IReadOnlyList<AdministrationTerm> Administrations { get; init; }

    /// <summary>For each as-of day: the commitments due in its window, by their status on that day.</summary>
    public required IReadOnlyDictionary<DateOnly, CommitmentOutcomes> CommitmentsDue { get; init; }
}
