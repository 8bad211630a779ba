using Puente.Core.Catalog;

namespace Puente.Core.Health;

/// <summary>Share of engagements in the window held below head-of-state level.</summary>
public sealed record BelowHeadOfStatePart(double? Value, double Weight, double EffectiveWeight, int Engagements, int AtHeadOfState);

/// <summary>Share of the mechanisms with a cadence that have met which are on cadence.</summary>
public sealed record OnCadencePart(double? Value, double Weight, double EffectiveWeight, int Mechanisms, int OnCadence, int Late, int Dormant);

/// <summary>Normalised entropy of the window's engagements over the tracks.</summary>
public sealed record TrackSpreadPart(double? Value, double Weight, double EffectiveWeight, int TrackEngagements, int Tracks, int TracksUsed);

/// <summary>Share of the mechanisms that met in the window which have met under two or more administrations of each country.</summary>
public sealed record ContinuityPart(double? Value, double Weight, double EffectiveWeight, int Mechanisms, int MetUnderTwoOfEach);

/// <summary>Kept share of the commitments due in the window (open ones count as not kept).</summary>
public sealed record CommitmentsKeptPart(double? Value, double Weight, double EffectiveWeight, int Due, int Kept, int PartlyKept, int Broken, int Open);

/// <summary>The parts of the index on one day.</summary>
public sealed record IndexParts(BelowHeadOfStatePart BelowHeadOfState, OnCadencePart OnCadence, TrackSpreadPart TrackSpread, ContinuityPart Continuity,
    CommitmentsKeptPart CommitmentsKept);

/// <summary>The index on one day: 0–100 (one decimal), null when no part has data.</summary>
public sealed record IndexReading(DateOnly AsOf, DateOnly WindowStart, double? Value, IndexParts Parts);

/// <summary>
/// The institutionalization index (docs/institutionalization-index.md, decision 0047): a weighted mean of five shares,
/// each in [0, 1], over the window (asOf − 3 years, asOf], times 100. A part without data is null and the weights of
/// the others are renormalised to sum to one. Part values are rounded to four decimals, the index to one; the index is
/// computed from the unrounded parts.
/// </summary>
public static class InstitutionalizationIndex
{
    public const double BelowHeadOfStateWeight = 0.25;
    public const double OnCadenceWeight = 0.25;
    public const double ContinuityWeight = 0.20;
    public const double TrackSpreadWeight = 0.15;
    public const double CommitmentsKeptWeight = 0.15;

    public static IndexReading Compute(IndexFacts facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var windowStart = MechanismHealth.WindowStart(asOf);
        bool InWindow(DateOnly d) => d > windowStart && d <= asOf;

        // 1. Below head-of-state level.
        int engagements = 0, atHead = 0;
        foreach (var day in facts.Days)
        {
            if (InWindow(day.Date))
            {
                engagements += day.Engagements;
                atHead += day.AtHeadOfState;
            }
        }

        double? below = engagements == 0 ? null : (double)(engagements - atHead) / engagements;

        // 2. On cadence, and 4. continuity.
        int cadenced = 0, onCadence = 0, late = 0, dormant = 0, active = 0, continuing = 0;
        foreach (var m in facts.Mechanisms)
        {
            var status = MechanismHealth.StatusOn(m.Cadence, LastOnOrBefore(m.Days, asOf), asOf);
            if (m.Cadence != Cadence.AdHoc && status != MechanismStatus.NotYetMet)
            {
                cadenced++;
                onCadence += status == MechanismStatus.OnCadence ? 1 : 0;
                late += status == MechanismStatus.Late ? 1 : 0;
                dormant += status == MechanismStatus.Dormant ? 1 : 0;
            }

            if (MechanismHealth.SessionsInWindow(m.Days, asOf) > 0)
            {
                active++;
                continuing += MechanismHealth.MetUnderTwoOfEach(m.Days, facts.Administrations, asOf) ? 1 : 0;
            }
        }

        double? cadenceShare = cadenced == 0 ? null : (double)onCadence / cadenced;
        double? continuity = active == 0 ? null : (double)continuing / active;

        // 3. Spread over tracks: Shannon entropy of the track shares over ln(number of tracks).
        var byTrack = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in facts.TrackDays)
        {
            if (InWindow(t.Date))
            {
                byTrack[t.Track] = byTrack.GetValueOrDefault(t.Track) + t.Engagements;
            }
        }

        var mentions = byTrack.Values.Sum();
        double? spread = null;
        if (mentions > 0 && facts.TrackCount >= 2)
        {
            var entropy = byTrack.Values.Where(n => n > 0).Sum(n => -((double)n / mentions) * Math.Log((double)n / mentions));
            spread = Math.Clamp(entropy / Math.Log(facts.TrackCount), 0, 1);
        }

        // 5. Commitments due in the window that were kept.
        var due = facts.CommitmentsDue.GetValueOrDefault(asOf) ?? CommitmentOutcomes.None;
        var kept = due.KeptShareOfDue;

        var total = (below is null ? 0 : BelowHeadOfStateWeight) + (cadenceShare is null ? 0 : OnCadenceWeight)
            + (spread is null ? 0 : TrackSpreadWeight) + (continuity is null ? 0 : ContinuityWeight) + (kept is null ? 0 : CommitmentsKeptWeight);
        double Effective(double? value, double weight) => value is null || total == 0 ? 0 : Math.Round(weight / total, 4);
        double? value = total == 0
            ? null
            : Math.Round(100 * ((BelowHeadOfStateWeight * (below ?? 0)) + (OnCadenceWeight * (cadenceShare ?? 0)) + (TrackSpreadWeight * (spread ?? 0))
                + (ContinuityWeight * (continuity ?? 0)) + (CommitmentsKeptWeight * (kept ?? 0))) / total, 1);

        var parts = new IndexParts(
            new BelowHeadOfStatePart(Round(below), BelowHeadOfStateWeight, Effective(below, BelowHeadOfStateWeight), engagements, atHead),
            new OnCadencePart(Round(cadenceShare), OnCadenceWeight, Effective(cadenceShare, OnCadenceWeight), cadenced, onCadence, late, dormant),
            new TrackSpreadPart(Round(spread), TrackSpreadWeight, Effective(spread, TrackSpreadWeight), mentions, facts.TrackCount, byTrack.Count(kv => kv.Value > 0)),
            new ContinuityPart(Round(continuity), ContinuityWeight, Effective(continuity, ContinuityWeight), active, continuing),
            new CommitmentsKeptPart(Round(kept), CommitmentsKeptWeight, Effective(kept, CommitmentsKeptWeight), due.Judged + due.Open, due.Kept, due.PartlyKept,
                due.Broken, due.Open));
        return new IndexReading(asOf, windowStart, value, parts);
    }

    private static DateOnly? LastOnOrBefore(IReadOnlyList<DateOnly> days, DateOnly day)
    {
        var i = MechanismHealth.LastOnOrBefore(days, day);
        return i < 0 ? null : days[i];
    }

    private static double? Round(double? value) => value is null ? null : Math.Round(value.Value, 4);
}
