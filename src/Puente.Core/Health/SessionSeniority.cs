using Puente.Core.Memory;

namespace Puente.Core.Health;

/// <summary>
/// The most senior level that attended a session on each side (the lowest <see cref="Seniority"/> value: the protocol
/// order); null when no participant of that side with a known level is recorded.
/// </summary>
public sealed record SessionSeniority(string Session, DateOnly Date, Seniority? Mx, Seniority? Us)
{
    /// <summary>The highest level per side among participants given as (country, level or null when unknown).</summary>
    public static SessionSeniority From(string session, DateOnly date, IEnumerable<(string Country, Seniority? Seniority)> participants)
    {
        ArgumentNullException.ThrowIfNull(participants);
        Seniority? mx = null, us = null;
        foreach (var (country, seniority) in participants)
        {
            if (seniority is not { } level)
            {
                continue;
            }

            if (country == "MX" && (mx is null || level < mx))
            {
                mx = level;
            }
            else if (country == "US" && (us is null || level < us))
            {
                us = level;
            }
        }

        return new SessionSeniority(session, date, mx, us);
    }
}
