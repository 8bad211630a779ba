using System.Globalization;
using DuckDB.NET.Data;
using Puente.Core.Series;
using Puente.Events.Store;

namespace Puente.Events.Measures;

/// <summary>One period of a dyad's events.</summary>
public sealed record SummaryRow(string Period, long Events, long VerbalCoop, long MaterialCoop, long VerbalConflict, long MaterialConflict,
    double GoldsteinMean, double ToneMean, long Articles, long GdeltEvents);

/// <summary>Events of one CAMEO root in one period.</summary>
public sealed record RootRow(string Period, string Root, long Events, double GoldsteinMean);

/// <summary>One event, for drill-downs.</summary>
public sealed record EventRow(long GlobalEventId, DateOnly Date, string Actor1, string Actor1Country, string Actor2, string Actor2Country,
    string EventCode, int QuadClass, double Goldstein, double Tone, int Articles, string Place, string SourceUrl);

/// <summary>The measures of issue #3, computed in DuckDB over the store. Periods ascend.</summary>
public static class EventMeasures
{
    public static string PeriodSql(Period by) => by switch
    {
        Period.Day => "strftime(sql_date, '%Y-%m-%d')",
        Period.Week => "strftime(date_trunc('week', sql_date), '%Y-%m-%d')", // ISO weeks start on Monday
        Period.Month => "strftime(sql_date, '%Y-%m')",
        _ => "strftime(sql_date, '%Y')",
    };

    private static string DyadSql(Dyad dyad) => dyad.Directed
        ? "(actor1_country = $a AND actor2_country = $b)"
        : "((actor1_country = $a AND actor2_country = $b) OR (actor1_country = $b AND actor2_country = $a))";

    public static IReadOnlyList<SummaryRow> Summary(DuckDBConnection connection, Dyad dyad, Period by, DateOnly? from, DateOnly? to)
    {
        using var command = connection.CreateCommand();
        var period = PeriodSql(by);
        command.CommandText = $"""
            WITH e AS (
                SELECT {period} AS period, quad_class, goldstein, avg_tone, num_articles
                FROM events
                WHERE {DyadSql(dyad)} AND ($from IS NULL OR sql_date >= $from) AND ($to IS NULL OR sql_date <= $to)),
            v AS (
                SELECT {period.Replace("sql_date", "day", StringComparison.Ordinal)} AS period, sum(events)::BIGINT AS gdelt_events
                FROM daily_totals GROUP BY 1)
            SELECT e.period, count(*), count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
                   count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
                   avg(goldstein), avg(avg_tone), sum(num_articles)::BIGINT, coalesce(any_value(v.gdelt_events), 0)
            FROM e LEFT JOIN v ON v.period = e.period
            GROUP BY e.period ORDER BY e.period
            """;
        Bind(command, dyad, from, to);
        var rows = new List<SummaryRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new SummaryRow(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.GetInt64(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetInt64(8), reader.GetInt64(9)));
        }

