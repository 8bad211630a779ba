using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Puente.Core.Access;
using Puente.Core.Series;
using Puente.Core.Warning;
using Puente.Data.Access;

namespace Puente.Data.Warning;

/// <summary>What one evaluation did: indicators evaluated, alerts opened, alerts changed (updated, or no longer active).</summary>
public sealed record AlertEvaluation(int Indicators, int Opened, int Changed)
{
    public static AlertEvaluation None { get; } = new(0, 0, 0);

    public AlertEvaluation Add(AlertEvaluation other) =>
        new(Indicators + (other?.Indicators ?? 0), Opened + (other?.Opened ?? 0), Changed + (other?.Changed ?? 0));
}

/// <summary>
/// Runs an indicator's detectors over its values and keeps its alerts (docs/decisions/0037-alerts.md): one alert per
/// episode (a maximal run of signals on consecutive points), one open alert per indicator and detector, updated while
/// the signal persists. Told after new values are saved (<see cref="IIndicatorObserver"/>: the imports, the values API
/// and the derivations all go through <see cref="IndicatorIntake"/>) and run over every indicator by the scheduled job.
/// Each indicator is evaluated in a scope of its own that reads and writes as the system, in one save with its
/// announcements (<see cref="AlertAnnouncer"/>). Deterministic and idempotent: the same values give the same alerts,
/// and evaluating again changes nothing. A write that loses a race with another node (a unique key, a version) is read
/// again and evaluated again.
/// </summary>
public sealed class AlertEvaluator(IServiceScopeFactory scopes, ILogger<AlertEvaluator> log) : IIndicatorObserver
{
    /// <summary>How many times an evaluation that lost a race is tried again.</summary>
    private const int Attempts = 3;

    public async Task ValuesChangedAsync(Guid indicatorId, CancellationToken cancellationToken) =>
        await EvaluateAsync(indicatorId, cancellationToken);

