using Puente.Events.Store;

namespace Puente.Events.Hosting;

/// <summary>
/// The configuration section <c>Events</c>: <c>Events:Fetch:Enabled</c>, <c>Events:Fetch:IntervalMinutes</c>,
/// <c>Events:Gdelt:BaseUrl</c>, <c>Events:ReadWaitMilliseconds</c> and <c>Events:KeepOpenSeconds</c>. Checked at start by
/// <see cref="EventsOptionsValidator"/>; the data directory is <c>Puente:DataDirectory</c> (<c>PuenteSettings</c>).
/// </summary>
public sealed class EventsOptions
{
    public const string SectionName = "Events";

    /// <summary>The data directory (from <c>PuenteSettings</c>, not from this section): the store, its details,
    /// <c>frames.json</c> and <c>gdelt-downloads/</c> live there.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>The store file in <see cref="DataDirectory"/>.</summary>
    public string StorePath => Path.Combine(DataDirectory, EventStore.FileName);

    /// <summary>The scheduled fetch of the web host.</summary>
    public EventFetchOptions Fetch { get; set; } = new();

    /// <summary>Where GDELT's files are read from.</summary>
    public GdeltOptions Gdelt { get; set; } = new();

    /// <summary>How long a read waits while this process's fetch opens the store (milliseconds, 0–10,000), before it is
    /// answered "busy". The wait is asynchronous: no thread is held.</summary>
    public int ReadWaitMilliseconds { get; set; } = 1000;

    /// <summary>How long the store stays open after the last read (seconds, 0–3,600). Reads within it cost a connection,
    /// not a file open; after it, another process (<c>puente events ingest</c>) can write the store.</summary>
    public int KeepOpenSeconds { get; set; } = 5;
}
