using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using Puente.Events.Store;

namespace Puente.Events.Narrative;

/// <summary>What reading one GKG file found.</summary>
public sealed record GkgReport(string Path, string Status, long Lines, long Kept, IReadOnlyDictionary<string, (long Count, List<long> FirstLines)> Problems);

/// <summary>
/// Reads GKG 2.1 files (27 tab-separated fields) and keeps the articles whose locations concern Mexico or the United
/// States (FIPS country codes MX and US in V2Locations/Locations): their outlet, language, tone and themes. Files are
/// remembered by content hash and articles by GKGRECORDID, so nothing is counted twice; each file is one transaction.
/// </summary>
public static class GkgIngest
{
    public const int Fields = 27;

    public static void EnsureSchema(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS gkg_files (sha256 VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, lines BIGINT NOT NULL, kept BIGINT NOT NULL, ingested_at TIMESTAMP NOT NULL);
            CREATE TABLE IF NOT EXISTS articles (
                record_id VARCHAR NOT NULL, published DATE NOT NULL, source VARCHAR NOT NULL, url VARCHAR NOT NULL,
                outlet VARCHAR NOT NULL, spanish BOOLEAN NOT NULL, about_mx BOOLEAN NOT NULL, about_us BOOLEAN NOT NULL,
                tone DOUBLE NOT NULL, themes VARCHAR NOT NULL);
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>The outlet's country as Puente tells it: a .mx domain or a Spanish-language source is Mexican; a
    /// .com/.org/.net/.us/.gov/.edu domain writing in English is a U.S. outlet; anything else is OTHER.</summary>
    public static string Outlet(string source, bool spanish)
    {
        var s = source.Trim().ToLowerInvariant();
        if (s.EndsWith(".mx", StringComparison.Ordinal) || s.Contains(".mx/", StringComparison.Ordinal) || (spanish && !s.EndsWith(".es", StringComparison.Ordinal)))
        {
            return "MX";
        }

        var tld = s[(s.LastIndexOf('.') + 1)..];
        return !spanish && tld is "com" or "org" or "net" or "us" or "gov" or "edu" ? "US" : "OTHER";
    }

    /// <summary>Ingests one GKG file into <paramref name="store"/> (opened for writing), in one transaction.</summary>
    public static GkgReport Ingest(EventStore store, string path) => Ingest(store.Connection, path);

    public static GkgReport Ingest(DuckDBConnection connection, string path)
    {
        EnsureSchema(connection);
        string sha;
        using (var file = File.OpenRead(path))
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(file));
        }

        using (var check = connection.CreateCommand())
        {
            check.CommandText = "SELECT count(*) FROM gkg_files WHERE sha256 = $sha";
            check.Parameters.Add(new DuckDBParameter("sha", sha));
            if (Convert.ToInt64(check.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
            {
                return new GkgReport(path, "already ingested", 0, 0, new Dictionary<string, (long, List<long>)>());
            }
        }

        var problems = new Dictionary<string, (long Count, List<long> FirstLines)>();
        void Problem(string reason, long line)
        {
            var (count, lines) = problems.TryGetValue(reason, out var p) ? p : (0, []);
            if (lines.Count < 5)
            {
                lines.Add(line);
            }

            problems[reason] = (count + 1, lines);
        }

        long lineNumber = 0, kept = 0;
        using var transaction = connection.BeginTransaction();
        using (var staging = connection.CreateCommand())
        {
            staging.CommandText = "CREATE OR REPLACE TEMP TABLE gkg_staging AS SELECT * FROM articles LIMIT 0";
            staging.ExecuteNonQuery();
        }

        using (var appender = connection.CreateAppender("temp", "main", "gkg_staging"))
        {
            using var stream = OpenText(path);
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), false, 1 << 16);
            while (true)
            {
                string? line;
                try
                {
                    line = reader.ReadLine();
                }
                catch (DecoderFallbackException)
                {
                    lineNumber++;
                    Problem("invalid UTF-8", lineNumber);
                    continue;
                }

                if (line is null)
                {
                    break;
                }

                lineNumber++;
                var f = line.Split('\t');
                if (f.Length != Fields)
                {
                    Problem("wrong number of fields", lineNumber);
                    continue;
                }

                if (f[1].Length != 14 || !DateTime.TryParseExact(f[1], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    Problem("bad date", lineNumber);
                    continue;
                }

                var tone = f[15].Split(',')[0];
                if (!double.TryParse(tone, NumberStyles.Float, CultureInfo.InvariantCulture, out var toneValue))
                {
                    Problem("bad tone", lineNumber);
                    continue;
                }

                var locations = f[10].Length > 0 ? f[10] : f[9];
                var countries = locations.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('#')).Where(p => p.Length > 2).Select(p => p[2]).ToHashSet(StringComparer.Ordinal);
                var aboutMx = countries.Contains("MX");
                var aboutUs = countries.Contains("US");
                if (!aboutMx && !aboutUs)
                {
                    continue;
                }

                var spanish = f[25].Contains("srclc:spa", StringComparison.Ordinal);
                var themes = f[7].Split(';', StringSplitOptions.RemoveEmptyEntries)
                    .Concat(f[8].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Split(',')[0]))
                    .Distinct(StringComparer.Ordinal);
                appender.CreateRow()
                    .AppendValue(f[0]).AppendValue(date.Date).AppendValue(f[3]).AppendValue(f[4]).AppendValue(Outlet(f[3], spanish))
                    .AppendValue(spanish).AppendValue(aboutMx).AppendValue(aboutUs).AppendValue(toneValue).AppendValue(string.Join(';', themes))
                    .EndRow();
                kept++;
            }
        }

        using (var merge = connection.CreateCommand())
        {
            merge.CommandText = """
                INSERT INTO articles SELECT DISTINCT ON (record_id) * FROM gkg_staging s
                WHERE s.record_id NOT IN (SELECT record_id FROM articles);
                INSERT INTO gkg_files VALUES ($sha, $name, $lines, $kept, now());
                DROP TABLE gkg_staging;
                """;
            merge.Parameters.Add(new DuckDBParameter("sha", sha));
            merge.Parameters.Add(new DuckDBParameter("name", Path.GetFileName(path)));
            merge.Parameters.Add(new DuckDBParameter("lines", lineNumber));
            merge.Parameters.Add(new DuckDBParameter("kept", kept));
            merge.ExecuteNonQuery();
        }

        transaction.Commit();
        return new GkgReport(path, "ingested", lineNumber, kept, problems);
    }

    private static Stream OpenText(string path)
    {
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return File.OpenRead(path);
        }

        var zip = ZipFile.OpenRead(path);
        var entry = zip.Entries.First(e => !e.FullName.EndsWith('/'));
        var buffer = new MemoryStream();
        using (var s = entry.Open())
        {
            s.CopyTo(buffer);
        }

        zip.Dispose();
        buffer.Position = 0;
        return buffer;
    }
}
