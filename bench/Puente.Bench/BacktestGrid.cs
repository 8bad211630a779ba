using System.Globalization;
using Puente.Core.Warning;

/// <summary>
/// Chooses the detectors' defaults (docs/early-warning-defaults.md): runs each detector over a grid of parameters on the
/// U.S. Border Patrol southwest border series and prints precision, recall, mean lead and alert count per setting as a
/// Markdown table, then the setting the documented rule picks and the backtest of all the defaults together.
/// Usage: backtest-grid --file ohss_usbp_monthly_region.csv [--crises FILE.csv] [--window N] [--region NAME] [--settings 'ewma …; cusum …']
/// </summary>
internal static class BacktestGrid
{
    public static int Run(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var file = Option("--file");
        if (file is null)
        {
            Console.Error.WriteLine("usage: backtest-grid --file ohss_usbp_monthly_region.csv [--crises FILE.csv] [--window N] [--region NAME] [--settings 'ewma …; cusum …']");
            return 2;
        }

        var crisesFile = Option("--crises") ?? Path.Combine(RepoRoot(), "tests", "Puente.Core.Tests", "TestData", "southwest-border-crises.csv");
        var window = int.Parse(Option("--window") ?? Backtest.DefaultLeadWindow.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var region = Option("--region") ?? CbpEncounters.SouthwestLandBorder;
        var table = CbpEncounters.Read(File.ReadAllBytes(file), CbpBreakdown.Region, region);
        if (!table.Ok)
        {
            foreach (var problem in table.Problems.Listed)
            {
                Console.Error.WriteLine($"row {problem.Row}, {problem.Field}: {problem.Message}");
            }

            return 1;
        }

        var points = table.Series[region];
        var crises = ReadCrises(crisesFile);
        var options = new BacktestOptions(window);
        Console.WriteLine($"Series: {region}, {points[0].Date:yyyy-MM} – {points[^1].Date:yyyy-MM}, {points.Count} months; {crises.Count} crises; lead window {window} periods; concern up.");
        Console.WriteLine();
        Console.WriteLine("| detector | parameters | alerts | hits | precision | recall | mean lead (days) | mean lead (months) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        var results = new List<(IDetector Detector, BacktestResult Result)>();
        foreach (var detector in Grid())
        {
            var result = Backtest.Run(points, Concern.Up, [detector], crises, options);
            results.Add((detector, result));
            Console.WriteLine(Row(detector, result));
        }

        // The defaults run together and a principal sees all their alerts: the rule scores the combination.
        Console.WriteLine();
        Console.WriteLine("Combinations (every detector's 12-period warm-up settings together), best ten by the rule: highest F2, then fewer alerts, then longer mean lead:");
        Console.WriteLine();
        Console.WriteLine("| ewma | cusum | seasonal | alerts | hits | precision | recall | mean lead (days) | mean lead (months) | F2 |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        var eligible = results.Select(r => r.Detector)
            .Where(d => d is not EwmaDetector { Warmup: not 12 } and not CusumDetector { Warmup: not 12 } and not SeasonalDetector { Change: >= 1 }).ToList();
        var combinations =
            from e in eligible.OfType<EwmaDetector>()
            from c in eligible.OfType<CusumDetector>()
            from s in eligible.OfType<SeasonalDetector>()
            let r = Backtest.Run(points, Concern.Up, [e, c, s], crises, options)
            orderby F2(r) descending, r.Alerts.Count, r.MeanLeadPeriods ?? double.MinValue descending, Changed(e) + Changed(c) + Changed(s)
            select (Detectors: new IDetector[] { e, c, s }, Result: r);
        var ranked = combinations.Take(10).ToList();
        foreach (var (detectors, r) in ranked)
        {
            var cells = string.Join(" | ", detectors.Select(d => DetectorSettings.Format(d)[(d.Name.Length + 1)..]));
            Console.WriteLine(Row(null, r).Replace("| defaults |  |", "| " + cells + " |", StringComparison.Ordinal) + $" {F2(r):0.000} |");
        }

        Console.WriteLine();
        Console.WriteLine($"Chosen by the rule: {DetectorSettings.Of(ranked[0].Detectors)}");
        Console.WriteLine();
        var settings = DetectorSettings.Defaults;
        if (Option("--settings") is { } text && !DetectorSettings.TryParse(text, out settings, out var problems))
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, problems));
            return 2;
        }

        var defaults = Backtest.Run(points, Concern.Up, settings.Detectors, crises, options);
        Console.WriteLine($"{(settings == DetectorSettings.Defaults ? "DetectorSettings.Defaults" : "--settings")} ({settings}) together:");
        Console.WriteLine(Row(null, defaults));
        foreach (var crisis in defaults.Crises)
        {
            Console.WriteLine($"  {crisis.Start:yyyy-MM-dd}: " + (crisis.Hit
                ? $"warned by {crisis.Detector} from {crisis.AlertPeriod:yyyy-MM}, {crisis.LeadDays} days / {crisis.LeadPeriods} months ahead"
                : "missed"));
        }

        foreach (var alert in defaults.Alerts)
        {
            Console.WriteLine($"  alert {alert.Period:yyyy-MM}–{alert.LastPeriod:yyyy-MM} {alert.Detector} value {alert.Value:N0} baseline {alert.Baseline:N0} {alert.Severity}{(alert.Hit ? " (hit)" : "")}");
        }

        return 0;
    }

