using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Puente.Events.Reading;

namespace Puente.Events.Store;

/// <summary>
/// Appends kept events to the store's <c>event_rows</c> table through DuckDB's appender, filling DuckDB's column
/// vectors directly from the line's bytes (no strings are allocated per event and nothing is parsed twice), and their
/// remaining fields to the load's detail file (docs/decisions/0011-event-ingest-speed.md). Rows land in the
/// connection's current transaction.
/// </summary>
internal sealed unsafe class EventAppender : IEventSink, IDisposable
{
    /// <summary>The columns of <c>event_rows</c>, in order, with their DuckDB types: what the measures filter and
    /// aggregate on, and where the rest of the event is (<see cref="EventDetails"/>).</summary>
    internal static readonly (string Name, DuckDBType Type)[] Columns =
    [
        ("global_event_id", DuckDBType.BigInt), ("sql_date", DuckDBType.Date),
        ("actor1_country", DuckDBType.Varchar), ("actor2_country", DuckDBType.Varchar),
        ("event_code", DuckDBType.Varchar), ("event_root_code", DuckDBType.Varchar), ("quad_class", DuckDBType.TinyInt),
        ("goldstein", DuckDBType.Double), ("avg_tone", DuckDBType.Double), ("num_articles", DuckDBType.Integer),
        ("detail", DuckDBType.BigInt), ("file_no", DuckDBType.Integer),
    ];

    private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private readonly DuckDB.NET.Native.DuckDBAppender _appender;
    private readonly DuckDBDataChunk _chunk;
    private readonly DuckDBLogicalType[] _types;
    private readonly IntPtr[] _vectors = new IntPtr[Columns.Length];
    private readonly byte*[] _data = new byte*[Columns.Length];
    private readonly int _fileNo;
    private readonly EventDetails.Writer _details;
    private readonly int _capacity;
    private int _rows;

    public EventAppender(DuckDBConnection connection, int fileNo, EventDetails.Writer details)
    {
        _fileNo = fileNo;
        _details = details;
        Check(NativeMethods.Appender.DuckDBAppenderCreate(connection.NativeConnection, null, "event_rows", out _appender), "create an appender");
        _types = [.. Columns.Select(c => NativeMethods.LogicalType.DuckDBCreateLogicalType(c.Type))];
        _chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk([.. _types.Select(t => t.DangerousGetHandle())], (ulong)_types.Length);
        _capacity = (int)NativeMethods.Helpers.DuckDBVectorSize();
        Bind();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Keep(in EventFields f)
    {
        var row = _rows;
        Put(0, row, f.Id);
        Put(1, row, f.Date.DayNumber - EpochDay);
        PutText(2, row, f[GdeltLayout.Actor1Country]);
        PutText(3, row, f[GdeltLayout.Actor2Country]);
        PutText(4, row, f[GdeltLayout.EventCode]);
        PutText(5, row, f[GdeltLayout.EventRootCode]);
        _data[6][row] = f.QuadClass;
        Put(7, row, f.Goldstein);
        Put(8, row, f.Tone);
        Put(9, row, f.Articles);
        Put(10, row, _details.Write(f));
        Put(11, row, _fileNo);
        if (++_rows == _capacity)
        {
            Flush();
        }
    }

    /// <summary>Appends what is buffered, makes the details durable and closes the appender (its rows are then in the
    /// transaction).</summary>
    public void Complete()
    {
        Flush();
        _details.Complete();
        Check(NativeMethods.Appender.DuckDBAppenderClose(_appender), "close the appender");
    }

    private void Flush()
    {
        if (_rows == 0)
        {
            return;
        }

        NativeMethods.DataChunks.DuckDBDataChunkSetSize(_chunk, (ulong)_rows);
        Check(NativeMethods.Appender.DuckDBAppendDataChunk(_appender, _chunk), "append events");
        NativeMethods.DataChunks.DuckDBDataChunkReset(_chunk);
        _rows = 0;
        Bind();
    }

    /// <summary>The vectors' buffers (a reset may replace them).</summary>
    private void Bind()
    {
        for (var i = 0; i < Columns.Length; i++)
        {
            _vectors[i] = NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk, i);
            _data[i] = (byte*)NativeMethods.Vectors.DuckDBVectorGetData(_vectors[i]);
        }
    }

    private void Put<T>(int column, int row, T value)
        where T : unmanaged => ((T*)_data[column])[row] = value;

    /// <summary>DuckDB's string_t: 4-byte length, then up to 12 bytes inline; longer text is copied into the vector's heap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PutText(int column, int row, ReadOnlySpan<byte> text)
    {
        if (text.Length <= 12)
        {
            var slot = new Span<byte>(_data[column] + (row * 16), 16);
            slot.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(slot, (uint)text.Length);
            text.CopyTo(slot[4..]);
            return;
        }

        fixed (byte* bytes = text)
        {
            // "Unsafe": DuckDB skips its UTF-8 check; the reader has already validated every line.
            NativeMethods.Vectors.DuckDBUnsafeVectorAssignStringElementLength(_vectors[column], (ulong)row, bytes, text.Length);
        }
    }

    private void Check(DuckDBState state, string what)
    {
        if (state == DuckDBState.Success)
        {
            return;
        }

        var message = _appender is { IsInvalid: false }
            ? NativeMethods.ErrorData.DuckDBErrorDataMessage(NativeMethods.Appender.DuckDBAppenderErrorData(_appender))
            : "unknown error";
        // Typically a full disk: reported as an I/O failure (the CLI exits 1 and names it).
        throw new IOException($"The events store could not {what}: {message}");
    }

    public void Dispose()
    {
        _appender?.Dispose();
        _chunk?.Dispose();
        foreach (var type in _types ?? [])
        {
            type.Dispose();
        }
    }
}
