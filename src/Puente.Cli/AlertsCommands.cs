using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Puente.Core.Access;
using Puente.Core.Warning;
using Puente.Data;
using Puente.Data.Access;
using Puente.Data.Warning;

namespace Puente.Cli;

/// <summary>
/// <c>puente alerts backtest --indicator CODE [--detector NAME --param k=v…] [--from YYYY-MM-DD --to YYYY-MM-DD]
/// [--window N] [--issue CODE] [--format table|json]</c>: the alerts the detectors would have raised over an indicator's
/// history, scored against the crises people marked (<see cref="BacktestRunner"/>, decision 0032).
/// </summary>
public static class AlertsCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Build(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var alerts = new Command("alerts", "Early-warning alerts.");
        alerts.Subcommands.Add(Backtest(dataDir, stdout, stderr));
        return alerts;
    }

    private static Command Backtest(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var indicator = new Option<string>("--indicator") { Description = "The indicator's code, e.g. CBP-USBP-SW.", Required = true };
        var detector = new Option<string?>("--detector")
        {
            Description = $"Run this detector only ({string.Join(", ", DetectorSettings.Names)}). Without it: the indicator's own detector settings, "
                + "or, when it has none, every detector with its default parameters (ewma, cusum and seasonal; a threshold runs only when configured; "
                + "docs/early-warning-defaults.md).",
        };
        var parameter = new Option<string[]>("--param")
        {
            Description = "A parameter of --detector as name=value (e.g. k=3), once per parameter; those left out take their defaults.",
            AllowMultipleArgumentsPerToken = true,
        };
        var from = new Option<string?>("--from") { Description = "Count alerts and crises from this day (YYYY-MM-DD); the detectors still run over the whole history." };
        var to = new Option<string?>("--to") { Description = "Count alerts and crises up to this day (YYYY-MM-DD)." };
        var window = new Option<string?>("--window")
        {
            Description = $"The lead window: how many periods before a crisis an alert counts as a warning of it (default {Core.Warning.Backtest.DefaultLeadWindow}, at most {Core.Warning.Backtest.MaxLeadWindow}).",
        };
        var issue = new Option<string?>("--issue") { Description = "Score against the crises of this agenda issue (default: the indicator's issue; every crisis when it has none)." };
        var format = new Option<string>("--format") { Description = "table (default) or json (issue 13's contract).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("backtest",
            "Run detectors over an indicator's history and report the alerts they would have raised, the lead before each marked crisis, precision and recall.")
        {
            indicator, detector, parameter, from, to, window, issue, format,
        };
        command.SetAction((parse, ct) => PuenteCli.WithServicesAsync(parse.GetValue(dataDir), stderr, async (sp, logger) =>
        {
            await sp.InitializePuenteAsync(logger, ct);
            await using var scope = sp.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            var db = scope.ServiceProvider.GetRequiredService<PuenteDbContext>();
            var code = parse.GetValue(indicator)!;
            var request = new BacktestRequest(code, parse.GetValue(detector), parse.GetValue(parameter) ?? [], parse.GetValue(from), parse.GetValue(to),
                parse.GetValue(window), parse.GetValue(issue));
            var outcome = await db.RunAsync(request, CultureInfo.InvariantCulture, ct);
            foreach (var problem in outcome.Problems)
            {
                await stderr.WriteLineAsync($"--{problem.Field}: {problem.Problem}");
            }

            if (outcome.NotFound)
            {
                await stderr.WriteLineAsync($"No indicator has the code '{Core.Catalog.CatalogCode.Normalize(code)}'.");
            }

            if (outcome.Run is not { } run)
            {
                return PuenteCli.Failed;
            }

            var report = BacktestReport.Of(run, CultureInfo.InvariantCulture);
            if (parse.GetValue(format) == "json")
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                await WriteTableAsync(stdout, run, report);
            }

            return PuenteCli.Ok;
        }));
        return command;
    }

    private static async Task WriteTableAsync(TextWriter stdout, BacktestRun run, BacktestReport report)
    {
        var c = CultureInfo.InvariantCulture;
        var frequency = run.Indicator.Frequency;
        string Period(DateOnly day) => IndicatorPeriods.Format(frequency, day);
        string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "#,0" : "0.###", c);
        string Day(DateOnly day) => day.ToString("yyyy-MM-dd", c);
        var from = run.DetectorsFrom switch
        {
            BacktestDetectorsFrom.Request => "as asked",
            BacktestDetectorsFrom.Indicator => "the indicator's settings",
            _ => "the defaults",
        };

        await stdout.WriteLineAsync($"Backtest of {report.Indicator} ({report.Name}): {run.Points.Count} {report.Frequency} values, concern {report.Concern}.");
        await stdout.WriteLineAsync($"Detectors ({from}): {report.Detectors}");
        await stdout.WriteLineAsync($"Crises: {(report.Issue is null ? "every marked crisis" : $"those of issue {report.Issue}")}; lead window {report.LeadWindow} period(s)"
            + (report.From is null && report.To is null ? "." : $"; counted from {(report.From is { } f ? Day(f) : "the start")} to {(report.To is { } t ? Day(t) : "the end")}."));
        await stdout.WriteLineAsync();

        await stdout.WriteLineAsync($"Alerts ({report.Alerts.Count}):");
        await stdout.WriteLineAsync($"  {"period",-10} {"detector",-9} {"value",12} {"baseline",12} {"severity",-8} hit");
        foreach (var a in report.Alerts)
        {
            await stdout.WriteLineAsync($"  {Period(a.Period),-10} {a.Detector,-9} {Number(a.Value),12} {Number(a.Baseline),12} {a.Severity.ToString().ToLowerInvariant(),-8} {(a.Hit ? "yes" : "no")}");
        }

        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"Crises ({report.Crises.Count}):");
        await stdout.WriteLineAsync($"  {"start",-10} {"end",-10} {"warned by",-19} {"lead",-22} description");
        foreach (var x in report.Crises)
        {
            var warned = x.Hit ? $"{x.Detector} {Period(x.AlertPeriod!.Value)}" : "not warned";
            var lead = x.Hit ? $"{x.LeadDays} days, {x.LeadPeriods} periods" : "—";
            await stdout.WriteLineAsync($"  {Day(x.Start),-10} {Day(x.End),-10} {warned,-19} {lead,-22} {x.Description}");
        }

        await stdout.WriteLineAsync();
        var hits = report.Alerts.Count(a => a.Hit);
        var warnedCount = report.Crises.Count(x => x.Hit);
        await stdout.WriteLineAsync(report.Precision is { } p
            ? $"Precision: {p.ToString("0.000", c)} ({hits} of {report.Alerts.Count} alerts warned of a crisis)"
            : "Precision: none (no alerts)");
        await stdout.WriteLineAsync(report.Recall is { } r
            ? $"Recall: {r.ToString("0.000", c)} ({warnedCount} of {report.Crises.Count} crises warned)"
            : "Recall: none (no crises marked)");
        await stdout.WriteLineAsync(report.MeanLeadDays is { } days
            ? $"Mean lead: {days.ToString("0.#", c)} days ({report.MeanLeadPeriods!.Value.ToString("0.##", c)} periods)"
            : "Mean lead: none (no crisis warned)");
    }
}
