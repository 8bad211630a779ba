using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Core.Commitments;
using Puente.Core.Series;
using Puente.Core.Warning;
using Puente.Data.Access;
using Puente.Data.Configuration;
using Puente.Data.Health;
using Puente.Data.Water;
using Puente.Data.Warning;
using Puente.Events;
using Puente.Events.Measures;
using Puente.Events.Narrative;
using Puente.Events.Store;

namespace Puente.Web.Features.Derived;

/// <summary>What one derivation did: its indicator's code and the intake's counts, or why it was skipped.</summary>
public sealed record DerivationReport(string Key, string Code, int Added, int Revised, int Unchanged, string? Skipped = null);

/// <summary>
/// Computes the indicators Puente derives from its own modules (<see cref="Derivations.All"/>) and records their values
/// through <see cref="IndicatorIntake"/>, which runs the detectors on what changed (decision 0044). Figures are read as
/// <see cref="Viewer.SharedReader"/>, so no value carries Internal material; the indicators are Shared and created as the
/// system on first run (afterwards people may rename them, give them an owner post or change their detectors). A run
/// recomputes every period, so an interrupted run reruns to the same values; month-end counts over the ledgers read the
/// last <see cref="RecentMonths"/> months once an indicator has its history.
/// </summary>
public sealed class DerivedIndicators(IServiceScopeFactory scopes, EventQueries events, PuenteSettings settings, TimeProvider time,
    ILogger<DerivedIndicators> logger)
{
    /// <summary>The months a month-end count over the ledgers recomputes once its history is recorded (a back-dated
    /// change further back needs <c>full</c>).</summary>
    public const int RecentMonths = 3;

    private static readonly Dyad UsMexico = new("USA", "MEX", false);

    public async Task<IReadOnlyList<DerivationReport>> RefreshAsync(bool full, CancellationToken cancellationToken)
    {
        var reports = new List<DerivationReport>();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var derivation in Derivations.All)
        {
            try
            {
                reports.Add(await RefreshAsync(derivation, full, today, cancellationToken));
            }
            catch (Exception ex) when (ex is EventStoreBusyException or EventStoreFormatException or InvalidDataException)
            {
                // The event store is being written or is from an earlier version, or the frame map is broken: the next run retries.
                logger.LogWarning("Derived indicator {Key} skipped: {Reason}", derivation.Key, ex.Message);
                reports.Add(new DerivationReport(derivation.Key, derivation.Code, 0, 0, 0, ex.Message));
            }
        }

        return reports;
    }

    private async Task<DerivationReport> RefreshAsync(Derivation derivation, bool full, DateOnly today, CancellationToken cancellationToken)
    {
        await using var write = scopes.CreateAsyncScope();
        write.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
        var db = write.ServiceProvider.GetRequiredService<PuenteDbContext>();
        var indicator = await db.Set<Indicator>().FirstOrDefaultAsync(i => i.Derivation == derivation.Key, cancellationToken);
        if (indicator is null)
        {
            if (await db.Set<Indicator>().AnyAsync(i => i.Code == derivation.Code, cancellationToken))
            {
                logger.LogWarning("Derived indicator {Key} not created: the code {Code} is taken by an indicator people created.", derivation.Key, derivation.Code);
                return new DerivationReport(derivation.Key, derivation.Code, 0, 0, 0, "code taken");
            }

            indicator = Create(derivation);
            db.Add(indicator);
            full = true;
        }
        else if (indicator.LatestPeriod is null)
        {
            full = true;
        }

        var points = await ComputeAsync(derivation, full, today, cancellationToken);
        var values = points.Where(p => IndicatorPeriods.IsRecordable(p.Value))
            .Select(p => (IndicatorPeriods.StartOf(indicator.Frequency, p.Date), p.Value))
            .DistinctBy(p => p.Item1).ToList();
        var result = await write.ServiceProvider.GetRequiredService<IndicatorIntake>().RecordAsync(indicator, values, cancellationToken);
        return new DerivationReport(derivation.Key, indicator.Code, result.Added, result.Revised, result.Unchanged);
    }

    private static Indicator Create(Derivation d) => new()
    {
        Id = Guid.CreateVersion7(),
        Code = d.Code,
        NameEn = d.NameEn,
        NameEs = d.NameEs,
        DescriptionEn = d.DescriptionEn,
        DescriptionEs = d.DescriptionEs,
        SourceEn = d.SourceEn,
        SourceEs = d.SourceEs,
        Unit = d.Unit,
        Frequency = d.Frequency,
        Concern = d.Concern,
        IssueCode = d.IssueCode,
        Detectors = d.Detectors,
        Derivation = d.Key,
        Confidentiality = Confidentiality.Shared,
        OwnerSide = Side.Joint,
    };

    /// <summary>The derivation's values, read as <see cref="Viewer.SharedReader"/>.</summary>
    private async Task<IReadOnlyList<SeriesPoint>> ComputeAsync(Derivation derivation, bool full, DateOnly today, CancellationToken cancellationToken)
    {
        switch (derivation.Key)
        {
            case Derivations.EventsCount or Derivations.EventsGoldstein or Derivations.EventsConflict:
            {
                if (!events.StoreExists || await events.DataAsOfAsync(cancellationToken) is not { } asOf)
                {
                    return [];
                }

                var rows = await events.SummaryAsync(UsMexico, Period.Month, null, null, cancellationToken);
                return Derivations.CompleteMonths(rows.Where(r => r.Events > 0).Select(r => (r.Period, derivation.Key switch
                {
                    Derivations.EventsCount => (double)r.Events,
                    Derivations.EventsGoldstein => r.GoldsteinMean,
                    _ => r.MaterialConflict / (double)r.Events,
                })), asOf);
            }

            case Derivations.PressUs or Derivations.PressMx:
            {
                if (!events.StoreExists || await events.DataAsOfAsync(cancellationToken) is not { } asOf)
                {
                    return [];
                }

                var group = derivation.Key == Derivations.PressUs ? NarrativeGroup.UsOnMexico : NarrativeGroup.MexicoOnUs;
                var rows = await events.NarrativeAsync(FrameMap.Load(settings.DataDirectory), cancellationToken);
                return Derivations.CompleteMonths(rows.Where(r => r.Group == group && r.Articles > 0).Select(r => (r.Month, r.ProblemShare)), asOf);
            }
        }

        await using var read = scopes.CreateAsyncScope();
        read.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.SharedReader;
        var db = read.ServiceProvider.GetRequiredService<PuenteDbContext>();
        var from = full ? Derivations.HistoryStart : new DateOnly(today.Year, today.Month, 1).AddMonths(-(RecentMonths - 1));
        switch (derivation.Key)
        {
            case Derivations.RioGrande:
            {
                var start = IndicatorPeriods.StartOf(IndicatorFrequency.Week, WaterService.SeriesStart);
                start = start < WaterService.SeriesStart ? start.AddDays(7) : start;
                var weekly = await read.ServiceProvider.GetRequiredService<WaterService>().WeeklyStatusAsync(start, today, cancellationToken);
                return [.. weekly.Select(s => new SeriesPoint(s.AsOf, (double)s.BalanceAf))];
            }

            case Derivations.ColoradoTier:
                return [.. WaterData.ColoradoYears.Where(y => y.Year <= today.Year)
                    .Select(y => (y.Year, Level: Derivations.TierLevel(Core.Water.ColoradoCalculator.Allotment(WaterData.ColoradoRules, y.Year, y.ElevationFt).Tier)))
                    .Where(y => y.Level.HasValue)
                    .Select(y => new SeriesPoint(new DateOnly(y.Year, 1, 1), y.Level!.Value))];

            case Derivations.MechanismsLate:
            {
                var mechanisms = new List<(Cadence, IReadOnlyList<DateOnly>)>();
                foreach (var m in await db.Mechanisms.AsNoTracking().Select(m => new { m.Id, m.Cadence }).ToListAsync(cancellationToken))
                {
                    mechanisms.Add((m.Cadence, await db.SessionDaysAsync(m.Id, cancellationToken)));
                }

                return [.. Derivations.MonthEnds(from, today).Select(p => new SeriesPoint(p.Period, Derivations.LateOrDormant(mechanisms, p.Day)))];
            }

            case Derivations.CommitmentsOverdue:
            {
                var points = new List<SeriesPoint>();
                foreach (var (period, day) in Derivations.MonthEnds(from, today))
                {
                    var outcomes = await HealthQueries.OutcomesOnAsync(db.Set<Commitment>().AsNoTracking().Where(c => c.Due != null && c.Due < day), day, cancellationToken);
                    points.Add(new SeriesPoint(period, outcomes.Open));
                }

                return points;
            }

            default:
                throw new InvalidOperationException($"No computation for the derivation {derivation.Key}.");
        }
    }
}
