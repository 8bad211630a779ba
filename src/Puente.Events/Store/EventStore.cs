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
/// Each file is parsed into a staging table and merged in one transaction with its daily totals and its file record:
/// an interrupted run leaves no trace of the interrupted files, and running again gives the same store. Events are
/// keyed by GLOBALEVENTID and files by content hash, so repeated or overlapping files never count an event twice.
/// </summary>
public sealed class EventStore : IDisposable
{
    public const string FileName = "events.duckdb";

    private readonly DuckDBConnection _connection;
    private readonly SemaphoreSlim _mergeLock = new(1, 1);

    private EventStore(DuckDBConnection connection) => _connection = connection;

    public static EventStore Open(string path, bool readOnly = false)
    {
        var connection = new DuckDBConnection($"Data Source={path}{(readOnly ? ";ACCESS_MODE=READ_ONLY" : "")}");
        connection.Open();
        var store = new EventStore(connection);
        if (!readOnly)
        {
            store.EnsureSchema();
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
            global_event_id BIGINT PRIMARY KEY, sql_date DATE NOT NULL,
            actor1_code VARCHAR, actor1_name VARCHAR, actor1_country VARCHAR,
            actor2_code VARCHAR, actor2_name VARCHAR, actor2_country VARCHAR,
            is_root_event BOOLEAN, event_code VARCHAR NOT NULL, event_base_code VARCHAR, event_root_code VARCHAR NOT NULL,
            quad_class TINYINT NOT NULL, goldstein DOUBLE NOT NULL, num_mentions INTEGER, num_sources INTEGER,
            num_articles INTEGER NOT NULL, avg_tone DOUBLE NOT NULL, action_geo_fullname VARCHAR, action_geo_country VARCHAR,
            date_added BIGINT, source_url VARCHAR);
        """);

    /// <summary>The GDELT version this store holds, or null while it is empty.</summary>
    public GdeltVersion? Version => ReadVersion(_connection);

    private static GdeltVersion? ReadVersion(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'gdelt_version'";
        return command.ExecuteScalar() is string v ? (GdeltVersion)int.Parse(v, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Ingests the files in parallel (one DuckDB connection and staging table per worker), merging one at a time.</summary>
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
            var staging = $"staging_{worker}";
            Execute(connection, $"CREATE OR REPLACE TABLE {staging} AS SELECT * FROM events LIMIT 0");
            try
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < paths.Count)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var outcome = IngestFile(connection, staging, paths[index], options, cancellationToken);
                    outcomes[index] = outcome;
                    progress?.Invoke(outcome);
                }
            }
            finally
            {
                Execute(connection, $"DROP TABLE IF EXISTS {staging}");
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        return outcomes;
    }

    private FileOutcome IngestFile(DuckDBConnection connection, string staging, string path, IngestOptions options, CancellationToken cancellationToken)
    {
        Execute(connection, $"DELETE FROM {staging}");
        using var file = File.OpenRead(path);
        using var hashing = new HashingStream(file);
        // Each file's version comes from its own lines; a file of the other version is refused at merge, not misread.
        GdeltVersion? expected = null;
        var report = new ReadReport();
        using (var appender = connection.CreateAppender(staging))
        {
            void Keep(EventRecord e)
            {
                var row = appender.CreateRow();
                row.AppendValue(e.GlobalEventId).AppendValue(e.SqlDate.ToDateTime(TimeOnly.MinValue))
                    .AppendValue(e.Actor1Code).AppendValue(e.Actor1Name).AppendValue(e.Actor1Country)
                    .AppendValue(e.Actor2Code).AppendValue(e.Actor2Name).AppendValue(e.Actor2Country)
                    .AppendValue(e.IsRootEvent).AppendValue(e.EventCode).AppendValue(e.EventBaseCode).AppendValue(e.EventRootCode)
                    .AppendValue((sbyte)e.QuadClass).AppendValue(e.GoldsteinScale).AppendValue(e.NumMentions).AppendValue(e.NumSources)
                    .AppendValue(e.NumArticles).AppendValue(e.AvgTone).AppendValue(e.ActionGeoFullName).AppendValue(e.ActionGeoCountry)
                    .AppendValue(e.DateAdded).AppendValue(e.SourceUrl)
                    .EndRow();
            }

            if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                using var zip = new ZipArchive(hashing, ZipArchiveMode.Read, leaveOpen: true);
                foreach (var entry in zip.Entries.Where(e => e.Length > 0 || e.Name.Length > 0))
                {
                    using var entryStream = entry.Open();
                    report = Merge(report, GdeltEventReader.Read(entryStream, options.Countries, expected ?? report.Version, Keep, cancellationToken));
                }

            }
            else
            {
                report = GdeltEventReader.Read(hashing, options.Countries, expected, Keep, cancellationToken);
            }
        }

        var sha = hashing.Hash();
        var name = Path.GetFileName(path);
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

            Execute(connection, $"INSERT OR IGNORE INTO events SELECT * FROM {staging}");
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

            transaction.Commit();
            return new FileOutcome(path, FileOutcome.Ingested, report, null);
        }
        finally
        {
            _mergeLock.Release();
        }
    }

    private static ReadReport Merge(ReadReport total, ReadReport part)
    {
        if (total.Lines == 0 && total.Problems.Count == 0)
        {
            return part;
        }

        total.Lines += part.Lines;
        total.GoodLines += part.GoodLines;
        total.Kept += part.Kept;
        total.Version ??= part.Version;
        foreach (var (day, n) in part.DailyTotals)
        {
            total.DailyTotals[day] = total.DailyTotals.GetValueOrDefault(day) + n;
        }

        foreach (var (problem, (count, lines)) in part.Problems)
        {
            for (var i = 0; i < count; i++)
            {
                total.Problem(problem, i < lines.Count ? lines[i] : 0);
            }
        }

        return total;
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

    /// <summary>Hashes what is read through it, so a file is read once for both parsing and its content hash.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;

        public override long Position
        {
            get => _position;
            set => Seek(value, SeekOrigin.Begin);
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            _hash.AppendData(buffer[..read]);
            _position += read;
            return read;
        }

        // A zip reader seeks (central directory first); hash the file sequentially instead, once, at the end.
        public override long Seek(long offset, SeekOrigin origin)
        {
            _seeked = true;
            _position = inner.Seek(offset, origin);
            return _position;
        }

        private bool _seeked;

        public string Hash()
        {
            if (_seeked)
            {
                inner.Seek(0, SeekOrigin.Begin);
                using var sha = SHA256.Create();
                return Convert.ToHexStringLower(sha.ComputeHash(inner));
            }

            return Convert.ToHexStringLower(_hash.GetHashAndReset());
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
