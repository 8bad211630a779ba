using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using Puente.Events.Reading;

namespace Puente.Events.Store;

/// <summary>The fields of a kept event that no measure filters or aggregates on, as the drill-down shows them.</summary>
public sealed record EventDetail(string Actor1Code, string Actor1Name, string Actor2Code, string Actor2Name, bool IsRootEvent,
    string EventBaseCode, int NumMentions, int NumSources, string Place, string PlaceCountry, long DateAdded, string SourceUrl);

/// <summary>
/// The detail files of the event store (<c>events-details/</c> beside <c>events.duckdb</c>): one or more per load, written
/// while the load's rows are appended, one tab-separated record per kept event (its fields exactly as GDELT wrote them),
/// in Brotli-compressed blocks of about 64 KiB (each: compressed length, raw length, data). <c>event_rows.detail</c>
/// holds the record's part, its block's file offset and its offset in the block. Storing these in DuckDB's columns cost
/// more than half of an ingest (docs/decisions/0011-event-ingest-speed.md); a drill-down reads a few hundred records.
/// </summary>
public static class EventDetails
{
    public const string FolderName = "events-details";

    /// <summary>At most this many parts (appending workers) per load: the part takes 7 bits of a reference.</summary>
    public const int MaxParts = 64;

    private const int BlockBytes = 64 * 1024;
    private const int HeaderBytes = 8;
    private const long BlockOffsetMask = (1L << 40) - 1;

    /// <summary>Fields of a record, in order.</summary>
    private static readonly int[] CommonFields = [GdeltLayout.Actor1Code, GdeltLayout.Actor1Name, GdeltLayout.Actor2Code, GdeltLayout.Actor2Name];

    public static string Folder(string storePath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!, FolderName);

    private static string PartPath(string storePath, int fileNo, int part) =>
        Path.Combine(Folder(storePath), string.Create(CultureInfo.InvariantCulture, $"{fileNo}-{part}.blocks"));

