using System.Globalization;
using System.IO.Compression;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
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
/// A file is a numbered load: its chunks are parsed in parallel and appended straight into <c>event_rows</c>, each
/// reading worker in its own transaction, while the load is listed in <c>loads</c>; the <c>events</c> view hides the rows
/// of listed loads. The fields no measure uses go to the load's detail files (<see cref="EventDetails"/>).
/// One final transaction removes the load's duplicates, writes its daily totals, problems and file record and unlists
/// it, so its events appear all at once. Rows of a load that never finished (Ctrl-C, kill) are deleted when the store is
/// next opened for writing: running again gives the same store. Events are keyed by GLOBALEVENTID and files by content
/// hash, so repeated or overlapping files never count an event twice (docs/decisions/0011-event-ingest-speed.md).
/// </summary>
public sealed class EventStore : IDisposable
{
    public const string FileName = "events.duckdb";

    /// <summary>The layout written by this version (kept in <c>meta</c>); older layouts are refused with a clear message.</summary>
    private const string StoreFormat = "2";

    /// <summary>Files up to this size take the one-transaction path (<see cref="IngestSmall"/>).</summary>
    private const long SmallFileBytes = 4L * 1024 * 1024;

    private const long SmallZipBytes = 1L * 1024 * 1024;

    /// <summary>The next load number: one more than any finished or listed load's.</summary>
    private const string NextFileNo = "SELECT coalesce(max(file_no), 0) + 1 FROM (SELECT file_no FROM files UNION ALL SELECT file_no FROM loads)";

    private readonly DuckDBConnection _connection;
    private readonly SemaphoreSlim _mergeLock = new(1, 1);

    private EventStore(DuckDBConnection connection) => _connection = connection;

