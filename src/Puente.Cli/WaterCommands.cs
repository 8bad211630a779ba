using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Puente.Core.Water;
using Microsoft.Extensions.DependencyInjection;
using Puente.Core.Access;
using Puente.Data;
using Puente.Data.Access;
using Puente.Data.Water;
using Puente.Core.Text;

namespace Puente.Cli;

/// <summary><c>puente water riogrande status</c> and <c>puente water colorado allotment</c>.</summary>
public static class WaterCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Build(Option<string?> dataDir, TextWriter stdout, TextWriter stderr)
    {
        var water = new Command("water", "1944 Treaty accounting: Rio Grande cycles and Colorado River allotments.");

        var riogrande = new Command("riogrande", "Rio Grande / Río Bravo deliveries from Mexico (Treaty Article 4).");
        var asOf = new Option<string?>("--as-of") { Description = "Date (YYYY-MM-DD); default today (UTC)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        var status = new Command("status", "The cycle in force on a date: delivered, pro-rated obligation, balance, pace, projection.") { asOf, format };
        status.SetAction((parse, ct) => PuenteCli.WithServicesAsync(parse.GetValue(dataDir), stderr, async (sp, logger) =>
        {
            var date = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            if (parse.GetValue(asOf) is { } text && !IsoDate.TryParse(text, out date))
            {
                await stderr.WriteLineAsync($"--as-of '{text}' is not a date (YYYY-MM-DD, 1900–2200).");
                return PuenteCli.Failed;
            }

            await sp.InitializePuenteAsync(logger, ct);
            await using var scope = sp.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            var history = await scope.ServiceProvider.GetRequiredService<WaterService>().CycleOnAsync(date, ct);
            if (history is null)
            {
                await stderr.WriteLineAsync($"No recorded cycle covers {date:yyyy-MM-dd} (cycles start {WaterData.RioGrande.Min(h => h.Cycle.Start):yyyy-MM-dd}).");
                return PuenteCli.Failed;
            }

            var s = RioGrandeLedger.Status(history.Cycle, history.Deliveries, date);
            if (parse.GetValue(format) == "json")
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    cycle = s.Cycle, cycleStart = s.CycleStart, cycleEnd = s.CycleEnd, asOf = s.AsOf, deliveredAf = s.DeliveredAf,
                    proratedObligationAf = Math.Round(s.ProratedObligationAf, 2), balanceAf = Math.Round(s.BalanceAf, 2),
                    requiredAnnualPaceAf = Math.Round(s.RequiredAnnualPaceAf, 2), projectedEndBalanceAf = Math.Round(s.ProjectedEndBalanceAf, 2),
                    deliveredByCycleYearAf = s.DeliveredByCycleYearAf, carriedDeficitAf = s.CarriedDeficitAf, carriedDeficitRepaidAf = s.CarriedDeficitRepaidAf,
                    projectedEndBalanceAtCyclePaceAf = Math.Round(s.ProjectedEndBalanceAtCyclePaceAf, 2),
                    carriedDeficitKnown = history.CarriedDeficitKnown,
                }, Indented));
                return PuenteCli.Ok;
            }

            string Af(decimal v) => $"{v.ToString("N0", CultureInfo.InvariantCulture)} AF ({WaterUnits.ToMillionCubicMetres(v).ToString("N1", CultureInfo.InvariantCulture)} Mm³)";
            await stdout.WriteLineAsync($"Cycle {s.Cycle}: {s.CycleStart:yyyy-MM-dd} to {s.CycleEnd:yyyy-MM-dd}, as of {s.AsOf:yyyy-MM-dd} (day {s.ElapsedDays} of {s.CycleDays})");
            await stdout.WriteLineAsync($"  delivered (recorded):      {Af(s.DeliveredAf)}");
            await stdout.WriteLineAsync($"  by cycle year:             {string.Join(" | ", s.DeliveredByCycleYearAf.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))}");
            await stdout.WriteLineAsync($"  pro-rated obligation:      {Af(s.ProratedObligationAf)}");
            await stdout.WriteLineAsync($"  balance:                   {Af(s.BalanceAf)}");
            await stdout.WriteLineAsync($"  required annual pace:      {Af(s.RequiredAnnualPaceAf)}");
            await stdout.WriteLineAsync($"  projected end (52 weeks):  {Af(s.ProjectedEndBalanceAf)}");
            if (!history.CarriedDeficitKnown)
            {
                await stdout.WriteLineAsync($"  carried deficit:           not settled in the sources ({history.Cycle.CarriedDeficitBasis})");
            }

            return PuenteCli.Ok;
        }));
        riogrande.Subcommands.Add(status);

        var file = new Argument<string>("FILE") { Description = "CSV with the header date,volume,unit,source[,document] (unit AF, m3 or Mm3)." };
        var validOnly = new Option<bool>("--valid-rows-only") { Description = "Write the valid rows even if other rows have errors (default: write nothing then)." };
        var import = new Command("import", "Import a weekly delivery table; every row is validated and reported.") { file, validOnly };
        import.SetAction((parse, ct) => PuenteCli.WithServicesAsync(parse.GetValue(dataDir), stderr, async (sp, logger) =>
        {
            string csv;
            try
            {
                // The same bound as the API and the page: a table larger than this is refused before it is read.
                if (new FileInfo(parse.GetValue(file)!).Length > DeliveryImport.MaxBytes)
                {
                    await stderr.WriteLineAsync($"{parse.GetValue(file)} is larger than {DeliveryImport.MaxBytes / 1_000_000} MB; split it into smaller files.");
                    return PuenteCli.Failed;
                }

                csv = await File.ReadAllTextAsync(parse.GetValue(file)!, ct);
            }
            catch (IOException ex)
            {
                await stderr.WriteLineAsync($"Cannot read {parse.GetValue(file)}: {ex.Message}");
                return PuenteCli.Failed;
            }

            await sp.InitializePuenteAsync(logger, ct);
            await using var scope = sp.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            ImportResult result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<WaterService>().ImportAsync(csv, parse.GetValue(validOnly), ct);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (UniqueConflict.From(ex) is not null)
            {
                await stderr.WriteLineAsync("Another import recorded some of these weeks meanwhile; nothing was written. Import again to see which rows are already recorded.");
                return PuenteCli.Failed;
            }
            foreach (var e in result.Table.Errors)
            {
                await stdout.WriteLineAsync($"row {e.Row}, {e.Field}: {e.Message}");
            }

            if (result.Table.UnlistedProblems > 0)
            {
                await stdout.WriteLineAsync($"{result.Table.UnlistedProblems} more problem(s) not listed ({result.Table.ProblemCount} in all).");
            }

            await stdout.WriteLineAsync($"{result.Table.Rows} row(s), {result.Table.Valid.Count} valid, {result.Written} written.");
            if (result.WroteNothingBecauseOfErrors)
            {
                await stdout.WriteLineAsync("Nothing was written because of the errors above; fix them or use --valid-rows-only.");
                return PuenteCli.Failed;
            }

            return PuenteCli.Ok;
        }));
        riogrande.Subcommands.Add(import);
        water.Subcommands.Add(riogrande);

        var colorado = new Command("colorado", "Colorado River deliveries to Mexico (Treaty Article 10, Minute 323 and successors).");
        var year = new Option<int>("--year") { Description = "Delivery year.", Required = true };
        var elevation = new Option<decimal>("--elevation") { Description = "Lake Mead elevation (ft) projected for 1 January by the August 24-Month Study.", Required = true };
        var cformat = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        var allotment = new Command("allotment", "Mexico's allotment for a year at a projected elevation.") { year, elevation, cformat };
        allotment.SetAction(async (parse, ct) =>
        {
            var e = parse.GetValue(elevation);
            if (e is < 800 or > 1300)
            {
                await stderr.WriteLineAsync($"--elevation {e} ft is outside Lake Mead's range (800–1,300 ft).");
                return PuenteCli.Failed;
            }

            ColoradoAllotment a;
            try
            {
                a = ColoradoCalculator.Allotment(WaterData.ColoradoRules, parse.GetValue(year), e);
            }
            catch (InvalidOperationException ex)
            {
                await stderr.WriteLineAsync(ex.Message);
                return PuenteCli.Failed;
            }

            if (parse.GetValue(cformat) == "json")
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    year = a.Year, elevationFt = a.ElevationFt, tier = a.Tier, baseAf = a.BaseAf, surplusAf = a.SurplusAf,
                    guidelineReductionAf = a.GuidelineReductionAf, bwscpSavingsAf = a.BwscpSavingsAf, allotmentAf = a.AllotmentAf, minute = a.Minute,
                }, Indented));
                return PuenteCli.Ok;
            }

            var c = CultureInfo.InvariantCulture;
            await stdout.WriteLineAsync($"{a.Year}: Lake Mead {a.ElevationFt.ToString(c)} ft → {a.Tier} (Minute {a.Minute})");
            await stdout.WriteLineAsync($"  base {a.BaseAf.ToString("N0", c)} + surplus {a.SurplusAf.ToString("N0", c)} − reduction {a.GuidelineReductionAf.ToString("N0", c)} − BWSCP savings {a.BwscpSavingsAf.ToString("N0", c)}");
            await stdout.WriteLineAsync($"  allotment {a.AllotmentAf.ToString("N0", c)} AF ({WaterUnits.ToMillionCubicMetres(a.AllotmentAf).ToString("N1", c)} Mm³)");
            return PuenteCli.Ok;
        });
        colorado.Subcommands.Add(allotment);
        water.Subcommands.Add(colorado);
        return water;
    }
}
