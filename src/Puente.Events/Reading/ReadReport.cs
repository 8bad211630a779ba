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

    /// <summary>The smallest and largest GLOBALEVENTID kept (for deduplication against the store).</summary>
    public long MinKeptId { get; internal set; } = long.MaxValue;

    public long MaxKeptId { get; internal set; } = long.MinValue;

    /// <summary>True while every kept id is larger than the one kept before it (GDELT files are sorted by id):
    /// then the file has no duplicate ids and needs no de-duplication pass of its own.</summary>
    public bool KeptIdsAscending { get; internal set; } = true;

    /// <summary>Every well-formed event per SQLDATE, kept or not: GDELT's volume, to normalize measures by.</summary>
    public Dictionary<DateOnly, long> DailyTotals { get; } = [];

    public IReadOnlyDictionary<LineProblem, (long Count, List<long> FirstLines)> Problems => _problems;

    public long Skipped => _problems.Values.Sum(p => p.Count);

    /// <summary>Adds another part of the same file read after <paramref name="lineOffset"/> lines of this one.</summary>
    public void Absorb(ReadReport part, long lineOffset)
    {
        KeptIdsAscending = KeptIdsAscending && part.KeptIdsAscending && (Kept == 0 || part.Kept == 0 || part.MinKeptId > MaxKeptId);
        Lines += part.Lines;
        GoodLines += part.GoodLines;
        Kept += part.Kept;
        MinKeptId = Math.Min(MinKeptId, part.MinKeptId);
        MaxKeptId = Math.Max(MaxKeptId, part.MaxKeptId);
        foreach (var (day, n) in part.DailyTotals)
        {
            DailyTotals[day] = DailyTotals.GetValueOrDefault(day) + n;
        }

        foreach (var (problem, (count, lines)) in part.Problems)
        {
            var (total, first) = _problems.TryGetValue(problem, out var entry) ? entry : (0, []);
            first.AddRange(lines.Select(l => l + lineOffset).Take(FirstLinesKept - first.Count));
            _problems[problem] = (total + count, first);
        }
    }

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