    /// <summary>Opens the store for reading or writing (creating it, and dropping unfinished loads, when writing).</summary>
    /// <exception cref="EventStoreBusyException">Another process holds the file for writing (or, for a writer, at all).</exception>
    /// <exception cref="EventStoreFormatException">The store was written by an earlier version of Puente.</exception>
    public static EventStore Open(string path, bool readOnly = false)
    {
        var connection = new DuckDBConnection(ConnectionString(path, readOnly));
        try
        {
            connection.Open();
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw Translate(e, path);
        }

        // Bounded memory whatever the input size (measured: docs/benchmarks.md). Queries use one thread: the appends of a
        // load run on the reader's own threads, one transaction each.
        Execute(connection, "SET memory_limit = '100MB'; SET preserve_insertion_order = false; SET threads = 1;");
        var store = new EventStore(connection);
        try
        {
            store.CheckFormat();
            if (!readOnly)
            {
                store.EnsureSchema();
                store.RemoveUnfinishedLoads();
            }
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    public DuckDBConnection Connection => _connection;

    /// <summary>The connection string of the store at <paramref name="path"/>. Connections to one file in one process share
    /// one DuckDB database instance, opened by the first (its access mode wins; later ones only add a connection).</summary>
    internal static string ConnectionString(string path, bool readOnly) => $"Data Source={path}{(readOnly ? ";ACCESS_MODE=READ_ONLY" : "")}";

    /// <summary>
    /// DuckDB's error as a Puente.Events exception: a file lock held by another process is <see cref="EventStoreBusyException"/>;
    /// anything else is an <see cref="EventStoreException"/> with DuckDB's message. This is the only place that reads
    /// DuckDB's message text, because DuckDB reports a lock conflict only there (its error type is not specific).
    /// </summary>
    internal static EventStoreException Translate(DuckDBException error, string path) =>
        error.Message.Contains("Could not set lock on file", StringComparison.Ordinal)
            ? new EventStoreBusyException(
                $"{Path.GetFileName(path)} is in use by another process (an ingest; or, to write, any reader such as the web host for a few seconds after a read). Try again shortly.",
                error)
            : new EventStoreException($"{path}: {error.Message}", error);

    /// <summary>Writes the write-ahead log into the file now, so that closing the last connection later (possibly a
    /// reader's, on a request thread) has nothing left to write. Best effort: a reader may still be in a transaction.</summary>
    internal void Checkpoint()
    {
        try
        {
            Execute(_connection, "CHECKPOINT");
        }
        catch (DuckDBException)
        {
            // The last connection to close checkpoints instead.
        }
    }

    /// <summary>Refuses a store of another layout (a store without <c>meta.store_format</c> but with files is format 1).</summary>
    private void CheckFormat()
    {
        using var format = _connection.CreateCommand();
        format.CommandText = """
            SELECT (SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND table_name = 'meta'),
                   (SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND table_name = 'files')
            """;
        bool hasMeta, hasFiles;
        using (var reader = format.ExecuteReader())
        {
            reader.Read();
            (hasMeta, hasFiles) = (reader.GetInt64(0) > 0, reader.GetInt64(1) > 0);
        }

        string? found = null;
        if (hasMeta)
        {
            format.CommandText = "SELECT value FROM meta WHERE key = 'store_format'";
            found = format.ExecuteScalar() as string;
        }

        found ??= hasFiles ? "1" : null;
        if (found is not null && found != StoreFormat)
        {
            throw new EventStoreFormatException(
                $"{FileName} was written by an earlier version of Puente (store format {found}; this version writes {StoreFormat}). " +
                "Move it aside and ingest the GDELT files again.");
        }
    }

    private void EnsureSchema()
    {
        Execute(_connection, "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);");
        var columns = string.Join(", ", EventAppender.Columns.Select(c => $"{c.Name} {SqlType(c.Type)}"));
        Execute(_connection, $"""
            INSERT OR IGNORE INTO meta VALUES ('store_format', '{StoreFormat}');
            CREATE TABLE IF NOT EXISTS files (
                content_hash VARCHAR PRIMARY KEY, file_no INTEGER NOT NULL UNIQUE, name VARCHAR NOT NULL, bytes BIGINT NOT NULL, version INTEGER NOT NULL,
                lines BIGINT NOT NULL, good_lines BIGINT NOT NULL, kept BIGINT NOT NULL, skipped BIGINT NOT NULL, ingested_at TIMESTAMP NOT NULL);
            CREATE TABLE IF NOT EXISTS loads (file_no INTEGER PRIMARY KEY, name VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL);
            CREATE TABLE IF NOT EXISTS file_problems (
                content_hash VARCHAR NOT NULL, problem VARCHAR NOT NULL, count BIGINT NOT NULL, first_lines VARCHAR NOT NULL,
                PRIMARY KEY (content_hash, problem));
            CREATE TABLE IF NOT EXISTS daily_totals (content_hash VARCHAR NOT NULL, day DATE NOT NULL, events BIGINT NOT NULL, PRIMARY KEY (content_hash, day));
            CREATE TABLE IF NOT EXISTS event_rows ({columns});
            CREATE OR REPLACE VIEW events AS
                SELECT * EXCLUDE (file_no) FROM event_rows WHERE file_no NOT IN (SELECT file_no FROM loads);
            """);
    }

    private static string SqlType(DuckDBType type) => type switch
    {
        DuckDBType.BigInt => "BIGINT NOT NULL",
        DuckDBType.Date => "DATE NOT NULL",
        DuckDBType.TinyInt => "TINYINT NOT NULL",
        DuckDBType.Integer => "INTEGER NOT NULL",
        DuckDBType.Double => "DOUBLE NOT NULL",
        // Country, event and root codes: a few hundred values each. Naming the method spares DuckDB trying every
        // string compression on every row group (a third of the load time, measured: decision 0011).
        _ => "VARCHAR NOT NULL USING COMPRESSION dictionary",
    };

    /// <summary>Deletes the rows of loads that never finished (this process now holds the store's write lock), and the
    /// detail files of any load not finished (also those dropped just before a crash).</summary>
    private void RemoveUnfinishedLoads()
    {
        foreach (var fileNo in FileNumbers("loads"))
        {
            using var transaction = _connection.BeginTransaction();
            DropLoad(_connection, fileNo);
            transaction.Commit();
        }

        EventDetails.DeleteExcept(_connection.DataSource, FileNumbers("files").ToHashSet());
    }

    private List<int> FileNumbers(string table)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT file_no FROM {table} ORDER BY file_no";
        var numbers = new List<int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            numbers.Add(reader.GetInt32(0));
        }

        return numbers;
    }

