using Puente.Core.Catalog;

namespace Puente.Core.Plans;

/// <summary>How a scorecard groups a plan's recommendations.</summary>
public enum ScorecardGrouping
{
    Section,
    Addressee,
    Track,
}

/// <summary>One recommendation as a scorecard needs it; <see cref="Track"/> is the track's code, null for none.</summary>
public readonly record struct ScorecardItem(Guid Id, string? Section, Addressee Addressee, string? Track);

/// <summary>One status change as a scorecard needs it: which recommendation, when, in what order recorded, to what.</summary>
public readonly record struct StatusChangeRow(Guid RecommendationId, DateOnly Date, int Sequence, RecommendationStatus Status);

/// <summary>How many recommendations are in each status (every status present, zeros included).</summary>
public sealed class ScorecardTally
{
    private readonly int[] _counts = new int[RecommendationStatuses.All.Count];

    public int Total { get; private set; }

    public int this[RecommendationStatus status] => _counts[(int)status];

    internal void Add(RecommendationStatus status)
    {
        _counts[(int)status]++;
        Total++;
    }
}

/// <summary>One group of a scorecard: its key (a section, an addressee's name, a track's code; "" for none) and its counts.</summary>
public sealed record ScorecardGroup(string Key, ScorecardTally Tally);

/// <summary>A scorecard as of one day: the groups in order, the totals, and each recommendation's status that day.</summary>
public sealed record ScorecardResult(DateOnly AsOf, ScorecardGrouping By, IReadOnlyList<ScorecardGroup> Groups, ScorecardTally Totals,
    IReadOnlyDictionary<Guid, RecommendationStatus> StatusOf);

/// <summary>A scorecard at the end of one quarter (<see cref="AsOf"/> is the quarter's last day, or the period's end).</summary>
public sealed record ScorecardPoint(string Quarter, DateOnly AsOf, ScorecardResult Scorecard);

/// <summary>
/// Counts a plan's recommendations by status as of a day, grouped by section, addressee or track. A recommendation's
/// status on a day is that of its latest change dated on or before the day (by date, then the order recorded), and
/// <see cref="RecommendationStatus.NotStarted"/> before its first change. Only the items and changes handed in are
/// counted: callers pass what the reader may read.
/// </summary>
public static class Scorecard
{
    /// <summary>The most quarters a trend spans (50 years).</summary>
    public const int MaxQuarters = 200;

    /// <summary>The scorecard on <paramref name="asOf"/>. <paramref name="keyOrder"/> orders the groups' keys where the
    /// natural order is not enough (tracks by their catalog order); keys it does not name follow, "" last.</summary>
    public static ScorecardResult Compute(IReadOnlyCollection<ScorecardItem> items, IEnumerable<StatusChangeRow> changes, DateOnly asOf,
        ScorecardGrouping by, IReadOnlyList<string>? keyOrder = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(changes);
        var latest = new Dictionary<Guid, StatusChangeRow>();
        foreach (var change in changes)
        {
            if (change.Date <= asOf && (!latest.TryGetValue(change.RecommendationId, out var seen) || IsLater(change, seen)))
            {
                latest[change.RecommendationId] = change;
            }
        }

        return Tally(items, id => latest.TryGetValue(id, out var c) ? c.Status : RecommendationStatus.NotStarted, asOf, by, keyOrder);
    }

    /// <summary>
    /// The scorecard at the end of each quarter from the quarter holding <paramref name="from"/> to the one holding
    /// <paramref name="to"/>; the last point is as of <paramref name="to"/> itself. The changes are read once, in order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>, or the period spans more than <see cref="MaxQuarters"/> quarters.</exception>
    public static IReadOnlyList<ScorecardPoint> Trend(IReadOnlyCollection<ScorecardItem> items, IEnumerable<StatusChangeRow> changes, DateOnly from,
        DateOnly to, ScorecardGrouping by, IReadOnlyList<string>? keyOrder = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(changes);
        var ends = Quarters.Ends(from, to);
        var ordered = changes.Where(c => c.Date <= to).OrderBy(c => c.Date).ThenBy(c => c.Sequence).ToList();
        var current = new Dictionary<Guid, RecommendationStatus>();
        var points = new List<ScorecardPoint>(ends.Count);
        var next = 0;
        foreach (var (quarter, end) in ends)
        {
            for (; next < ordered.Count && ordered[next].Date <= end; next++)
            {
                current[ordered[next].RecommendationId] = ordered[next].Status;
            }

            points.Add(new ScorecardPoint(quarter, end,
                Tally(items, id => current.TryGetValue(id, out var s) ? s : RecommendationStatus.NotStarted, end, by, keyOrder)));
        }

        return points;
    }

