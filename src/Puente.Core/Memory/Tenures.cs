namespace Puente.Core.Memory;

/// <summary>The rules of tenures: who holds a post on a day, and which periods of one post overlap.</summary>
public static class Tenures
{
    /// <summary>
    /// The holder of a post on <paramref name="day"/> among that post's <paramref name="tenures"/>: the one whose
    /// half-open period covers the day; if several do (an acting holder overlapping), the one that began last, and a
    /// substantive holder before an acting one that began the same day.
    /// </summary>
    public static Tenure? HolderOn(IEnumerable<Tenure> tenures, DateOnly day) =>
        tenures.Where(t => t.Covers(day)).OrderByDescending(t => t.From).ThenBy(t => t.Acting).FirstOrDefault();

    /// <summary>Pairs of the given tenures (of one post) whose periods overlap.</summary>
    public static IEnumerable<(Tenure First, Tenure Second)> Overlaps(IReadOnlyList<Tenure> tenures)
    {
        var ordered = tenures.OrderBy(t => t.From).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            for (var j = i + 1; j < ordered.Count && (ordered[i].To is null || ordered[j].From < ordered[i].To); j++)
            {
                yield return (ordered[i], ordered[j]);
            }
        }
    }
}
