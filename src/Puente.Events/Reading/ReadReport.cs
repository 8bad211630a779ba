namespace Puente.Events.Reading;

/// <summary>Why a line was skipped.</summary>
public enum LineProblem
{
    WrongFieldCount,
    BadNumber,
    BadDate,
    InvalidUtf8,
    LineTooLong,
}

/// <summary>What reading one file found: lines, kept events, events per day (all, for normalization), problems.</summary>
public sealed class ReadReport
{
    public const int FirstLinesKept = 5;

    private readonly Dictionary<LineProblem, (long Count, List<long> FirstLines)> _problems = [];

    public GdeltVersion? Version { get; internal set; }

    public long Lines { get; internal set; }

    /// <summary>Well-formed lines (kept or not).</summary>
    public long GoodLines { get; internal set; }

    public long Kept { get; internal set; }

    /// <summary>Every well-formed event per SQLDATE, kept or not: GDELT's volume, to normalize measures by.</summary>
    public Dictionary<DateOnly, long> DailyTotals { get; } = [];

    public IReadOnlyDictionary<LineProblem, (long Count, List<long> FirstLines)> Problems => _problems;

    public long Skipped => _problems.Values.Sum(p => p.Count);

    internal void Problem(LineProblem problem, long line)
    {
        if (!_problems.TryGetValue(problem, out var entry))
        {
            entry = (0, []);
        }

        if (entry.FirstLines.Count < FirstLinesKept)
        {
            entry.FirstLines.Add(line);
        }

        _problems[problem] = (entry.Count + 1, entry.FirstLines);
    }
}
