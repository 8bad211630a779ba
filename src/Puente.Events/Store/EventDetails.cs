using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Puente.Events.Reading;

namespace Puente.Events.Store;

/// <summary>The fields of a kept event that no measure filters or aggregates on, as the drill-down shows them.</summary>
public sealed record EventDetail(string Actor1Code, string Actor1Name, string Actor2Code, string Actor2Name, bool IsRootEvent,
    string EventBaseCode, int NumMentions, int NumSources, string Place, string PlaceCountry, long DateAdded, string SourceUrl);

/// <summary>
/// The detail files of the event store (<c>events-details/</c> beside <c>events.duckdb</c>): one or more per load, written
/// while the load's rows are appended, one tab-separated record per kept event (its fields exactly as GDELT wrote them).
/// <c>event_rows.detail</c> holds the record's part and byte offset. Storing these in DuckDB's columns cost more than
/// half of an ingest (docs/decisions/0011-event-ingest-speed.md); a drill-down reads a few hundred records at most.
/// </summary>
public static class EventDetails
{
    public const string FolderName = "events-details";

    private const int OffsetBits = 40;

    /// <summary>Fields of a record, in order.</summary>
    private static readonly int[] CommonFields = [GdeltLayout.Actor1Code, GdeltLayout.Actor1Name, GdeltLayout.Actor2Code, GdeltLayout.Actor2Name];

    public static string Folder(string storePath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!, FolderName);

    private static string PartPath(string storePath, int fileNo, int part) =>
        Path.Combine(Folder(storePath), string.Create(CultureInfo.InvariantCulture, $"{fileNo}-{part}.tsv"));

    /// <summary>Deletes the detail files of the loads not in <paramref name="keep"/> (unfinished or dropped loads).</summary>
    public static void DeleteExcept(string storePath, IReadOnlySet<int> keep)
    {
        var folder = Folder(storePath);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.tsv"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var fileNo) || !keep.Contains(fileNo))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Deletes the detail files of one load.</summary>
    public static void Delete(string storePath, int fileNo)
    {
        var folder = Folder(storePath);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, string.Create(CultureInfo.InvariantCulture, $"{fileNo}-*.tsv")))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Reads the details of the given events (file number and detail reference); missing records give null.</summary>
    public static IReadOnlyList<EventDetail?> Read(string storePath, IReadOnlyList<(int FileNo, long Reference)> events)
    {
        var results = new EventDetail?[events.Count];
        var buffer = new byte[GdeltEventReader.MaxLineBytes + 64];
        foreach (var group in events.Select((e, i) => (e, i)).GroupBy(x => (x.e.FileNo, Part: (int)(x.e.Reference >> OffsetBits))))
        {
            var path = PartPath(storePath, group.Key.FileNo, group.Key.Part);
            if (!File.Exists(path))
            {
                continue;
            }

            using var handle = File.OpenHandle(path);
            foreach (var (e, i) in group)
            {
                // Records are a few hundred bytes; read 4 KB first and the most a record can take only if needed.
                var at = e.Reference & ((1L << OffsetBits) - 1);
                var read = RandomAccess.Read(handle, buffer.AsSpan(0, 4096), at);
                var end = buffer.AsSpan(0, read).IndexOf((byte)'\n');
                if (end < 0 && read == 4096)
                {
                    read = RandomAccess.Read(handle, buffer, at);
                    end = buffer.AsSpan(0, read).IndexOf((byte)'\n');
                }

                results[i] = end < 0 ? null : Parse(Encoding.UTF8.GetString(buffer, 0, end));
            }
        }

        return results;
    }

    private static EventDetail? Parse(string record)
    {
        var f = record.Split('\t');
        if (f.Length != 12)
        {
            return null;
        }

        static int Int(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
        return new EventDetail(f[0], f[1], f[2], f[3], f[4] == "1", f[5], Int(f[6]), Int(f[7]), f[8], f[9],
            long.TryParse(f[10], NumberStyles.Integer, CultureInfo.InvariantCulture, out var added) ? added : 0, f[11]);
    }

    /// <summary>Writes one part of a load's details (one per appending worker), through its own 1 MiB buffer.</summary>
    public sealed class Writer : IDisposable
    {
        private readonly FileStream _stream;
        private readonly long _part;
        private readonly byte[] _buffer = new byte[(1 << 20) + GdeltEventReader.MaxLineBytes + 64];
        private int _filled;
        private long _written;

        public Writer(string storePath, int fileNo, int part)
        {
            Directory.CreateDirectory(Folder(storePath));
            _stream = new FileStream(PartPath(storePath, fileNo, part), FileMode.Create, FileAccess.Write, FileShare.Read, 0);
            _part = (long)part << OffsetBits;
        }

        /// <summary>Appends the event's detail record; returns its reference.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public long Write(in EventFields f)
        {
            var reference = _part | (_written + _filled);
            var n = _filled;
            foreach (var field in CommonFields)
            {
                n = Add(f[field], n, (byte)'\t');
            }

            _buffer[n++] = f.IsRoot ? (byte)'1' : (byte)'0';
            _buffer[n++] = (byte)'\t';
            n = Add(f[GdeltLayout.EventBaseCode], n, (byte)'\t');
            n = Add(f[GdeltLayout.NumMentions], n, (byte)'\t');
            n = Add(f[GdeltLayout.NumSources], n, (byte)'\t');
            n = Add(f[f.Layout.ActionGeoFullName], n, (byte)'\t');
            n = Add(f[f.Layout.ActionGeoCountry], n, (byte)'\t');
            n = Add(f[f.Layout.DateAdded], n, (byte)'\t');
            _filled = Add(f.SourceUrl, n, (byte)'\n');
            if (_filled >= 1 << 20)
            {
                Spill();
            }

            return reference;
        }

        private int Add(ReadOnlySpan<byte> value, int n, byte separator)
        {
            value.CopyTo(_buffer.AsSpan(n));
            n += value.Length;
            _buffer[n] = separator;
            return n + 1;
        }

        private void Spill()
        {
            _stream.Write(_buffer, 0, _filled);
            _written += _filled;
            _filled = 0;
        }

        /// <summary>Writes out and syncs the file, before the rows that point into it are committed.</summary>
        public void Complete()
        {
            Spill();
            _stream.Flush(flushToDisk: true);
        }

        public void Dispose() => _stream.Dispose();
    }
}
