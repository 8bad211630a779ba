using System.Globalization;

namespace Puente.Web.Features.Notifications;

/// <summary>The words for a notification's occasion: "due-N" (due within N days), "due-0" (today), "overdue", each
/// possibly followed by "@" and the due date; an alert's "opened" and "escalated-High"; any other occasion is shown as it
/// is stored.</summary>
public static class NotificationOccasions
{
    public static string Describe(string occasion, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(occasion);
        ArgumentNullException.ThrowIfNull(t);
        // "due-7@2026-06-01": the due date the occasion was for (a moved due date is a new occasion).
        var at = occasion.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            occasion = occasion[..at];
        }

        if (occasion == "overdue")
        {
            return t["Overdue"];
        }

        if (occasion == "opened")
        {
            return t["Alert opened"];
        }

        if (occasion.StartsWith("escalated-", StringComparison.Ordinal))
        {
            return t["Escalated to {0}", t["Severity." + occasion["escalated-".Length..]]];
        }

        if (occasion.StartsWith("due-", StringComparison.Ordinal)
            && int.TryParse(occasion.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            return days switch
            {
                0 => t["Due today"],
                1 => t["Due tomorrow"],
                _ => t["Due within {0} days", days],
            };
        }

        return occasion;
    }
}