    /// <summary>F-beta with beta 2: recall weighs four times precision — a missed crisis costs more than a dismissed alert.</summary>
    private static double F2(BacktestResult r)
    {
        var (p, q) = (r.Precision ?? 0, r.Recall ?? 0);
        return p + q == 0 ? 0 : 5 * p * q / (4 * p + q);
    }

    /// <summary>How many parameters differ from the textbook values decision 0031 started from (EWMA λ 0.3, k 3; CUSUM k 0.5, h 5;
    /// seasonal 25 %, all with a 12-period warm-up or lag): the last tie-break prefers the smallest departure.</summary>
    private static int Changed(IDetector detector) => detector switch
    {
        EwmaDetector e => (e.Lambda != 0.3 ? 1 : 0) + (e.K != 3 ? 1 : 0) + (e.Warmup != 12 ? 1 : 0),
        CusumDetector c => (c.K != 0.5 ? 1 : 0) + (c.H != 5 ? 1 : 0) + (c.Warmup != 12 ? 1 : 0),
        SeasonalDetector s => (s.Change != 0.25 ? 1 : 0) + (s.Lag != 12 ? 1 : 0),
        _ => 0,
    };

    private static IEnumerable<IDetector> Grid()
    {
        foreach (var lambda in new[] { 0.1, 0.2, 0.3, 0.5 })
        {
            foreach (var k in new[] { 2.0, 2.5, 3, 3.5, 4 })
            {
                foreach (var warmup in new[] { 12, 24 })
                {
                    yield return new EwmaDetector(lambda, k, warmup);
                }
            }
        }

        foreach (var k in new[] { 0.25, 0.5, 1, 1.5 })
        {
            foreach (var h in new[] { 2.0, 3, 5, 8, 12 })
            {
                foreach (var warmup in new[] { 12, 24, 36 })
                {
                    yield return new CusumDetector(k, h, warmup);
                }
            }
        }

        foreach (var change in new[] { 0.25, 0.5, 0.75, 1.0, 1.5, 2.0 })
        {
            yield return new SeasonalDetector(change, 12);
        }
    }

    private static string Row(IDetector? detector, BacktestResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        var name = detector is null ? "defaults" : detector.Name;
        var parameters = detector is null ? "" : DetectorSettings.Format(detector)[(detector.Name.Length + 1)..];
        return string.Create(inv, $"| {name} | {parameters} | {r.Alerts.Count} | {r.Alerts.Count(a => a.Hit)} | {r.Precision?.ToString("0.000", inv) ?? "–"} | "
            + $"{r.Recall?.ToString("0.00", inv) ?? "–"} | {r.MeanLeadDays?.ToString("0", inv) ?? "–"} | {r.MeanLeadPeriods?.ToString("0.0", inv) ?? "–"} |");
    }

    private static List<Crisis> ReadCrises(string path) =>
    [
        .. File.ReadAllLines(path).Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Split(',', 4)).Select(c => new Crisis(
            DateOnly.ParseExact(c[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(c[1], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            c[2].Length == 0 ? null : c[2], c[3])),
    ];

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Puente.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository, or give --crises.");
    }
}
