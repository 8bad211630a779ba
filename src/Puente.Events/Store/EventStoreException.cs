namespace Puente.Events.Store;

/// <summary>
/// The event store cannot be used as asked. Puente.Events translates DuckDB's errors into this type (and its
/// subtypes) at its boundary, so callers decide by type, never by DuckDB's message text (decision 0012).
/// </summary>
public class EventStoreException : Exception
{
    public EventStoreException(string message)
        : base(message)
    {
    }

    public EventStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
