using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Localization;
using Puente.Core.Series;
using Puente.Core.Text;
using Puente.Core.Warning;
using Puente.Core.Water;

namespace Puente.Data.Warning;

/// <summary>
/// A backtest as a command line or a query string asks for it, every part as text: the indicator's code; a detector and
/// its <c>name=value</c> parameters (none: the indicator's detectors); the first and last day counted (YYYY-MM-DD); the
/// lead window in periods; the agenda issue whose crises count (none: the indicator's issue).
/// </summary>
public sealed record BacktestRequest(string Indicator, string? Detector = null, IReadOnlyList<string>? Parameters = null, string? From = null,
    string? To = null, string? Window = null, string? Issue = null);

/// <summary>Where a backtest's detectors came from.</summary>
public enum BacktestDetectorsFrom
{
    /// <summary>The detector the request named, with its parameters.</summary>
    Request,

    /// <summary>The indicator's own detector settings.</summary>
    Indicator,

    /// <summary><see cref="DetectorSettings.Defaults"/>: the indicator has no settings of its own.</summary>
    Defaults,
}

/// <summary>A backtest that ran: the indicator, the detectors and where they came from, the issue whose crises counted
/// (null: every readable crisis), the series, the crises and the result.</summary>
public sealed record BacktestRun(Indicator Indicator, IReadOnlyList<IDetector> Detectors, BacktestDetectorsFrom DetectorsFrom, string? Issue,
    IReadOnlyList<SeriesPoint> Points, IReadOnlyList<MarkedCrisis> Crises, BacktestResult Result);

/// <summary>What a backtest request gave: a run, or the problems of its fields (named as the query string names them:
/// <c>indicator</c>, <c>detector</c>, <c>param</c>, <c>from</c>, <c>to</c>, <c>window</c>, <c>issue</c>), or not found
/// (no indicator with that code that the reader may read).</summary>
public sealed record BacktestOutcome(BacktestRun? Run, IReadOnlyList<FieldProblem> Problems)
{
    public bool NotFound => Run is null && Problems.Count == 0;
}

/// <summary>
/// Runs <see cref="Backtest"/> over an indicator's recorded values against the crises people marked, everything read
/// through the reader's access (decision 0045): an indicator the reader cannot read is not found, and a crisis the reader
/// cannot read is not counted. The crises counted are those of the indicator's agenda issue (or of the issue the request
/// names), or every readable crisis when the indicator has no issue. The CLI (<c>puente alerts backtest</c>), the API and
/// the page share it.
/// </summary>
public static class BacktestRunner
{
    /// <summary>The most <c>name=value</c> parameters a request may give (no detector has more than three).</summary>
    public const int MaxParameters = 10;

    /// <summary>The longest parameter text accepted.</summary>
    public const int MaxParameterLength = 100;

    /// <summary>The most crises one backtest scores.</summary>
    public const int MaxCrises = 1_000;