    /// <summary>The status of one recommendation on <paramref name="day"/> from its changes.</summary>
    public static RecommendationStatus StatusOn(IEnumerable<StatusChangeRow> changes, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(changes);
        StatusChangeRow? latest = null;
        foreach (var change in changes)
        {
            if (change.Date <= day && (latest is not { } seen || IsLater(change, seen)))
            {
                latest = change;
            }
        }

        return latest?.Status ?? RecommendationStatus.NotStarted;
    }

    /// <summary>The group key of a recommendation.</summary>
    public static string KeyOf(ScorecardItem item, ScorecardGrouping by) => by switch
    {
        ScorecardGrouping.Section => item.Section ?? "",
        ScorecardGrouping.Addressee => item.Addressee.ToString(),
        ScorecardGrouping.Track => item.Track ?? "",
        _ => throw new ArgumentOutOfRangeException(nameof(by)),
    };

    private static bool IsLater(StatusChangeRow a, StatusChangeRow b) => a.Date != b.Date ? a.Date > b.Date : a.Sequence > b.Sequence;

    private static ScorecardResult Tally(IReadOnlyCollection<ScorecardItem> items, Func<Guid, RecommendationStatus> statusOf, DateOnly asOf,
        ScorecardGrouping by, IReadOnlyList<string>? keyOrder)
    {
        var groups = new Dictionary<string, ScorecardTally>(StringComparer.Ordinal);
        var totals = new ScorecardTally();
        var statuses = new Dictionary<Guid, RecommendationStatus>(items.Count);
        foreach (var item in items)
        {
            var status = statusOf(item.Id);
            statuses[item.Id] = status;
            var key = KeyOf(item, by);
            if (!groups.TryGetValue(key, out var tally))
            {
                groups[key] = tally = new ScorecardTally();
            }

            tally.Add(status);
            totals.Add(status);
        }

        IEnumerable<string> keys = by switch
        {
            ScorecardGrouping.Section => groups.Keys.Order(PlanSections.Order),
            ScorecardGrouping.Addressee => groups.Keys.OrderBy(k => Enum.Parse<Addressee>(k)),
            _ => groups.Keys.OrderBy(k => k.Length == 0 ? 1 : 0).ThenBy(k => Rank(keyOrder, k)).ThenBy(k => k, StringComparer.Ordinal),
        };
        return new ScorecardResult(asOf, by, [.. keys.Select(k => new ScorecardGroup(k, groups[k]))], totals, statuses);
    }

    private static int Rank(IReadOnlyList<string>? order, string key)
    {
        var index = -1;
        for (var i = 0; order is not null && i < order.Count && index < 0; i++)
        {
            index = order[i] == key ? i : -1;
        }

        return index < 0 ? int.MaxValue : index;
    }
}

/// <summary>Calendar quarters: Q1 is January–March.</summary>
public static class Quarters
{
    /// <summary>The quarter of a day, as "2025-Q3".</summary>
    public static string Name(DateOnly day) => $"{day.Year:D4}-Q{(day.Month + 2) / 3}";

    /// <summary>The last day of the quarter holding <paramref name="day"/>.</summary>
    public static DateOnly End(DateOnly day)
    {
        var lastMonth = ((day.Month + 2) / 3) * 3;
        return new DateOnly(day.Year, lastMonth, DateTime.DaysInMonth(day.Year, lastMonth));
    }

    /// <summary>How many quarters the period touches (1 when both days are in one quarter); 0 when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public static int Count(DateOnly from, DateOnly to) =>
        to < from ? 0 : ((to.Year - from.Year) * 4) + ((to.Month - 1) / 3) - ((from.Month - 1) / 3) + 1;

    /// <summary>Each quarter the period touches with the day its point is taken: the quarter's last day, or <paramref name="to"/> for the last.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>, or more than <see cref="Scorecard.MaxQuarters"/> quarters.</exception>
    public static IReadOnlyList<(string Quarter, DateOnly End)> Ends(DateOnly from, DateOnly to)
    {
        var count = Count(from, to);
        ArgumentOutOfRangeException.ThrowIfZero(count, nameof(to));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Scorecard.MaxQuarters, nameof(to));
        var result = new List<(string, DateOnly)>(count);
        for (var day = from; result.Count < count; day = End(day).AddDays(1))
        {
            var end = End(day);
            result.Add((Name(day), end < to ? end : to));
        }

        return result;
    }
}
