using DuckDB.NET.Data;

namespace Puente.Events.Store;

/// <summary>
/// The event store as one process shares it: one DuckDB database instance, a connection per read, and at most one
/// writer (the scheduled fetch) at a time. Replaces the process-wide gate that made readers wait for the fetch
/// (decision 0012).
/// <list type="bullet">
/// <item>Reads open a connection on the process's instance (about 0.25 ms) instead of opening the file (about 10 ms).
/// The instance is kept open by an anchor connection for <c>keepOpen</c> after the last read, then closed, so that another
/// process (<c>puente events ingest</c>) can take the file when the web host is idle.</item>
/// <item>While this process writes, reads use the writer's instance: DuckDB serves them the last committed state and
/// the <c>events</c> view hides loads in progress, so readers do not wait for an ingest.</item>
/// <item>A writer needs a read-write instance, and DuckDB gives a new connection the instance already open (its access
/// mode included). So before it opens the file, the writer waits for the reads in flight (milliseconds) and closes the
/// read-only instance; reads that arrive meanwhile wait for the writer to open, at most <c>readWait</c>, then fail with
/// <see cref="EventStoreBusyException"/>.</item>
/// <item>When another process holds the file for writing, opening fails at once with <see cref="EventStoreBusyException"/>:
/// no request waits for another process's ingest.</item>
/// </list>
/// </summary>
public sealed class EventStoreAccess : IDisposable
{
    private enum State
    {
        /// <summary>No anchor: the next read opens the file.</summary>
        Idle,

        /// <summary>The anchor holds the instance open for reads.</summary>
        Reading,

        /// <summary>A writer waits for the reads in flight; new reads wait for it.</summary>
        WriterPending,

        /// <summary>The writer holds a read-write instance; reads join it.</summary>
        Writing,
    }

    private readonly Lock _sync = new();
    private readonly SemaphoreSlim _writers = new(1, 1);
    private readonly TimeProvider _time;
    private readonly TimeSpan _readWait;
    private readonly TimeSpan _keepOpen;
    private readonly ITimer _idleTimer;
    private readonly string _readConnectionString;
    private EventStore? _anchor;
    private State _state;
    private int _readers;
    private TaskCompletionSource _writerOpened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _drained;
    private bool _disposed;

