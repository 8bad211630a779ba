using DuckDB.NET.Data;

namespace Puente.Events.Narrative;

/// <summary>Whose narrative: U.S. outlets writing about Mexico, or Mexican outlets writing about the United States.</summary>
public enum NarrativeGroup
{
    UsOnMexico,
    MexicoOnUs,
}

/// <summary>One month of one group: articles, mean tone, the share of articles carrying each frame, and the share carrying
/// at least one frame of kind "problem" (an article with several problem frames counts once).</summary>
public sealed record NarrativeRow(string Month, NarrativeGroup Group, long Articles, double ToneMean, IReadOnlyDictionary<string, double> FrameShares,
    double ProblemShare = 0);

public static class NarrativeMeasures
{
    public static IReadOnlyList<NarrativeRow> Monthly(DuckDBConnection connection, FrameMap frames)
    {
        using (var exists = connection.CreateCommand())
        {
            exists.CommandText = "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'articles' AND NOT temporary";
            if (Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return [];
            }
        }

        using (var rules = connection.CreateCommand())
        {
            rules.CommandText = "CREATE OR REPLACE TEMP TABLE frame_rules (frame VARCHAR, theme VARCHAR, is_prefix BOOLEAN, is_problem BOOLEAN)";
            rules.ExecuteNonQuery();
        }

        using (var appender = connection.CreateAppender("temp", "main", "frame_rules"))
        {
            foreach (var f in frames.Frames)
            {
                foreach (var t in f.Themes)
                {
                    appender.CreateRow().AppendValue(f.Code).AppendValue(t).AppendValue(false).AppendValue(f.Kind == "problem").EndRow();
                }

                foreach (var p in f.ThemePrefixes)
                {
                    appender.CreateRow().AppendValue(f.Code).AppendValue(p).AppendValue(true).AppendValue(f.Kind == "problem").EndRow();
                }
            }
        }

        const string groups = """
            WITH a AS (
                SELECT record_id, strftime(published, '%Y-%m') AS month, tone, themes,
                       CASE WHEN outlet = 'US' AND about_mx THEN 0 WHEN outlet = 'MX' AND about_us THEN 1 END AS grp
                FROM articles),
            g AS (SELECT * FROM a WHERE grp IS NOT NULL)
            """;
        var totals = new List<(string Month, int Group, long Articles, double Tone)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = groups + " SELECT month, grp, count(*), avg(tone) FROM g GROUP BY ALL ORDER BY month, grp";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                totals.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetDouble(3)));
            }
        }

        var counts = new Dictionary<(string, int, string), long>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = groups + """
                , t AS (SELECT record_id, month, grp, unnest(string_split(themes, ';')) AS theme FROM g)
                SELECT month, grp, frame, count(DISTINCT record_id)
                FROM t JOIN frame_rules r ON t.theme = r.theme OR (r.is_prefix AND starts_with(t.theme, r.theme))
                GROUP BY ALL
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                counts[(reader.GetString(0), reader.GetInt32(1), reader.GetString(2))] = reader.GetInt64(3);
            }
        }

        var problem = new Dictionary<(string, int), long>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = groups + """
                , t AS (SELECT record_id, month, grp, unnest(string_split(themes, ';')) AS theme FROM g)
                SELECT month, grp, count(DISTINCT record_id)
                FROM t JOIN frame_rules r ON r.is_problem AND (t.theme = r.theme OR (r.is_prefix AND starts_with(t.theme, r.theme)))
                GROUP BY ALL
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                problem[(reader.GetString(0), reader.GetInt32(1))] = reader.GetInt64(2);
            }
        }

        return [.. totals.Select(t => new NarrativeRow(t.Month, (NarrativeGroup)t.Group, t.Articles, t.Tone,
            frames.Frames.ToDictionary(f => f.Code, f => counts.GetValueOrDefault((t.Month, t.Group, f.Code)) / (double)t.Articles),
            problem.GetValueOrDefault((t.Month, t.Group)) / (double)t.Articles))];
    }
}
