using System.Globalization;
using Puente.Core.Text;

namespace Puente.Core.Plans;

/// <summary>
/// The rules a new status change of a recommendation must meet that need no database: a known status; a date that has
/// already come (anywhere: the day is compared with the date at UTC+14, so no reader's "today" is refused) and is not
/// before the latest recorded change (equal is allowed: the order recorded breaks the tie); and evidence for a claim
/// that something was done (<see cref="RecommendationStatuses.NeedsEvidence"/>). Problems come back keyed by the
/// request's field names (<c>status</c>, <c>date</c>, <c>evidence</c>).
/// </summary>
public static class RecommendationStatusRules
{
    /// <summary>The latest calendar day it is anywhere on Earth at <paramref name="utcNow"/> (UTC+14).</summary>
    public static DateOnly LatestToday(DateTimeOffset utcNow) => DateOnly.FromDateTime(utcNow.UtcDateTime.AddHours(14));

    /// <summary>Reads the status and date and checks them against the latest change's date and the clock.</summary>
    public static (RecommendationStatus Status, DateOnly Date) Check(string? statusText, string? dateText, bool hasEvidence, DateOnly? latestChange,
        DateTimeOffset utcNow, ICollection<(string Field, Problem Problem)> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var status = RecommendationStatus.NotStarted;
        var statusKnown = EnumText.TryParse(statusText, out status);
        if (!statusKnown)
        {
            problems.Add(("status", PlanProblems.UnknownStatus.With(Echo(statusText ?? ""), string.Join(", ", Enum.GetNames<RecommendationStatus>()))));
        }

        var date = default(DateOnly);
        if (string.IsNullOrWhiteSpace(dateText))
        {
            problems.Add(("date", PlanProblems.DateRequired.With()));
        }
        else if (!IsoDate.TryParse(dateText, out date))
        {
            problems.Add(("date", PlanProblems.NotADate.With(Echo(dateText))));
        }
        else if (date > LatestToday(utcNow))
        {
            problems.Add(("date", PlanProblems.DateInFuture.With(Iso(date))));
        }
        else if (latestChange is { } latest && date < latest)
        {
            problems.Add(("date", PlanProblems.DateBeforePrevious.With(Iso(date), Iso(latest))));
        }

        if (statusKnown && RecommendationStatuses.NeedsEvidence(status) && !hasEvidence)
        {
            problems.Add(("evidence", PlanProblems.EvidenceNeeded.With()));
        }

        return (status, date);
    }

    private static string Iso(DateOnly day) => day.ToString(IsoDate.Format, CultureInfo.InvariantCulture);

    private static string Echo(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
