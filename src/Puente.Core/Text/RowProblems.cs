namespace Puente.Core.Text;

/// <summary>
/// The problems of an import, bounded: every problem is counted (<see cref="Total"/>) and the rows it concerns are
/// remembered, but only the first <see cref="MaxListed"/> in row order are kept (<see cref="Listed"/>), so that a file
/// of 50,000 bad rows makes a short report. Problems of one row stay in the order they were found.
/// </summary>
public sealed class RowProblems
{
    private readonly SortedSet<(int Row, long Order, RowProblem Problem)> _listed = new(Comparer<(int Row, long Order, RowProblem Problem)>.Create(
        (a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Order.CompareTo(b.Order)));

    private readonly HashSet<int> _rows = [];
    private long _order;

    public RowProblems(int maxListed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxListed);
        MaxListed = maxListed;
    }

    /// <summary>How many problems are kept for the report.</summary>
    public int MaxListed { get; }

    /// <summary>Every problem found, listed or not.</summary>
    public int Total { get; private set; }

    /// <summary>Problems found but not in <see cref="Listed"/>.</summary>
    public int Unlisted => Total - _listed.Count;

    public bool Any => Total > 0;

    /// <summary>The first <see cref="MaxListed"/> problems by row.</summary>
    public IReadOnlyList<RowProblem> Listed => [.. _listed.Select(p => p.Problem)];

    public void Add(int row, string field, Problem problem)
    {
        Total++;
        _rows.Add(row);
        _listed.Add((row, _order++, new RowProblem(row, field, problem)));
        if (_listed.Count > MaxListed)
        {
            _listed.Remove(_listed.Max);
        }
    }

    /// <summary>True when a problem was found in <paramref name="row"/>.</summary>
    public bool HasRow(int row) => _rows.Contains(row);
}
