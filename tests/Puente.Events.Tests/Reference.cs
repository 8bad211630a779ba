using DuckDB.NET.Data;
using Puente.Events.Measures;

namespace Puente.Events.Tests;

/// <summary>
/// The independent computation the tests hold Puente to: DuckDB's own CSV reader over the raw files, the filter and
/// the aggregation written directly in SQL (duplicates removed by GLOBALEVENTID, as the issue defines).
/// </summary>
public static class Reference
{
    public static List<SummaryRow> Summary(IEnumerable<string> files, string a, string b, bool directed, string periodSql, int fields = 61)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var list = string.Join(", ", files.Select(f => $"'{f.Replace("'", "''", StringComparison.Ordinal)}'"));
        var columns = "{" + string.Join(", ", Enumerable.Range(0, fields).Select(i => $"'c{i}': 'VARCHAR'")) + "}";
        var dyad = directed
            ? $"(c7 = '{a}' AND c17 = '{b}')"
            : $"((c7 = '{a}' AND c17 = '{b}') OR (c7 = '{b}' AND c17 = '{a}'))";
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH raw AS (SELECT * FROM read_csv([{list}], delim = '\t', header = false, quote = '', escape = '', columns = {columns}, null_padding = false)),
            e AS (SELECT DISTINCT ON (c0) c0, strptime(c1, '%Y%m%d')::DATE AS sql_date, c29::INT AS quad, c30::DOUBLE AS goldstein,
                         c34::DOUBLE AS tone, c33::BIGINT AS articles
                  FROM raw WHERE {dyad} ORDER BY c0)
            SELECT {periodSql} AS period, count(*), count(*) FILTER (quad = 1), count(*) FILTER (quad = 2), count(*) FILTER (quad = 3),
                   count(*) FILTER (quad = 4), avg(goldstein), avg(tone), sum(articles)::BIGINT
            FROM e GROUP BY 1 ORDER BY 1
            """;
        var rows = new List<SummaryRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new SummaryRow(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.GetInt64(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetInt64(8), 0));
        }

        return rows;
    }

    public static void AssertSame(IReadOnlyList<SummaryRow> expected, IReadOnlyList<SummaryRow> actual)
    {
        Assert.Equal(expected.Select(r => r.Period), actual.Select(r => r.Period));
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.Events, e.VerbalCoop, e.MaterialCoop, e.VerbalConflict, e.MaterialConflict, e.Articles),
                (a.Events, a.VerbalCoop, a.MaterialCoop, a.VerbalConflict, a.MaterialConflict, a.Articles));
            Assert.Equal(e.GoldsteinMean, a.GoldsteinMean, 9);
            Assert.Equal(e.ToneMean, a.ToneMean, 9);
        }
    }
}
