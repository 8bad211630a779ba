namespace Puente.Events.Hosting;

/// <summary><c>Events:Fetch</c>: whether and how often the web host's scheduler fetches GDELT 2.0 event files.</summary>
public sealed class EventFetchOptions
{
    /// <summary><c>Events:Fetch:Enabled</c>: off unless set.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>Events:Fetch:IntervalMinutes</c>: minutes between fetches, 1–1,440 (GDELT publishes every 15).</summary>
    public int IntervalMinutes { get; set; } = 15;
}
