using System.Collections.Concurrent;

namespace Puente.Web.Hosting;

/// <summary>
/// Remembers, for at most <see cref="MaxAge"/>, whether a user's security stamp was still current, so that a client
/// sending many requests costs one account read per half minute rather than one per request. Bounded: past
/// <see cref="MaxEntries"/> answers it forgets them all (each is re-read on the next request).
/// </summary>
public sealed class SecurityStampCache(TimeProvider time)
{
    /// <summary>How long a change to an account (role, side, groups, lock, password) may take to reach its tokens and cookies.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    /// <summary>The most answers kept at once.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(string UserId, string Stamp), (bool Current, DateTimeOffset CheckedAt)> _answers = new();

    /// <summary>The remembered answer for the user and stamp, when it is younger than <see cref="MaxAge"/>.</summary>
    public bool TryGet(string userId, string stamp, out bool current)
    {
        if (_answers.TryGetValue((userId, stamp), out var answer) && time.GetUtcNow() - answer.CheckedAt < MaxAge)
        {
            current = answer.Current;
            return true;
        }

        current = false;
        return false;
    }

    /// <summary>Remembers whether the stamp was the account's when it was just read.</summary>
    public void Set(string userId, string stamp, bool current)
    {
        if (_answers.Count >= MaxEntries)
        {
            _answers.Clear();
        }

        _answers[(userId, stamp)] = (current, time.GetUtcNow());
    }
}