    /// <summary>Evaluates one indicator (nothing when it does not exist).</summary>
    public async Task<AlertEvaluation> EvaluateAsync(Guid indicatorId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            var db = scope.ServiceProvider.GetRequiredService<PuenteDbContext>();
            try
            {
                var result = await EvaluateInAsync(db, scope.ServiceProvider.GetRequiredService<AlertAnnouncer>(),
                    scope.ServiceProvider.GetRequiredService<TimeProvider>(), indicatorId, ct);
                if (result.Opened + result.Changed > 0)
                {
                    log.LogInformation("Alerts of indicator {IndicatorId}: {Opened} opened, {Changed} changed", indicatorId, result.Opened, result.Changed);
                }

                return result;
            }
            catch (DbUpdateException e) when (attempt < Attempts && (e is DbUpdateConcurrencyException || UniqueConflict.From(e) is not null))
            {
                // Another node (or the scheduled run beside an import) wrote the same alert first: read what it wrote.
                log.LogInformation("Alerts of indicator {IndicatorId} were written concurrently ({Conflict}); evaluating again", indicatorId, e.GetType().Name);
            }
        }
    }

    /// <summary>Evaluates every indicator, each in its own scope and save; returns the totals.</summary>
    public async Task<AlertEvaluation> EvaluateAllAsync(CancellationToken ct)
    {
        List<Guid> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            ids = await scope.ServiceProvider.GetRequiredService<PuenteDbContext>().Set<Indicator>()
                .Where(i => i.LatestPeriod != null).OrderBy(i => i.Code).Select(i => i.Id).ToListAsync(ct);
        }

        var total = AlertEvaluation.None;
        foreach (var id in ids)
        {
            total = total.Add(await EvaluateAsync(id, ct));
        }

        return total;
    }

    private static async Task<AlertEvaluation> EvaluateInAsync(PuenteDbContext db, AlertAnnouncer announcer, TimeProvider time, Guid indicatorId, CancellationToken ct)
    {
        if (await db.Set<Indicator>().FirstOrDefaultAsync(i => i.Id == indicatorId, ct) is not { } indicator)
        {
            return AlertEvaluation.None;
        }

        var series = (await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.ParentId == indicatorId).OrderBy(v => v.Period)
            .Select(v => new { v.Period, v.Value }).ToListAsync(ct)).Select(v => new SeriesPoint(v.Period, v.Value)).ToList();
        var alerts = await db.Set<Alert>().Where(a => a.ParentId == indicatorId).ToListAsync(ct);
        var now = time.GetUtcNow();
        var announcements = new List<(Alert Alert, string Occasion)>();
        var (opened, changed) = (0, 0);
        var detectors = AlertDetectors.For(indicator);
        foreach (var detector in detectors)
        {
            var episode = series.Count == 0 ? null : AlertEpisodes.Current(detector.Run(series, indicator.Concern), series.Count - 1);
            var open = alerts.SingleOrDefault(a => a.Detector == detector.Name && IsOpen(a.Status));
            if (episode is null)
            {
                // People close alerts, not the detector: the alert stays open, no longer active.
                if (open is { Active: true })
                {
                    open.Active = false;
                    changed++;
                }

                continue;
            }

            var settings = AlertDetectors.SettingsOf(detector);
            if (open is not null)
            {
                var before = open.Severity;
                if (Update(open, episode, settings))
                {
                    changed++;
                    announcements.Add((open, open.Severity > before ? AlertOccasions.Escalated(open.Severity) : AlertOccasions.Updated(open.LastPeriod)));
                }

                continue;
            }

            // An episode already alerted (resolved or dismissed, or an overlapping earlier one) is not alerted again.
            var (first, last) = (episode[0].Period, episode[^1].Period);
            if (alerts.Any(a => a.Detector == detector.Name && a.FirstPeriod <= last && a.LastPeriod >= first))
            {
                continue;
            }

            var alert = new Alert
            {
                Id = Guid.CreateVersion7(now),
                Code = AlertCode.Of(indicator.Code, detector.Name, first),
                Detector = detector.Name,
                FirstPeriod = first,
                Status = AlertStatus.Open,
                OpenedAt = now,
                OpenKey = Alert.OpenKeyOf(indicator.Id, detector.Name),
            };
            alert.FollowAccessOf(indicator);
            Update(alert, episode, settings);
            db.Add(alert);
            alerts.Add(alert);
            opened++;
            announcements.Add((alert, AlertOccasions.Opened));
        }

        // A detector the indicator no longer runs does not signal now.
        foreach (var stale in alerts.Where(a => IsOpen(a.Status) && a.Active && detectors.All(d => d.Name != a.Detector)))
        {
            stale.Active = false;
            changed++;
        }

        await FollowIndicatorAsync(db, indicator, alerts, ct);
        if (!db.ChangeTracker.HasChanges())
        {
            return new AlertEvaluation(1, 0, 0);
        }

        foreach (var (alert, occasion) in announcements)
        {
            await announcer.AnnounceAsync(db, alert, occasion, ct);
        }

        await db.SaveChangesAsync(ct);
        return new AlertEvaluation(1, opened, changed);
    }

    private static bool IsOpen(AlertStatus status) => status is AlertStatus.Open or AlertStatus.Acknowledged;

    /// <summary>Brings an alert up to its current episode: the latest period and numbers, the highest severity, the
    /// points (those kept, with the episode's replacing any of the same period). True when anything changed.</summary>
    private static bool Update(Alert alert, IReadOnlyList<Signal> episode, string settings)
    {
        var latest = episode[^1];
        var points = AlertPoint.Read(alert.Points).Where(p => episode.All(s => s.Period != p.Period)).Concat(episode.Select(AlertPoint.From));
        var severity = episode.Max(s => s.Severity);
        var before = (alert.LastPeriod, alert.Value, alert.Baseline, alert.Statistic, alert.Threshold, alert.Severity, alert.Points, alert.Active, alert.Settings);
        alert.LastPeriod = latest.Period > alert.LastPeriod ? latest.Period : alert.LastPeriod;
        alert.Value = latest.Value;
        alert.Baseline = latest.Baseline;
        alert.Statistic = latest.Statistic;
        alert.Threshold = latest.Threshold;
        alert.Severity = severity > alert.Severity ? severity : alert.Severity;
        alert.Points = AlertPoint.Write(points);
        alert.Active = true;
        alert.Settings = settings;
        return before != (alert.LastPeriod, alert.Value, alert.Baseline, alert.Statistic, alert.Threshold, alert.Severity, alert.Points, alert.Active, alert.Settings);
    }

    /// <summary>
    /// Every alert of the indicator takes its access (an alert from an Internal indicator is Internal); the open ones take
    /// its agenda issue, and a playbook when they have none: the indicator's first, else the issue's, preferring one at
    /// least as open as the alert (its readers can all read it), in code order.
    /// </summary>
    private static async Task FollowIndicatorAsync(PuenteDbContext db, Indicator indicator, List<Alert> alerts, CancellationToken ct)
    {
        foreach (var alert in alerts)
        {
            alert.FollowAccessOf(indicator);
        }

        var open = alerts.Where(a => IsOpen(a.Status)).ToList();
        foreach (var alert in open)
        {
            alert.IssueCode = indicator.IssueCode;
        }

        if (!open.Any(a => a.PlaybookId is null))
        {
            return;
        }

        var issue = indicator.IssueCode;
        // A derived indicator names the one of its issue's playbooks that answers it (the Rio Grande's pace, not the Colorado's tier).
        var preferred = Derivations.Find(indicator.Derivation)?.PlaybookCode;
        var candidates = (await db.Set<Playbook>().AsNoTracking()
                .Where(p => p.IndicatorId == indicator.Id || (issue != null && p.IssueCode == issue))
                .Select(p => new { p.Id, p.Code, p.IndicatorId, p.Confidentiality, p.OwnerSide }).ToListAsync(ct))
            .OrderBy(p => p.IndicatorId == indicator.Id ? 0 : p.Code == preferred ? 1 : 2).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        foreach (var alert in open.Where(a => a.PlaybookId is null))
        {
            alert.PlaybookId = (candidates.FirstOrDefault(p => AtLeastAsOpen(p.Confidentiality, p.OwnerSide, alert)) ?? candidates.FirstOrDefault())?.Id;
        }
    }

    private static bool AtLeastAsOpen(Confidentiality confidentiality, Side side, Alert alert) => confidentiality switch
    {
        Confidentiality.Shared => true,
        Confidentiality.Internal => alert.Confidentiality == Confidentiality.Internal && alert.OwnerSide == side,
        _ => false,
    };
}
