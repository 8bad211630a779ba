using System.Globalization;
using Puente.Core.Text;

namespace Puente.Core.Warning;

/// <summary>
/// The rules a marked crisis's days must meet, the same for the pages, the API and <c>puente crises add</c>: both days
/// given as YYYY-MM-DD, the start on or before the end (a one-day crisis has the same start and end; the range is
/// inclusive), and the end already come — it may be today anywhere on Earth (the day at UTC+14), so no reader's
/// "today" is refused, but never later. Problems come back keyed <c>start</c> and <c>end</c>.
/// </summary>
public static class CrisisRules
{
    /// <summary>The latest calendar day it is anywhere on Earth at <paramref name="utcNow"/> (UTC+14).</summary>
    public static DateOnly LatestToday(DateTimeOffset utcNow) => DateOnly.FromDateTime(utcNow.UtcDateTime.AddHours(14));

    /// <summary>Reads and checks the start and end; the days are valid only when no problem was added.</summary>
    public static (DateOnly Start, DateOnly End) Check(string? startText, string? endText, DateTimeOffset utcNow, ICollection<(string Field, Problem Problem)> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var start = Day(startText, "start", problems);
        var end = Day(endText, "end", problems);
        var latest = LatestToday(utcNow);
        if (start is { } s && s > latest)
        {
            problems.Add(("start", CrisisProblems.InFuture.With(Iso(s))));
        }

        if (end is { } e && e > latest)
        {
            problems.Add(("end", CrisisProblems.InFuture.With(Iso(e))));
        }
        else if (start is { } first && end is { } last && last < first)
        {
            problems.Add(("end", CrisisProblems.EndBeforeStart.With(Iso(last), Iso(first))));
        }

        return (start ?? default, end ?? default);
    }

    private static DateOnly? Day(string? text, string field, ICollection<(string Field, Problem Problem)> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add((field, CrisisProblems.DateRequired.With()));
            return null;
        }

        if (!IsoDate.TryParse(text, out var day))
        {
            problems.Add((field, CrisisProblems.NotADate.With(text.Length <= 40 ? text.Trim() : string.Concat(text.AsSpan(0, 40), "…"))));
            return null;
        }

        return day;
    }

    private static string Iso(DateOnly day) => day.ToString(IsoDate.Format, CultureInfo.InvariantCulture);
}
