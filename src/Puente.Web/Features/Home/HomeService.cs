using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Puente.Core.Catalog;
using Puente.Core.Commitments;
using Puente.Core.Health;
using Puente.Core.Memory;
using Puente.Core.Warning;
using Puente.Core.Water;
using Puente.Data.Access;
using Puente.Data.Water;
using Puente.Web.Features.Commitments;
using Puente.Web.Features.Institutionalization;

namespace Puente.Web.Features.Home;

/// <summary>A count that stops at <see cref="HomeService.CountCap"/>: the page shows "1,000+" rather than counting on.</summary>
public readonly record struct CappedCount(int Value, bool More);

public sealed record HomeAlert(Alert Alert, Indicator Indicator, Playbook? Playbook, Post? PlaybookOwner, Mechanism? PlaybookMechanism);

public sealed record HomeMechanism(Mechanism Mechanism, MechanismStatus Status, DateOnly? LastSession);

public sealed record HomeTrend(Indicator Indicator, IReadOnlyList<IndicatorValue> Values);

public sealed record HomeWater(RioGrandeStatus? RioGrande, ColoradoAllotment? Colorado, int ColoradoYear, ColoradoRules? MinuteInForce);

/// <summary>What the home page shows, all of it read through the reader's access.</summary>
public sealed record HomeView(
    DateOnly Today,
    IReadOnlyList<HomeAlert> Alerts,
    IReadOnlyDictionary<Severity, int> AlertsBySeverity,
    IndexReading? Index,
    IReadOnlyList<IndexReading> IndexTrend,
    IReadOnlyList<HomeMechanism> LateOrDormant,
    IReadOnlyList<Engagement> Upcoming,
    CappedCount UpcomingCount,
    IReadOnlyList<Commitment> Overdue,
    CappedCount OverdueCount,
    IReadOnlyList<Commitment> DueSoon,
    CappedCount DueSoonCount,
    HomeWater Water,
    IReadOnlyList<HomeTrend> Trends);

/// <summary>
/// The home page a principal reads in a minute (issue 13): open alerts by severity with their playbooks, the
/// institutionalization index and its trend, mechanisms late or dormant, engagements in the next 30 days, commitments
/// overdue and due soon, the water status, and the cooperation and press trends. Everything goes through the access
/// filter; lists are short and counts stop at <see cref="CountCap"/>, so the page costs the same at any size of the
/// memory. The index is computed once per access and day and kept for <see cref="IndexMinutes"/> minutes
/// (decision 0048).
/// </summary>
public sealed class HomeService(PuenteDbContext db, WaterService waterService, InstitutionalizationService index, IViewerAccessor viewer, IMemoryCache cache, TimeProvider time)
{
    public const int CountCap = 1000;
    public const int ListSize = 5;
    public const int AlertListSize = 10;
    public const int DaysAhead = 30;
    public const int IndexMinutes = 10;
    public const int TrendQuarters = 12;

    /// <summary>The derived indicators whose trends the page draws (cooperation and the press).</summary>
    public static readonly string[] TrendCodes = ["USA-MEX-GOLDSTEIN", "USA-MEX-CONFLICT", "PRESS-US-PROBLEM", "PRESS-MX-PROBLEM"];

    public const int TrendPoints = 24;