        return rows;
    }

    public static IReadOnlyList<RootRow> ByRoot(DuckDBConnection connection, Dyad dyad, Period by, DateOnly? from, DateOnly? to)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {PeriodSql(by)} AS period, event_root_code, count(*), avg(goldstein)
            FROM events
            WHERE {DyadSql(dyad)} AND ($from IS NULL OR sql_date >= $from) AND ($to IS NULL OR sql_date <= $to)
            GROUP BY ALL ORDER BY period, event_root_code
            """;
        Bind(command, dyad, from, to);
        var rows = new List<RootRow>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new RootRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetDouble(3)));
        }

        return rows;
    }

    public static IReadOnlyList<EventRow> Events(DuckDBConnection connection, Dyad dyad, DateOnly from, DateOnly to, string? root, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT global_event_id, sql_date, actor1_country, actor2_country, event_code, quad_class, goldstein, avg_tone, num_articles,
                   file_no, detail
            FROM event_rows
            WHERE file_no NOT IN (SELECT file_no FROM loads)
              AND {DyadSql(dyad)} AND sql_date >= $from AND sql_date <= $to AND ($root IS NULL OR event_root_code = $root)
            ORDER BY num_articles DESC, global_event_id LIMIT {limit.ToString(CultureInfo.InvariantCulture)}
            """;
        Bind(command, dyad, from, to);
        command.Parameters.Add(new DuckDBParameter("root", (object?)root ?? DBNull.Value));
        var found = new List<(long Id, DateOnly Date, string A1, string A2, string Code, int Quad, double Goldstein, double Tone, int Articles, int FileNo, long Detail)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                found.Add((reader.GetInt64(0), DateOnly.FromDateTime(reader.GetDateTime(1)), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetByte(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetInt32(8), reader.GetInt32(9),
                    reader.GetInt64(10)));
            }
        }

        var details = EventDetails.Read(connection.DataSource, [.. found.Select(e => (e.FileNo, e.Detail))]);
        return [.. found.Select((e, i) => new EventRow(e.Id, e.Date, details[i]?.Actor1Name ?? "", e.A1, details[i]?.Actor2Name ?? "", e.A2,
            e.Code, e.Quad, e.Goldstein, e.Tone, e.Articles, details[i]?.Place ?? "", details[i]?.SourceUrl ?? ""))];
    }

    private static void Bind(DuckDBCommand command, Dyad dyad, DateOnly? from, DateOnly? to)
    {
        command.Parameters.Add(new DuckDBParameter("a", dyad.First));
        command.Parameters.Add(new DuckDBParameter("b", dyad.Second));
        command.Parameters.Add(new DuckDBParameter("from", from is { } f ? f.ToDateTime(TimeOnly.MinValue) : DBNull.Value));
        command.Parameters.Add(new DuckDBParameter("to", to is { } t ? t.ToDateTime(TimeOnly.MinValue) : DBNull.Value));
    }

    /// <summary>
    /// One measure of summary rows as a time series named <c>events.{dyad}.{measure}</c> (e.g. <c>events.USA-MEX.count</c>),
    /// each point dated on the first day of its period (a week's Monday). Periods without events have no point.
    /// </summary>
    public static TimeSeries Series(Dyad dyad, Period by, EventMeasure measure, IEnumerable<SummaryRow> rows)
    {
        var (name, unit) = measure switch
        {
            EventMeasure.Count => ("count", "events"),
            EventMeasure.Goldstein => ("goldstein", "goldstein"),
            EventMeasure.Tone => ("tone", "tone"),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
        };
        return TimeSeries.Create($"events.{dyad}.{name}", unit, rows.Select(r => new SeriesPoint(PeriodStart(r.Period, by), measure switch
        {
            EventMeasure.Count => r.Events,
            EventMeasure.Goldstein => r.GoldsteinMean,
            _ => r.ToneMean,
        })));
    }

    /// <summary>The first day of a period label as <see cref="PeriodSql"/> writes it (YYYY-MM-DD, YYYY-MM or YYYY).</summary>
    public static DateOnly PeriodStart(string period, Period by) => by switch
    {
        Period.Day or Period.Week => DateOnly.ParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Period.Month => DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => new DateOnly(int.Parse(period, NumberStyles.None, CultureInfo.InvariantCulture), 1, 1),
    };

    /// <summary>The label of the period containing <paramref name="day"/>, as <see cref="PeriodSql"/> writes it (weeks start on Monday).</summary>
    public static string PeriodLabel(DateOnly day, Period by) => by switch
    {
        Period.Day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Period.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Period.Month => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => day.ToString("yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Every period label from <paramref name="first"/> to <paramref name="last"/> (both included, ascending), with or without
    /// events, at most <paramref name="max"/>: the time axis on which periods without events show as gaps.
    /// </summary>
    public static IReadOnlyList<string> PeriodsBetween(string first, string last, Period by, int max)
    {
        var labels = new List<string>();
        var end = PeriodStart(last, by);
        for (var day = PeriodStart(first, by); day <= end && labels.Count < max; day = Next(day, by))
        {
            labels.Add(PeriodLabel(day, by));
        }

        return labels;
    }

    /// <summary>The last day of a period label.</summary>
    public static DateOnly PeriodEnd(string period, Period by) => Next(PeriodStart(period, by), by).AddDays(-1);

    /// <summary>How many periods <paramref name="later"/> starts after <paramref name="earlier"/> (0 for the same period).</summary>
    public static int PeriodsApart(string earlier, string later, Period by)
    {
        var (a, b) = (PeriodStart(earlier, by), PeriodStart(later, by));
        return by switch
        {
            Period.Day => b.DayNumber - a.DayNumber,
            Period.Week => (b.DayNumber - a.DayNumber) / 7,
            Period.Month => (b.Year - a.Year) * 12 + b.Month - a.Month,
            _ => b.Year - a.Year,
        };
    }

    private static DateOnly Next(DateOnly start, Period by) => by switch
    {
        Period.Day => start.AddDays(1),
        Period.Week => start.AddDays(7),
        Period.Month => start.AddMonths(1),
        _ => start.AddYears(1),
    };

    /// <summary>The last SQLDATE of any event in the finished files (kept or not), or null while the store is empty.</summary>
    public static DateOnly? DataAsOf(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(day) FROM daily_totals";
        using var reader = command.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0) ? DateOnly.FromDateTime(reader.GetDateTime(0)) : null;
    }

    /// <summary>The CSV of <c>puente events summary --format csv</c>: exact header, ascending periods, 6-decimal means.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<SummaryRow> rows)
    {
        writer.Write("period,events,verbal_coop,material_coop,verbal_conflict,material_conflict,goldstein_mean,tone_mean,articles\n");
        foreach (var r in rows)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{r.Period},{r.Events},{r.VerbalCoop},{r.MaterialCoop},{r.VerbalConflict},{r.MaterialConflict},{r.GoldsteinMean:F6},{r.ToneMean:F6},{r.Articles}\n"));
        }
    }
}
