using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using DuckDB.NET.Data;
using Puente.Events.Reading;

namespace Puente.Events.Store;

/// <summary>One input file's outcome.</summary>
public sealed record FileOutcome(string Path, string Status, ReadReport? Report, string? Message)
{
    public const string Ingested = "ingested";
    public const string AlreadyIngested = "already ingested";
    public const string Refused = "refused";
}

/// <summary>What to keep.</summary>
public sealed record IngestOptions(IReadOnlySet<string> Countries, int Parallelism)
{
    public static IReadOnlyList<string> DefaultCountries { get; } = ["USA", "MEX", "GTM", "HND", "SLV", "CAN", "CHN", "CUB", "VEN"];

    public static IngestOptions Default => new(new HashSet<string>(DefaultCountries, StringComparer.Ordinal), Math.Max(1, Environment.ProcessorCount));
}

/// <summary>
/// The embedded analytical store of GDELT events (DuckDB, <c>events.duckdb</c> in the data directory).
/// Each file is parsed (in parallel chunks) into compact temporary files and merged in one transaction with its daily totals and its file record:
/// an interrupted run leaves no trace of the interrupted files, and running again gives the same store. Events are
/// keyed by GLOBALEVENTID and files by content hash, so repeated or overlapping files never count an event twice.
/// </summary>
public sealed class EventStore : IDisposable
{
    public const string FileName = "events.duckdb";

    private readonly DuckDBConnection _connection;
    private readonly SemaphoreSlim _mergeLock = new(1, 1);

    private readonly string _temp;

    private EventStore(DuckDBConnection connection, string temp)
    {
        _connection = connection;
        _temp = temp;
    }

    public static EventStore Open(string path, bool readOnly = false)
    {
        var connection = new DuckDBConnection($"Data Source={path}{(readOnly ? ";ACCESS_MODE=READ_ONLY" : "")}");
        connection.Open();
        // Bounded memory whatever the input size (measured: docs/benchmarks.md). One DuckDB thread: with two, a 2.3M-row
        // load does not fit the limit (DuckDB keeps a transaction's new row groups per thread).
        Execute(connection, "SET memory_limit = '100MB'; SET preserve_insertion_order = false; SET threads = 1;");
        var store = new EventStore(connection, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "events-tmp"));
        if (!readOnly)
        {
            store.EnsureSchema();
            // Leftovers of an interrupted run (this process now holds the store's write lock).
            if (Directory.Exists(store._temp))
            {
                Directory.Delete(store._temp, recursive: true);
            }
        }