    /// <param name="storePath">The store file (<see cref="EventStore.FileName"/> in the data directory).</param>
    /// <param name="time">The clock of the waits and the idle close.</param>
    /// <param name="readWait">How long a read waits for this process's writer to open the file.</param>
    /// <param name="keepOpen">How long the instance stays open after the last read; zero closes it at once.</param>
    public EventStoreAccess(string storePath, TimeProvider time, TimeSpan readWait, TimeSpan keepOpen)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storePath);
        StorePath = storePath;
        _time = time;
        _readWait = readWait;
        _keepOpen = keepOpen;
        _readConnectionString = EventStore.ConnectionString(storePath, readOnly: true);
        _idleTimer = time.CreateTimer(_ => CloseIfIdle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>For a short-lived process (the CLI): no read wait, closed after each read.</summary>
    public EventStoreAccess(string storePath)
        : this(storePath, TimeProvider.System, TimeSpan.Zero, TimeSpan.Zero)
    {
    }

    public string StorePath { get; }

    /// <summary>Whether anything has been ingested (the file exists).</summary>
    public bool StoreExists => File.Exists(StorePath);

    /// <summary>
    /// Runs <paramref name="read"/> on a connection of its own; <paramref name="empty"/> when the store does not exist yet.
    /// The read itself runs on the calling thread (DuckDB's API is synchronous); only the wait for a starting writer is
    /// asynchronous, and bounded.
    /// </summary>
    /// <exception cref="EventStoreBusyException">Another process writes the store, or this process's writer did not open in time.</exception>
    /// <exception cref="EventStoreFormatException">The store was written by an earlier version of Puente.</exception>
    internal async ValueTask<T> ReadAsync<T>(Func<DuckDBConnection, T> read, T empty, CancellationToken cancellationToken)
    {
        if (!StoreExists)
        {
            return empty;
        }

        await EnterReadAsync(cancellationToken);
        DuckDBConnection? connection = null;
        try
        {
            connection = new DuckDBConnection(_readConnectionString);
            connection.Open();
            return read(connection);
        }
        catch (DuckDBException e)
        {
            throw EventStore.Translate(e, StorePath);
        }
        finally
        {
            // Closed before the count drops, so a writer that waits for the count never meets this connection's instance.
            connection?.Dispose();
            ExitRead();
        }
    }

    /// <summary>
    /// Opens the store for writing (creating it), runs <paramref name="write"/> and closes it. One writer at a time in
    /// this process; reads continue meanwhile on the writer's instance.
    /// </summary>
    /// <exception cref="EventStoreBusyException">Another process holds the file.</exception>
    /// <exception cref="EventStoreFormatException">The store was written by an earlier version of Puente.</exception>
    public async Task<T> WriteAsync<T>(Func<EventStore, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        await _writers.WaitAsync(cancellationToken);
        try
        {
            var store = await OpenWriterAsync(cancellationToken);
            try
            {
                return await write(store, cancellationToken);
            }
            finally
            {
                try
                {
                    store.Checkpoint();
                }
                finally
                {
                    // Whatever the checkpoint did, the writer's instance is released: a store left in Writing would keep
                    // the file locked for the life of the process.
                    lock (_sync)
                    {
                        // Reads still running on the writer's instance keep it open; a read arriving now opens an anchor on it.
                        _state = State.Idle;
                    }

                    store.Dispose();
                }
            }
        }
        finally
        {
            _writers.Release();
        }
    }

    private async Task<EventStore> OpenWriterAsync(CancellationToken cancellationToken)
    {
        Task drained;
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _idleTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _state = State.WriterPending;
            _writerOpened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_readers == 0)
            {
                _drained.TrySetResult();
            }

            drained = _drained.Task;
        }

        try
        {
            await drained.WaitAsync(cancellationToken);
            lock (_sync)
            {
                // No read is in flight and none starts while a writer is pending: after this, no connection of ours
                // holds an instance of the file, so the open below creates a read-write one.
                CloseAnchor();
            }

            // Outside the lock: reads that arrive now wait asynchronously instead of blocking their threads on the lock.
            var store = EventStore.Open(StorePath);
            lock (_sync)
            {
                _state = State.Writing;
                _writerOpened.TrySetResult();
            }

            return store;
        }
        catch
        {
            lock (_sync)
            {
                _state = _anchor is null ? State.Idle : State.Reading;
                _writerOpened.TrySetResult();
                ArmIdleClose();
            }

            throw;
        }
    }

    private async ValueTask EnterReadAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            Task writerOpened;
            lock (_sync)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                switch (_state)
                {
                    case State.Idle:
                        // Opening under the lock: concurrent first reads share the one open (milliseconds) instead of
                        // each opening the file.
                        _anchor ??= EventStore.Open(StorePath, readOnly: true);
                        _state = State.Reading;
                        _readers++;
                        return;
                    case State.Reading or State.Writing:
                        _readers++;
                        return;
                    default:
                        writerOpened = _writerOpened.Task;
                        break;
                }
            }

            var left = _readWait - _time.GetElapsedTime(started);
            try
            {
                await writerOpened.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, _time, cancellationToken);
            }
            catch (TimeoutException e)
            {
                throw new EventStoreBusyException($"{Path.GetFileName(StorePath)} is being opened for an ingest.", e);
            }
        }
    }

    private void ExitRead()
    {
        lock (_sync)
        {
            if (--_readers > 0)
            {
                return;
            }

            if (_state == State.WriterPending)
            {
                _drained?.TrySetResult();
            }
            else
            {
                ArmIdleClose();
            }
        }
    }

    /// <summary>With the lock held: closes the anchor after the keep-open time, or now.</summary>
    private void ArmIdleClose()
    {
        if (_state != State.Reading || _readers > 0)
        {
            return;
        }

        if (_keepOpen <= TimeSpan.Zero)
        {
            CloseAnchor();
            _state = State.Idle;
        }
        else
        {
            _idleTimer.Change(_keepOpen, Timeout.InfiniteTimeSpan);
        }
    }

    private void CloseIfIdle()
    {
        lock (_sync)
        {
            if (_state == State.Reading && _readers == 0)
            {
                CloseAnchor();
                _state = State.Idle;
            }
        }
    }

    /// <summary>With the lock held, so that no writer opens the file while a read-only instance is closing.</summary>
    private void CloseAnchor()
    {
        _anchor?.Dispose();
        _anchor = null;
    }

    public void Dispose()
    {
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            CloseAnchor();
            _state = State.Idle;
        }

        _idleTimer.Dispose();
        _writers.Dispose();
    }
}
