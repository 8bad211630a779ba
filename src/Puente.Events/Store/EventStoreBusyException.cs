namespace Puente.Events.Store;

/// <summary>
/// The event store cannot be opened now: another process (an ingest) holds it for writing, or, when opening it to write,
/// another process reads it; or this process's scheduled fetch did not open it within the read wait. Try again shortly;
/// nothing is wrong with the store.
/// </summary>
public sealed class EventStoreBusyException : EventStoreException
{
    public EventStoreBusyException(string message)
        : base(message)
    {
    }

    public EventStoreBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
