namespace Puente.Web.Features;

/// <summary>
/// A line chart of one series, drawn by <c>_SeriesChart.cshtml</c> as an SVG (no script): the points in date order (a
/// null value is a gap), the periods to mark (an alert's triggering points), shaded date ranges (marked crises) and a
/// horizontal threshold. <see cref="Compact"/> draws a small chart without axes (a list's or the home page's trend).
/// </summary>
public sealed record SeriesChart(string Id, string Label, IReadOnlyList<SeriesChart.Point> Points)
{
    public IReadOnlySet<DateOnly> Marked { get; init; } = new HashSet<DateOnly>();

    public IReadOnlyList<(DateOnly From, DateOnly To)> Bands { get; init; } = [];

    public double? Threshold { get; init; }

    public bool Compact { get; init; }

    public readonly record struct Point(DateOnly Date, double? Value);
}
