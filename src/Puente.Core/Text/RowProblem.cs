namespace Puente.Core.Text;

/// <summary>
/// A problem with one row of an imported table: where (<see cref="Row"/>, counted as a spreadsheet counts it, the
/// header being row 1; <see cref="Field"/>, the column's name) and why.
/// </summary>
public sealed record RowProblem(int Row, string Field, Problem Problem)
{
    /// <summary>The problem in English (CLI, logs); the web translates <see cref="Problem"/>.</summary>
    public string Message => Problem.ToString();
}
