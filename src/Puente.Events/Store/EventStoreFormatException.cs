namespace Puente.Events.Store;

/// <summary>The events store was written by an earlier version of Puente (decision 0011): move it aside and ingest again.</summary>
public sealed class EventStoreFormatException(string message) : EventStoreException(message);