    public static async Task<BacktestOutcome> RunAsync(this PuenteDbContext db, BacktestRequest request, CultureInfo culture,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(culture);
        var problems = new List<FieldProblem>();
        var from = Day(request.From, "from", problems);
        var to = Day(request.To, "to", problems);
        if (from is { } start && to is { } end && end < start)
        {
            problems.Add(new("to", BacktestProblems.EndBeforeStart.With(Iso(end), Iso(start))));
        }

        var window = Backtest.DefaultLeadWindow;
        if (!string.IsNullOrWhiteSpace(request.Window)
            && !(int.TryParse(request.Window.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out window) && window <= Backtest.MaxLeadWindow))
        {
            problems.Add(new("window", BacktestProblems.BadWindow.With(ImportFile.Echo(request.Window.Trim()), Backtest.MaxLeadWindow)));
        }

        var parameters = request.Parameters ?? [];
        IDetector? requested = null;
        if (parameters.Count > MaxParameters)
        {
            problems.Add(new("param", BacktestProblems.TooManyParameters.With(parameters.Count, MaxParameters)));
        }
        else if (parameters.Any(p => p.Length > MaxParameterLength))
        {
            problems.Add(new("param", BacktestProblems.ParameterTooLong.With(MaxParameterLength)));
        }
        else if (string.IsNullOrWhiteSpace(request.Detector))
        {
            if (parameters.Count > 0)
            {
                problems.Add(new("param", BacktestProblems.ParametersWithoutDetector.With()));
            }
        }
        else if (!DetectorSettings.TryCreate(request.Detector, parameters, out requested, out var detectorProblems))
        {
            var unknown = detectorProblems.Any(p => p.Kind == DetectorProblems.UnknownDetector);
            problems.AddRange(detectorProblems.Select(p => new FieldProblem(unknown ? "detector" : "param", p)));
        }

        string? issue = null;
        if (!string.IsNullOrWhiteSpace(request.Issue))
        {
            issue = CatalogCode.Normalize(request.Issue);
            if (!CatalogCode.IsValid(issue) || !await db.AgendaIssues.AnyAsync(i => i.Code == issue, cancellationToken))
            {
                problems.Add(new("issue", BacktestProblems.BadIssue.With(ImportFile.Echo(request.Issue.Trim()))));
            }
        }

        if (problems.Count > 0)
        {
            return new BacktestOutcome(null, problems);
        }

        var code = CatalogCode.Normalize(request.Indicator);
        if (!CatalogCode.IsValid(code) || await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, cancellationToken) is not { } indicator)
        {
            return new BacktestOutcome(null, []);
        }

        IReadOnlyList<IDetector> detectors;
        BacktestDetectorsFrom source;
        if (requested is not null)
        {
            (detectors, source) = ([requested], BacktestDetectorsFrom.Request);
        }
        else if (DetectorSettings.TryParse(indicator.Detectors, out var settings, out _))
        {
            (detectors, source) = (settings.Detectors, string.IsNullOrWhiteSpace(indicator.Detectors) ? BacktestDetectorsFrom.Defaults : BacktestDetectorsFrom.Indicator);
        }
        else
        {
            return new BacktestOutcome(null, [new("detector", BacktestProblems.StoredSettings.With(ImportFile.Echo(indicator.Detectors)))]);
        }

        issue ??= indicator.IssueCode;
        var crises = db.Set<MarkedCrisis>().AsNoTracking().Where(c => c.End >= c.Start);
        if (issue is not null)
        {
            crises = crises.Where(c => c.IssueCode == issue);
        }

        // The same overlap Backtest counts: a crisis outside the range would be read only to be left out.
        if (from is { } first)
        {
            crises = crises.Where(c => c.End >= first);
        }

        if (to is { } last)
        {
            crises = crises.Where(c => c.Start <= last);
        }

        var marked = await crises.OrderBy(c => c.Start).ThenBy(c => c.Code).Take(MaxCrises + 1).ToListAsync(cancellationToken);
        if (marked.Count > MaxCrises)
        {
            return new BacktestOutcome(null, [new("from", BacktestProblems.TooManyCrises.With(await crises.CountAsync(cancellationToken), MaxCrises))]);
        }

        var points = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.ParentId == indicator.Id).OrderBy(v => v.Period)
            .Select(v => new SeriesPoint(v.Period, v.Value)).ToListAsync(cancellationToken);
        var result = Backtest.Run(points, indicator.Concern, detectors,
            marked.Select(c => new Crisis(c.Start, c.End, c.IssueCode, Bilingual.Pick(c.NameEn, c.NameEs, culture) is { Length: > 0 } name
                ? name
                : Bilingual.Pick(c.DescriptionEn, c.DescriptionEs, culture))),
            new BacktestOptions(window, from, to));
        return new BacktestOutcome(new BacktestRun(indicator, detectors, source, issue, points, marked, result), []);
    }

    private static DateOnly? Day(string? text, string field, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (IsoDate.TryParse(text, out var day))
        {
            return day;
        }

        problems.Add(new(field, BacktestProblems.NotADate.With(ImportFile.Echo(text.Trim()))));
        return null;
    }

    private static string Iso(DateOnly day) => day.ToString(IsoDate.Format, CultureInfo.InvariantCulture);
}