    /// <summary>Deletes the detail files of the loads not in <paramref name="keep"/> (unfinished or dropped loads).</summary>
    public static void DeleteExcept(string storePath, IReadOnlySet<int> keep)
    {
        var folder = Folder(storePath);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.blocks"))
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
            foreach (var file in Directory.EnumerateFiles(folder, string.Create(CultureInfo.InvariantCulture, $"{fileNo}-*.blocks")))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Reads the details of the given events (file number and detail reference); missing records give null.</summary>
    public static IReadOnlyList<EventDetail?> Read(string storePath, IReadOnlyList<(int FileNo, long Reference)> events)
    {
        var results = new EventDetail?[events.Count];
        var header = new byte[HeaderBytes];
        var raw = Array.Empty<byte>();
        foreach (var group in events.Select((e, i) => (e, i)).GroupBy(x => (x.e.FileNo, Part: (int)(x.e.Reference >> 56))))
        {
            var path = PartPath(storePath, group.Key.FileNo, group.Key.Part);
            if (!File.Exists(path))
            {
                continue;
            }

            using var handle = File.OpenHandle(path);
            var loaded = -1L;
            var rawLength = 0;
            foreach (var (e, i) in group.OrderBy(x => x.e.Reference))
            {
                var block = (e.Reference >> 16) & BlockOffsetMask;
                if (block != loaded)
                {
                    loaded = -1;
                    if (RandomAccess.Read(handle, header, block) != HeaderBytes)
                    {
                        continue;
                    }

                    var compressedLength = BinaryPrimitives.ReadInt32LittleEndian(header);
                    rawLength = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
                    var compressed = new byte[compressedLength];
                    if (raw.Length < rawLength)
                    {
                        raw = new byte[rawLength];
                    }

                    if (RandomAccess.Read(handle, compressed, block + HeaderBytes) != compressedLength
                        || !BrotliDecoder.TryDecompress(compressed, raw.AsSpan(0, rawLength), out var written) || written != rawLength)
                    {
                        continue;
                    }

                    loaded = block;
                }

                var record = raw.AsSpan(0, rawLength)[(int)(e.Reference & 0xFFFF)..];
                var end = record.IndexOf((byte)'\n');
                results[i] = end < 0 ? null : Parse(Encoding.UTF8.GetString(record[..end]));
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

    /// <summary>Writes one part of a load's details (one per appending worker): records gather in a block, and each full
    /// block is compressed into an output buffer that is written out a megabyte at a time.</summary>
    public sealed class Writer : IDisposable
    {
        private readonly FileStream _stream;
        private readonly long _part;
        private readonly byte[] _block = new byte[BlockBytes + GdeltEventReader.MaxLineBytes + 64];
        private readonly byte[] _output = new byte[(1 << 20) + HeaderBytes + BrotliEncoder.GetMaxCompressedLength(BlockBytes + GdeltEventReader.MaxLineBytes + 64)];
        private int _blockLength;
        private int _outputLength;
        private long _written;

        public Writer(string storePath, int fileNo, int part)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(part, MaxParts);
            Directory.CreateDirectory(Folder(storePath));
            _stream = new FileStream(PartPath(storePath, fileNo, part), FileMode.Create, FileAccess.Write, FileShare.Read, 0);
            _part = (long)part << 56;
        }

        /// <summary>Appends the event's detail record; returns its reference.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public long Write(in EventFields f)
        {
            // The block starts where the output ends now: blocks are written in order.
            var reference = _part | ((_written + _outputLength) << 16) | (long)_blockLength;
            var n = _blockLength;
            foreach (var field in CommonFields)
            {
                n = Add(f[field], n, (byte)'\t');
            }

            _block[n++] = f.IsRoot ? (byte)'1' : (byte)'0';
            _block[n++] = (byte)'\t';
            n = Add(f[GdeltLayout.EventBaseCode], n, (byte)'\t');
            n = Add(f[GdeltLayout.NumMentions], n, (byte)'\t');
            n = Add(f[GdeltLayout.NumSources], n, (byte)'\t');
            n = Add(f[f.Layout.ActionGeoFullName], n, (byte)'\t');
            n = Add(f[f.Layout.ActionGeoCountry], n, (byte)'\t');
            n = Add(f[f.Layout.DateAdded], n, (byte)'\t');
            _blockLength = Add(f.SourceUrl, n, (byte)'\n');
            if (_blockLength >= BlockBytes)
            {
                CloseBlock();
            }

            return reference;
        }

        private int Add(ReadOnlySpan<byte> value, int n, byte separator)
        {
            value.CopyTo(_block.AsSpan(n));
            n += value.Length;
            _block[n] = separator;
            return n + 1;
        }

        /// <summary>Compresses the block into the output. Brotli's fastest quality: 4.7 times smaller on the real GDELT
        /// records at about 600 MB/s on this machine (quality 1: 5.0 times at 470 MB/s; deflate: 3.9 times at 420 MB/s).</summary>
        private void CloseBlock()
        {
            if (_blockLength == 0)
            {
                return;
            }

            var target = _output.AsSpan(_outputLength + HeaderBytes);
            if (!BrotliEncoder.TryCompress(_block.AsSpan(0, _blockLength), target, out var compressed, quality: 0, window: 18))
            {
                throw new InvalidOperationException("An event detail block did not fit its compression buffer.");
            }

            BinaryPrimitives.WriteInt32LittleEndian(_output.AsSpan(_outputLength), compressed);
            BinaryPrimitives.WriteInt32LittleEndian(_output.AsSpan(_outputLength + 4), _blockLength);
            _outputLength += HeaderBytes + compressed;
            _blockLength = 0;
            if (_outputLength >= 1 << 20)
            {
                Spill();
            }
        }

        private void Spill()
        {
            _stream.Write(_output, 0, _outputLength);
            _written += _outputLength;
            _outputLength = 0;
        }

        /// <summary>Writes out and syncs the file, before the rows that point into it are committed.</summary>
        public void Complete()
        {
            CloseBlock();
            Spill();
            _stream.Flush(flushToDisk: true);
        }

        public void Dispose() => _stream.Dispose();
    }
}