    public async Task<HomeView> ReadAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var (alerts, bySeverity) = await AlertsAsync(ct);
        var (current, trend) = await IndexAsync(today, ct);
        var upcoming = db.Set<Engagement>().AsNoTracking().Where(e => e.StartDate >= today && e.StartDate <= today.AddDays(DaysAhead));
        // Written as the ledger writes it (due date first, "not closed" after): the database reads the due-date index in its
        // order and stops after the rows it needs (decision 0048).
        var overdue = db.Set<Commitment>().AsNoTracking().Where(c => c.Due != null && c.Due < today).Where(CommitmentFilter.NotClosed);
        var dueSoon = db.Set<Commitment>().AsNoTracking().Where(c => c.Due >= today && c.Due <= today.AddDays(DaysAhead)).Where(CommitmentFilter.NotClosed);
        return new HomeView(today, alerts, bySeverity, current, trend,
            await LateOrDormantAsync(today, ct),
            await upcoming.OrderBy(e => e.StartDate).ThenBy(e => e.StartUtc).ThenBy(e => e.Code).Take(ListSize).ToListAsync(ct),
            await CountAsync(upcoming.OrderBy(e => e.StartDate), ct),
            await overdue.OrderByDescending(c => c.Due).ThenByDescending(c => c.Id).Take(ListSize).ToListAsync(ct),
            await CountAsync(overdue.OrderByDescending(c => c.Due), ct),
            await dueSoon.OrderBy(c => c.Due).ThenBy(c => c.Id).Take(ListSize).ToListAsync(ct),
            await CountAsync(dueSoon.OrderBy(c => c.Due), ct),
            await WaterAsync(today, ct),
            await TrendsAsync(ct));
    }

    private static async Task<CappedCount> CountAsync<T>(IQueryable<T> query, CancellationToken ct)
    {
        var n = await query.Take(CountCap + 1).CountAsync(ct);
        return new CappedCount(Math.Min(n, CountCap), n > CountCap);
    }

    /// <summary>Open and acknowledged alerts, the most severe and the newest first, with their indicators and playbooks.</summary>
    private async Task<(IReadOnlyList<HomeAlert>, IReadOnlyDictionary<Severity, int>)> AlertsAsync(CancellationToken ct)
    {
        var live = db.Set<Alert>().AsNoTracking().Where(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Acknowledged);
        var counts = (await live.GroupBy(a => a.Severity).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        var top = new List<Alert>();
        foreach (var severity in new[] { Severity.High, Severity.Medium, Severity.Low })
        {
            if (top.Count < AlertListSize && counts.GetValueOrDefault(severity) > 0)
            {
                top.AddRange(await live.Where(a => a.Severity == severity).Include(a => a.Indicator)
                    .OrderByDescending(a => a.LastPeriod).ThenBy(a => a.Code).Take(AlertListSize - top.Count).ToListAsync(ct));
            }
        }

        var playbookIds = top.Where(a => a.PlaybookId.HasValue).Select(a => a.PlaybookId!.Value).Distinct().ToList();
        var playbooks = await db.Set<Playbook>().AsNoTracking().Where(p => playbookIds.Contains(p.Id)).Include(p => p.OwnerPost).Include(p => p.Mechanism)
            .ToDictionaryAsync(p => p.Id, ct);
        return ([.. top.Where(a => a.Indicator is not null).Select(a =>
        {
            var playbook = a.PlaybookId is { } id ? playbooks.GetValueOrDefault(id) : null;
            return new HomeAlert(a, a.Indicator!, playbook, playbook?.OwnerPost, playbook?.Mechanism);
        })], counts);
    }

    /// <summary>Today's index and its quarterly trend, computed once per access and day (decision 0048).</summary>
    private async Task<(IndexReading?, IReadOnlyList<IndexReading>)> IndexAsync(DateOnly today, CancellationToken ct)
    {
        var v = viewer.Viewer;
        var key = $"home-index|{today:yyyy-MM-dd}|{v.IsSystem}|{v.Side}|{string.Join(',', v.Principals.Order(StringComparer.Ordinal))}";
        if (cache.TryGetValue(key, out (IndexReading?, IReadOnlyList<IndexReading>) kept))
        {
            return kept;
        }

        // One computation at a time: readers arriving while it runs wait for it and take its result, rather than each
        // computing the same index (a burst after a restart or at midnight).
        await IndexGate.WaitAsync(ct);
        try
        {
            return cache.TryGetValue(key, out kept) ? kept : await ComputeIndexAsync(key, today, ct);
        }
        finally
        {
            IndexGate.Release();
        }
    }

    private static readonly SemaphoreSlim IndexGate = new(1, 1);

    private async Task<(IndexReading?, IReadOnlyList<IndexReading>)> ComputeIndexAsync(string key, DateOnly today, CancellationToken ct)
    {
        var days = new List<DateOnly>();
        var quarterEnd = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1).AddDays(-1);
        for (var i = TrendQuarters - 1; i >= 0; i--)
        {
            var start = quarterEnd.AddDays(1).AddMonths(-3 * i);
            days.Add(start.AddDays(-1));
        }

        days.Add(today);
        var readings = await index.ReadAsync(days, null, ct);
        var result = (readings[^1], (IReadOnlyList<IndexReading>)readings);
        cache.Set(key, result, TimeSpan.FromMinutes(IndexMinutes));
        return result;
    }

    /// <summary>Mechanisms with a cadence that are late or dormant today, from their last readable session (one query).</summary>
    private async Task<IReadOnlyList<HomeMechanism>> LateOrDormantAsync(DateOnly today, CancellationToken ct)
    {
        var mechanisms = await db.Mechanisms.AsNoTracking().Where(m => m.Cadence != Cadence.AdHoc).ToListAsync(ct);
        var last = await db.Set<Engagement>().AsNoTracking().Where(e => e.MechanismId != null && e.StartDate <= today)
            .GroupBy(e => e.MechanismId).Select(g => new { Id = g.Key!.Value, Last = g.Max(e => e.StartDate) }).ToDictionaryAsync(x => x.Id, x => x.Last, ct);
        return [.. mechanisms
            .Select(m => (m, last: last.TryGetValue(m.Id, out var d) ? d : (DateOnly?)null))
            .Select(x => new HomeMechanism(x.m, MechanismHealth.StatusOn(x.m.Cadence, x.last, today), x.last))
            .Where(h => h.Status is MechanismStatus.Late or MechanismStatus.Dormant)
            .OrderByDescending(h => h.Status).ThenBy(h => h.LastSession).ThenBy(h => h.Mechanism.Code)];
    }

    /// <summary>The water status on a day (the home page and the briefings).</summary>
    public async Task<HomeWater> WaterAsync(DateOnly today, CancellationToken ct)
    {
        var cycle = await waterService.CycleOnAsync(today, ct);
        var rio = cycle is null ? null : RioGrandeLedger.Status(cycle.Cycle, cycle.Deliveries, today);
        var year = WaterData.ColoradoYears.Where(y => y.Year <= today.Year).OrderByDescending(y => y.Year).FirstOrDefault();
        var colorado = year is null ? null : ColoradoCalculator.Allotment(WaterData.ColoradoRules, year.Year, year.ElevationFt);
        var minute = WaterData.ColoradoRules.FirstOrDefault(r => r.ValidFrom <= today && r.ValidTo >= today);
        return new HomeWater(rio, colorado, year?.Year ?? today.Year, minute);
    }

    private async Task<IReadOnlyList<HomeTrend>> TrendsAsync(CancellationToken ct)
    {
        var indicators = await db.Set<Indicator>().AsNoTracking().Where(i => TrendCodes.Contains(i.Code)).ToListAsync(ct);
        var trends = new List<HomeTrend>();
        foreach (var indicator in indicators.OrderBy(i => Array.IndexOf(TrendCodes, i.Code)))
        {
            var values = await db.Set<IndicatorValue>().AsNoTracking().Where(v => v.ParentId == indicator.Id)
                .OrderByDescending(v => v.Period).Take(TrendPoints).ToListAsync(ct);
            values.Reverse();
            trends.Add(new HomeTrend(indicator, values));
        }

        return trends;
    }
}