        return store;
    }

    public DuckDBConnection Connection => _connection;

    private void EnsureSchema() => Execute(_connection, """
        CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS files (
            sha256 VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, version INTEGER NOT NULL, lines BIGINT NOT NULL,
            good_lines BIGINT NOT NULL, kept BIGINT NOT NULL, skipped BIGINT NOT NULL, ingested_at TIMESTAMP NOT NULL);
        CREATE TABLE IF NOT EXISTS file_problems (
            sha256 VARCHAR NOT NULL, problem VARCHAR NOT NULL, count BIGINT NOT NULL, first_lines VARCHAR NOT NULL,
            PRIMARY KEY (sha256, problem));
        CREATE TABLE IF NOT EXISTS daily_totals (sha256 VARCHAR NOT NULL, day DATE NOT NULL, events BIGINT NOT NULL, PRIMARY KEY (sha256, day));
        CREATE TABLE IF NOT EXISTS events (
            global_event_id BIGINT NOT NULL, sql_date DATE NOT NULL,
            actor1_code VARCHAR, actor1_name VARCHAR, actor1_country VARCHAR,
            actor2_code VARCHAR, actor2_name VARCHAR, actor2_country VARCHAR,
            is_root_event BOOLEAN, event_code VARCHAR NOT NULL, event_base_code VARCHAR, event_root_code VARCHAR NOT NULL,
            quad_class TINYINT NOT NULL, goldstein DOUBLE NOT NULL, num_mentions INTEGER, num_sources INTEGER,
            num_articles INTEGER NOT NULL, avg_tone DOUBLE NOT NULL, action_geo_fullname VARCHAR, action_geo_country VARCHAR,
            date_added BIGINT, source_url VARCHAR);
        """);

    /// <summary>The GDELT version a store holds, or null while it is empty.</summary>
    private static GdeltVersion? ReadVersion(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'gdelt_version'";
        return command.ExecuteScalar() is string v ? (GdeltVersion)int.Parse(v, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Ingests the files in parallel (one DuckDB connection per worker), merging one at a time.</summary>
    public async Task<IReadOnlyList<FileOutcome>> IngestAsync(IReadOnlyList<string> paths, IngestOptions options,
        Action<FileOutcome>? progress = null, CancellationToken cancellationToken = default)
    {
        var outcomes = new FileOutcome[paths.Count];
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(options.Parallelism, Math.Max(1, paths.Count))).Select(worker => Task.Run(() =>
        {
            // Connections to the same file in one process share one DuckDB database instance.
            using var connection = new DuckDBConnection(_connection.ConnectionString);
            connection.Open();
            int index;
            while ((index = Interlocked.Increment(ref next)) < paths.Count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var outcome = IngestFile(connection, paths[index], options, cancellationToken);
                outcomes[index] = outcome;
                progress?.Invoke(outcome);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        return outcomes;
    }

    private FileOutcome IngestFile(DuckDBConnection connection, string path, IngestOptions options, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Directory.CreateDirectory(_temp);
        var hashTask = Task.Run(() => HashFile(path), cancellationToken);
        var parts = new List<string>();
        ReadReport report;
        try
        {
            report = path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
                ? ReadZip(path, options, parts, cancellationToken)
                : ReadPlain(path, options, parts, cancellationToken);
        }
        catch
        {
            DeleteParts(parts);
            throw;
        }

        var parsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var sha = hashTask.GetAwaiter().GetResult();
        var name = Path.GetFileName(path);
        try
        {
            return Merge(connection, path, name, sha, report, parts, started, parsed, cancellationToken);
        }
        finally
        {
            DeleteParts(parts);
        }
    }

    /// <summary>A plain file is read in newline-aligned chunks, in parallel; line numbers are made file-global after.</summary>
    private ReadReport ReadPlain(string path, IngestOptions options, List<string> parts, CancellationToken cancellationToken)
    {
        var chunks = Chunks(path, options.Parallelism);
        var reports = new ReadReport[chunks.Count];
        lock (parts)
        {
            parts.AddRange(chunks.Select(_ => Path.Combine(_temp, Guid.NewGuid().ToString("N") + ".tsv")));
        }

        var chunkParts = parts.TakeLast(chunks.Count).ToArray();
        Parallel.For(0, chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, k =>
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            file.Seek(chunks[k].Start, SeekOrigin.Begin);
            using var chunk = new LimitedStream(file, chunks[k].Length);
            using var output = new FileStream(chunkParts[k], FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            reports[k] = GdeltEventReader.Read(chunk, options.Countries, null, new TsvSink(output), cancellationToken);
        });

        var report = new ReadReport();
        foreach (var part in reports)
        {
            if (part.Version is not null && report.Version is not null && part.Version != report.Version)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} mixes GDELT 1.0 and 2.0 lines.");
            }

            report.Version ??= part.Version;
            report.Absorb(part, report.Lines);
        }

        return report;
    }

    private ReadReport ReadZip(string path, IngestOptions options, List<string> parts, CancellationToken cancellationToken)
    {
        using var file = File.OpenRead(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Read);
        var report = new ReadReport();
        foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            var part = Path.Combine(_temp, Guid.NewGuid().ToString("N") + ".tsv");
            parts.Add(part);
            using var input = entry.Open();
            using var output = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            var read = GdeltEventReader.Read(input, options.Countries, report.Version, new TsvSink(output), cancellationToken);
            report.Version ??= read.Version;
            report.Absorb(read, report.Lines);
        }

        return report;
    }

    /// <summary>Newline-aligned byte ranges; small files are one chunk.</summary>
    private static List<(long Start, long Length)> Chunks(string path, int parallelism)
    {
        var length = new FileInfo(path).Length;
        const long minimumChunk = 16L * 1024 * 1024;
        var count = (int)Math.Clamp(length / minimumChunk, 1, Math.Max(1, parallelism * 4));
        var starts = new List<long> { 0 };
        using var handle = File.OpenHandle(path);
        var probe = new byte[64 * 1024];
        for (var k = 1; k < count; k++)
        {
            var at = length * k / count;
            while (at < length)
            {
                var read = RandomAccess.Read(handle, probe, at);
                var newline = Array.IndexOf(probe, (byte)'\n', 0, read);
                if (newline >= 0)
                {
                    at += newline + 1;
                    break;
                }

                at += read;
            }

            if (at < length && at > starts[^1])
            {
                starts.Add(at);
            }
        }

        return [.. starts.Select((s, i) => (s, (i + 1 < starts.Count ? starts[i + 1] : length) - s))];
    }

    private static string HashFile(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    private static void DeleteParts(IEnumerable<string> parts)
    {
        foreach (var part in parts)
        {
            File.Delete(part);
        }
    }

    private FileOutcome Merge(DuckDBConnection connection, string path, string name, string sha, ReadReport report, List<string> parts,
        long started, TimeSpan parsed, CancellationToken cancellationToken)
    {
        _mergeLock.Wait(cancellationToken);
        try
        {
            var version = ReadVersion(connection);
            if (version is not null && report.Version is not null && version != report.Version)
            {
                return new FileOutcome(path, FileOutcome.Refused, report,
                    $"{name} is GDELT {Describe(report.Version.Value)} but this store holds GDELT {Describe(version.Value)}; their event ids differ, so they cannot be mixed. Use another data directory.");
            }

            using var check = connection.CreateCommand();
            check.CommandText = "SELECT name FROM files WHERE sha256 = $sha";
            check.Parameters.Add(new DuckDBParameter("sha", sha));
            if (check.ExecuteScalar() is string earlier)
            {
                return new FileOutcome(path, FileOutcome.AlreadyIngested, report, $"{name}: the same content was already ingested as {earlier}.");
            }

            using var transaction = connection.BeginTransaction();
            if (version is null && report.Version is not null)
            {
                Execute(connection, $"INSERT INTO meta VALUES ('gdelt_version', '{(int)report.Version.Value}')");
            }

            if (report.Kept > 0)
            {
                // Each event once: within the file (DISTINCT ON) and against the store (anti-join on the id range,
                // which DuckDB's min/max zone maps narrow to the few row groups that can hold those ids).
                var files = string.Join(", ", parts.Select(p => "'" + p.Replace("'", "''", StringComparison.Ordinal) + "'"));
                var source = $"read_csv([{files}], delim = '\\t', header = false, quote = '', escape = '', auto_detect = false, columns = {TsvSink.Columns})";
                // GDELT files are sorted by id, so a file has no duplicates of its own; only an unsorted file pays for DISTINCT ON.
                var distinct = report.KeptIdsAscending ? "" : "DISTINCT ON (c0)";
                var merging = System.Diagnostics.Stopwatch.GetTimestamp();
                // Only ids in this file's range can collide; DuckDB's min/max zone maps make this check cheap, and new files
                // (the usual case) then load without any join.
                using var overlap = connection.CreateCommand();
                overlap.CommandText = string.Create(CultureInfo.InvariantCulture,
                    $"SELECT count(*) FROM events WHERE global_event_id BETWEEN {report.MinKeptId} AND {report.MaxKeptId}");
                var collisions = Convert.ToInt64(overlap.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
                Execute(connection, collisions
                    ? string.Create(CultureInfo.InvariantCulture, $"""
                      INSERT INTO events
                      SELECT s.* FROM (SELECT {distinct} {TsvSink.Select} FROM {source}) AS s (global_event_id)
                      WHERE s.global_event_id NOT IN (SELECT global_event_id FROM events
                                                      WHERE global_event_id BETWEEN {report.MinKeptId} AND {report.MaxKeptId})
                      """)
                    : $"INSERT INTO events SELECT {distinct} {TsvSink.Select} FROM {source}");
                Timing($"{name}: insert {System.Diagnostics.Stopwatch.GetElapsedTime(merging).TotalSeconds:F2} s");
            }
            using (var totals = connection.CreateCommand())
            {
                totals.CommandText = "INSERT INTO daily_totals VALUES ($sha, $day, $events)";
                foreach (var (day, events) in report.DailyTotals)
                {
                    totals.Parameters.Clear();
                    totals.Parameters.Add(new DuckDBParameter("sha", sha));
                    totals.Parameters.Add(new DuckDBParameter("day", day.ToDateTime(TimeOnly.MinValue)));
                    totals.Parameters.Add(new DuckDBParameter("events", events));
                    totals.ExecuteNonQuery();
                }
            }

            using (var problems = connection.CreateCommand())
            {
                problems.CommandText = "INSERT INTO file_problems VALUES ($sha, $problem, $count, $lines)";
                foreach (var (problem, (count, lines)) in report.Problems)
                {
                    problems.Parameters.Clear();
                    problems.Parameters.Add(new DuckDBParameter("sha", sha));
                    problems.Parameters.Add(new DuckDBParameter("problem", problem.ToString()));
                    problems.Parameters.Add(new DuckDBParameter("count", count));
                    problems.Parameters.Add(new DuckDBParameter("lines", string.Join(',', lines)));
                    problems.ExecuteNonQuery();
                }
            }

            using (var record = connection.CreateCommand())
            {
                record.CommandText = "INSERT INTO files VALUES ($sha, $name, $version, $lines, $good, $kept, $skipped, now())";
                record.Parameters.Add(new DuckDBParameter("sha", sha));
                record.Parameters.Add(new DuckDBParameter("name", name));
                record.Parameters.Add(new DuckDBParameter("version", (int)(report.Version ?? version ?? GdeltVersion.V2)));
                record.Parameters.Add(new DuckDBParameter("lines", report.Lines));
                record.Parameters.Add(new DuckDBParameter("good", report.GoodLines));
                record.Parameters.Add(new DuckDBParameter("kept", report.Kept));
                record.Parameters.Add(new DuckDBParameter("skipped", report.Skipped));
                record.ExecuteNonQuery();
            }

            var committing = System.Diagnostics.Stopwatch.GetTimestamp();
            transaction.Commit();
            Timing($"{name}: read {parsed.TotalSeconds:F2} s, commit {System.Diagnostics.Stopwatch.GetElapsedTime(committing).TotalSeconds:F2} s, total {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s");

            return new FileOutcome(path, FileOutcome.Ingested, report, null);
        }
        finally
        {
            _mergeLock.Release();
        }
    }

    /// <summary>Phase timings on standard error when PUENTE_TIMING=1 (for benchmarking).</summary>
    private static void Timing(string message)
    {
        if (Environment.GetEnvironmentVariable("PUENTE_TIMING") == "1")
        {
            Console.Error.WriteLine(message);
        }
    }

    private static string Describe(GdeltVersion v) => v == GdeltVersion.V1 ? "1.0" : "2.0";

    internal static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _mergeLock.Dispose();
    }

    /// <summary>A window of a stream (one chunk of a file).</summary>
    private sealed class LimitedStream(Stream inner, long size) : Stream
    {
        private readonly long _size = size;
        private long _left = size;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _size;

        public override long Position
        {
            get => _size - _left;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_left <= 0)
            {
                return 0;
            }

            var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, _left)]);
            _left -= read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