    private static void DropLoad(DuckDBConnection connection, int fileNo)
    {
        Execute(connection, string.Create(CultureInfo.InvariantCulture,
            $"DELETE FROM event_rows WHERE file_no = {fileNo}; DELETE FROM loads WHERE file_no = {fileNo};"));
        EventDetails.Delete(connection.DataSource, fileNo);
    }

    /// <summary>The GDELT version a store holds, or null while it is empty.</summary>
    private static GdeltVersion? ReadVersion(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'gdelt_version'";
        return command.ExecuteScalar() is string v ? (GdeltVersion)int.Parse(v, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Ingests the files in parallel (one DuckDB connection per worker), finishing one at a time.</summary>
    /// <exception cref="EventStoreException">DuckDB failed (for example, the disk is full).</exception>
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
        try
        {
            await Task.WhenAll(workers);
        }
        catch (DuckDBException e)
        {
            throw Translate(e, _connection.DataSource);
        }

        return outcomes;
    }

    private FileOutcome IngestFile(DuckDBConnection connection, string path, IngestOptions options, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var name = Path.GetFileName(path);
        var zip = path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
        var bytes = new FileInfo(path).Length;
        // A plain file's hash comes from the parse's own reads; it is computed first only for a zip file, or when a file of
        // this name and size is already in the store (so a folder ingested again is skipped without parsing it).
        string? hash = null;
        if (zip || SeenNameAndSize(connection, name, bytes))
        {
            hash = ContentHash.Of(path, options.Parallelism, cancellationToken);
            Timing($"{name}: hash {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s");
            if (AlreadyIngested(connection, hash) is { } earlier)
            {
                return new FileOutcome(path, FileOutcome.AlreadyIngested, null, $"{name}: the same content was already ingested as {earlier}.");
            }
        }

        try
        {
            return IngestRead(connection, path, name, bytes, zip, hash, options, started, cancellationToken);
        }
        catch (DamagedZipException e)
        {
            // What was appended is gone (the small file's transaction rolled back, the load dropped); the other files go on.
            return new FileOutcome(path, FileOutcome.Refused, null, $"{name} is a damaged zip file ({e.Message}); nothing of it was kept.");
        }
    }

    private FileOutcome IngestRead(DuckDBConnection connection, string path, string name, long bytes, bool zip, string? hash, IngestOptions options,
        long started, CancellationToken cancellationToken)
    {
        if (bytes <= (zip ? SmallZipBytes : SmallFileBytes))
        {
            return IngestSmall(connection, path, name, bytes, zip, hash, options, started, cancellationToken);
        }

        var fileNo = BeginLoad(connection, name);
        ReadReport report;
        try
        {
            (report, var plainHash) = zip
                ? (ReadZip(path, options, fileNo, cancellationToken), null)
                : ReadPlain(path, options, fileNo, cancellationToken);
            hash ??= plainHash!;
        }
        catch (MixedVersionsException)
        {
            DropLoad(connection, fileNo);
            return new FileOutcome(path, FileOutcome.Refused, null,
                $"{name} mixes GDELT 1.0 and 2.0 lines (their event ids differ); nothing of it was kept.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An I/O failure: drop what this load appended (a cancelled load is dropped when the store is next opened).
            DropLoad(connection, fileNo);
            throw;
        }

        var parsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return Finish(connection, path, name, bytes, hash, fileNo, report, started, parsed, cancellationToken);
    }

    private static bool SeenNameAndSize(DuckDBConnection connection, string name, long bytes)
    {
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT count(*) FROM files WHERE name = $name AND bytes = $bytes";
        check.Parameters.Add(new DuckDBParameter("name", name));
        check.Parameters.Add(new DuckDBParameter("bytes", bytes));
        return Convert.ToInt64(check.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static string? AlreadyIngested(DuckDBConnection connection, string hash)
    {
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT name FROM files WHERE content_hash = $hash";
        check.Parameters.Add(new DuckDBParameter("hash", hash));
        return check.ExecuteScalar() as string;
    }

    /// <summary>Lists a new load (committed at once, so the view hides its rows until it finishes).</summary>
    private int BeginLoad(DuckDBConnection connection, string name)
    {
        _mergeLock.Wait();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                INSERT INTO loads SELECT ({NextFileNo}), $name, now() RETURNING file_no
                """;
            command.Parameters.Add(new DuckDBParameter("name", name));
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        finally
        {
            _mergeLock.Release();
        }
    }

    /// <summary>A plain file is read in newline-aligned chunks by one worker per core; each worker appends all its chunks
    /// in one transaction of its own (a transaction per chunk would leave a partly filled row group per chunk, which
    /// DuckDB then rewrites at checkpoint). Line numbers are made file-global after.</summary>
    private (ReadReport Report, string Hash) ReadPlain(string path, IngestOptions options, int fileNo, CancellationToken cancellationToken)
    {
        var chunks = ContentHash.Chunks(path);
        var reports = new ReadReport[chunks.Count];
        var hashes = new byte[chunks.Count * 16];
        var next = -1;
        // Parallel.For runs one worker on this thread, so a busy thread pool delays nothing (a worker that starts after
        // the chunks are all taken opens nothing).
        try
        {
            ReadChunks();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The worker's own exception (an IOException, say), as a single reader would have thrown it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        void ReadChunks() => Parallel.For(0, Math.Min(Math.Min(options.Parallelism, EventDetails.MaxParts), chunks.Count), new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, part =>
        {
            var k = Interlocked.Increment(ref next);
            if (k >= chunks.Count)
            {
                return;
            }

            Append(fileNo, part, appender =>
            {
                for (; k < chunks.Count; k = Interlocked.Increment(ref next))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    reports[k] = ReadRange(path, chunks[k].Start, chunks[k].Length, options, appender, hashes.AsSpan(k * 16, 16), cancellationToken);
                }
            });
        });

        var report = new ReadReport();
        foreach (var part in reports)
        {
            if (part.Version is not null && report.Version is not null && part.Version != report.Version)
            {
                throw new MixedVersionsException();
            }

            report.Version ??= part.Version;
            report.Absorb(part, report.Lines);
        }

        return (report, ContentHash.Combine(hashes));
    }

    /// <summary>Reads one byte range of a plain file into <paramref name="appender"/>, writing the range's XXH128 to
    /// <paramref name="hash"/>.</summary>
    private static ReadReport ReadRange(string path, long start, long length, IngestOptions options, EventAppender appender, Span<byte> hash,
        CancellationToken cancellationToken)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        file.Seek(start, SeekOrigin.Begin);
        using var range = new LimitedStream(file, length);
        var report = GdeltEventReader.Read(range, options.Countries, null, appender, cancellationToken);
        if (range.Position != length)
        {
            throw new IOException($"{path} became shorter while it was being read.");
        }

        range.Hash.GetCurrentHash(hash);
        return report;
    }

    private ReadReport ReadZip(string path, IngestOptions options, int fileNo, CancellationToken cancellationToken)
    {
        ReadReport? report = null;
        Append(fileNo, 0, appender => report = ReadZipEntries(path, options, appender, cancellationToken));
        return report!;
    }

    /// <summary>Reads a zip's entries in order (the first good line fixes the version for all of them).</summary>
    /// <exception cref="DamagedZipException">The zip's directory, headers or compressed data are damaged.</exception>
    private static ReadReport ReadZipEntries(string path, IngestOptions options, EventAppender appender, CancellationToken cancellationToken)
    {
        var report = new ReadReport();
        using var file = File.OpenRead(path);
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read);
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                using var input = entry.Open();
                var read = GdeltEventReader.Read(input, options.Countries, report.Version, appender, cancellationToken);
                report.Version ??= read.Version;
                report.Absorb(read, report.Lines);
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            // What System.IO.Compression throws for a damaged archive (a bad directory or header, data that does not
            // inflate, a wrong CRC, a cut-off entry); a failure of the store itself is none of these and goes up as it is.
            throw new DamagedZipException(e.Message, e);
        }

        return report;
    }

    /// <summary>Runs <paramref name="read"/> with an appender for load <paramref name="fileNo"/> (writing detail part
    /// <paramref name="part"/>) in one transaction of a connection of its own, and commits.</summary>
    private void Append(int fileNo, int part, Action<EventAppender> read)
    {
        using var connection = new DuckDBConnection(_connection.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var details = new EventDetails.Writer(_connection.DataSource, fileNo, part);
        using var appender = new EventAppender(connection, fileNo, details);
        read(appender);
        appender.Complete();
        transaction.Commit();
    }

    /// <summary>Finishes a listed load in one transaction: refuses or drops it, or de-duplicates it and makes it visible.</summary>
    private FileOutcome Finish(DuckDBConnection connection, string path, string name, long bytes, string hash, int fileNo, ReadReport report,
        long started, TimeSpan parsed, CancellationToken cancellationToken)
    {
        _mergeLock.Wait(cancellationToken);
        try
        {
            using var transaction = connection.BeginTransaction();
            var outcome = Finish(connection, path, name, bytes, hash, fileNo, report);
            transaction.Commit();
            Timing($"{name}: read {parsed.TotalSeconds:F2} s, total {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s");
            return outcome;
        }
        finally
        {
            _mergeLock.Release();
        }
    }

    /// <summary>
    /// A small file (most GDELT files: a 15-minute export is about 1 MB) is read, appended and finished in one
    /// transaction while holding the merge lock, so it needs no <c>loads</c> entry and one commit instead of three; its
    /// parse takes a few milliseconds, less than the commits it saves. Killed midway, nothing of it is committed; its
    /// detail file is deleted at the next open.
    /// </summary>
    private FileOutcome IngestSmall(DuckDBConnection connection, string path, string name, long bytes, bool zip, string? hash,
        IngestOptions options, long started, CancellationToken cancellationToken)
    {
        _mergeLock.Wait(cancellationToken);
        try
        {
            using var transaction = connection.BeginTransaction();
            using var number = connection.CreateCommand();
            number.CommandText = NextFileNo;
            var fileNo = Convert.ToInt32(number.ExecuteScalar(), CultureInfo.InvariantCulture);
            ReadReport report;
            try
            {
                using var details = new EventDetails.Writer(_connection.DataSource, fileNo, 0);
                using var appender = new EventAppender(connection, fileNo, details);
                if (zip)
                {
                    report = ReadZipEntries(path, options, appender, cancellationToken);
                }
                else
                {
                    // One chunk: the content hash of decision 0011 for a file under 32 MiB.
                    var chunkHash = new byte[16];
                    report = ReadRange(path, 0, bytes, options, appender, chunkHash, cancellationToken);
                    hash ??= ContentHash.Combine(chunkHash);
                }

                appender.Complete();
            }
            catch
            {
                EventDetails.Delete(_connection.DataSource, fileNo); // the transaction rolls back with its disposal
                throw;
            }

            var outcome = Finish(connection, path, name, bytes, hash!, fileNo, report);
            transaction.Commit();
            Timing($"{name}: total {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F3} s (small file, one transaction)");
            return outcome;
        }
        finally
        {
            _mergeLock.Release();
        }
    }

    /// <summary>The body of finishing a load, inside the caller's transaction and merge lock.</summary>
    private static FileOutcome Finish(DuckDBConnection connection, string path, string name, long bytes, string hash, int fileNo, ReadReport report)
    {
        var version = ReadVersion(connection);
        if (version is not null && report.Version is not null && version != report.Version)
        {
            DropLoad(connection, fileNo);
            return new FileOutcome(path, FileOutcome.Refused, report,
                $"{name} is GDELT {Describe(report.Version.Value)} but this store holds GDELT {Describe(version.Value)}; their event ids differ, so they cannot be mixed. Use another data directory.");
        }

        // The same content may have finished in another worker meanwhile.
        if (AlreadyIngested(connection, hash) is { } earlier)
        {
            DropLoad(connection, fileNo);
            return new FileOutcome(path, FileOutcome.AlreadyIngested, report, $"{name}: the same content was already ingested as {earlier}.");
        }

        if (version is null && report.Version is not null)
        {
            Execute(connection, $"INSERT INTO meta VALUES ('gdelt_version', '{(int)report.Version.Value}')");
        }

        if (report.Kept > 0)
        {
            RemoveDuplicates(connection, fileNo, report);
        }

        using (var totals = connection.CreateAppender("daily_totals"))
        {
            foreach (var (day, events) in report.DailyTotals)
            {
                totals.CreateRow().AppendValue(hash).AppendValue(day).AppendValue(events).EndRow();
            }
        }

        using (var problems = connection.CreateCommand())
        {
            problems.CommandText = "INSERT INTO file_problems VALUES ($hash, $problem, $count, $lines)";
            foreach (var (problem, (count, lines)) in report.Problems)
            {
                problems.Parameters.Clear();
                problems.Parameters.Add(new DuckDBParameter("hash", hash));
                problems.Parameters.Add(new DuckDBParameter("problem", problem.ToString()));
                problems.Parameters.Add(new DuckDBParameter("count", count));
                problems.Parameters.Add(new DuckDBParameter("lines", string.Join(',', lines)));
                problems.ExecuteNonQuery();
            }
        }

        using (var record = connection.CreateCommand())
        {
            record.CommandText = """
                INSERT INTO files VALUES ($hash, $file_no, $name, $bytes, $version, $lines, $good, $kept, $skipped, now());
                DELETE FROM loads WHERE file_no = $file_no;
                """;
            record.Parameters.Add(new DuckDBParameter("hash", hash));
            record.Parameters.Add(new DuckDBParameter("file_no", fileNo));
            record.Parameters.Add(new DuckDBParameter("name", name));
            record.Parameters.Add(new DuckDBParameter("bytes", bytes));
            record.Parameters.Add(new DuckDBParameter("version", (int)(report.Version ?? version ?? GdeltVersion.V2)));
            record.Parameters.Add(new DuckDBParameter("lines", report.Lines));
            record.Parameters.Add(new DuckDBParameter("good", report.GoodLines));
            record.Parameters.Add(new DuckDBParameter("kept", report.Kept));
            record.Parameters.Add(new DuckDBParameter("skipped", report.Skipped));
            record.ExecuteNonQuery();
        }

        return new FileOutcome(path, FileOutcome.Ingested, report, null);
    }

    /// <summary>Each event once: drops the load's rows whose id is already in the store (only ids in the load's range can
    /// collide, and DuckDB's min/max zone maps narrow that check to a few row groups), and, when the file's ids were not
    /// ascending, all but one row of each id within the load.</summary>
    private static void RemoveDuplicates(DuckDBConnection connection, int fileNo, ReadReport report)
    {
        var range = string.Create(CultureInfo.InvariantCulture, $"global_event_id BETWEEN {report.MinKeptId} AND {report.MaxKeptId}");
        // The rows of finished loads only: not this load's own (visible to its transaction when it is a small file).
        var finished = string.Create(CultureInfo.InvariantCulture,
            $"SELECT global_event_id FROM event_rows WHERE {range} AND file_no <> {fileNo} AND file_no NOT IN (SELECT file_no FROM loads)");
        using var overlap = connection.CreateCommand();
        overlap.CommandText = $"SELECT count(*) FROM ({finished})";
        if (Convert.ToInt64(overlap.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
        {
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"""
                DELETE FROM event_rows WHERE file_no = {fileNo} AND {range} AND global_event_id IN ({finished})
                """));
        }

        if (!report.KeptIdsAscending)
        {
            // GDELT files are sorted by id, so only an unsorted file pays for this.
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"""
                DELETE FROM event_rows WHERE file_no = {fileNo} AND rowid IN (
                    SELECT rowid FROM (
                        SELECT rowid, row_number() OVER (PARTITION BY global_event_id ORDER BY rowid) AS n
                        FROM event_rows WHERE file_no = {fileNo})
                    WHERE n > 1)
                """));
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
        var closing = System.Diagnostics.Stopwatch.GetTimestamp();
        _connection.Dispose();
        Timing($"close {System.Diagnostics.Stopwatch.GetElapsedTime(closing).TotalSeconds:F2} s");
        _mergeLock.Dispose();
    }

    /// <summary>Chunks of one plain file have different GDELT versions.</summary>
    private sealed class MixedVersionsException : Exception;

    /// <summary>A zip file that cannot be read to its end; the message is the reason System.IO.Compression gave.</summary>
    private sealed class DamagedZipException(string message, Exception inner) : Exception(message, inner);

    /// <summary>A window of a stream (one chunk of a file), hashing what is read through it.</summary>
    private sealed class LimitedStream(Stream inner, long size) : Stream
    {
        private readonly long _size = size;
        private long _left = size;

        public System.IO.Hashing.XxHash128 Hash { get; } = new();

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
            Hash.Append(buffer[..read]);
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
