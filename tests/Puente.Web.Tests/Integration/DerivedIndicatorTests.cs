using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Core.Access;
using Puente.Core.Commitments;
using Puente.Core.Memory;
using Puente.Core.Warning;
using Puente.Events.Store;
using Puente.Web.Features.Derived;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// The indicators Puente derives from its own modules, as an analyst meets them: created on the first run with their
/// history, recomputed to the same values on a rerun, counting only what everyone may read, and following the ledgers
/// when they change.
/// </summary>
public abstract class DerivedIndicatorTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    private static readonly SemaphoreSlim Once = new(1, 1);

    private async Task<IReadOnlyList<DerivationReport>> RefreshAsync(bool full = false) =>
        await app.Factory.Services.GetRequiredService<DerivedIndicators>().RefreshAsync(full, TestContext.Current.CancellationToken);

    private async Task<Dictionary<DateOnly, double>> ValuesAsync(string code)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            var indicator = await db.Set<Indicator>().SingleAsync(i => i.Code == code, TestContext.Current.CancellationToken);
            return await db.Set<IndicatorValue>().Where(v => v.ParentId == indicator.Id).ToDictionaryAsync(v => v.Period, v => v.Value, TestContext.Current.CancellationToken);
        }
    }

    private async Task EnsureFirstRunAsync()
    {
        await Once.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            await RefreshAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    [Fact]
    public async Task The_first_run_creates_the_ledger_indicators_with_their_history_and_a_rerun_changes_nothing()
    {
        app.SkipIfUnavailable();
        await EnsureFirstRunAsync();
        var again = await RefreshAsync();
        foreach (var code in new[] { "RIO-GRANDE-PACE", "COLORADO-TIER", "MECHANISMS-LATE", "COMMITMENTS-OVERDUE" })
        {
            var report = again.Single(r => r.Code == code);
            Assert.Null(report.Skipped);
            Assert.Equal(0, report.Added + report.Revised);
        }

        var (scope, db) = app.Database();
        await using (scope)
        {
            var derived = await db.Set<Indicator>().Where(i => i.Derivation != null).ToListAsync(TestContext.Current.CancellationToken);
            Assert.All(derived, i => Assert.Equal(Confidentiality.Shared, i.Confidentiality));
            Assert.Equal(IndicatorFrequency.Week, derived.Single(i => i.Code == "RIO-GRANDE-PACE").Frequency);
        }

        // Weeks are Mondays, and the history reaches back to the first seeded cycle.
        var pace = await ValuesAsync("RIO-GRANDE-PACE");
        Assert.True(pace.Count > 500, $"{pace.Count} weeks");
        Assert.All(pace.Keys, d => Assert.Equal(DayOfWeek.Monday, d.DayOfWeek));

        // The Colorado tier is a level per year: 2022's Tier 1 shortage (Lake Mead at 1,066 ft, 24-month study of August 2021) is level 2.
        var tier = await ValuesAsync("COLORADO-TIER");
        Assert.Equal(2, tier[new DateOnly(2022, 1, 1)]);

        // Mechanisms late or dormant: one value per month since January 2006; the seeded HLED was dormant through 2019–2020.
        var late = await ValuesAsync("MECHANISMS-LATE");
        Assert.Contains(new DateOnly(2006, 1, 1), late.Keys);
        Assert.True(late[new DateOnly(2020, 6, 1)] >= 1);
    }

    [Fact]
    public async Task Overdue_commitments_count_only_shared_ones_and_the_current_month_follows_the_ledger()
    {
        app.SkipIfUnavailable();
        await EnsureFirstRunAsync();
        var month = await CurrentMonthAsync();
        var before = (await ValuesAsync("COMMITMENTS-OVERDUE")).GetValueOrDefault(month);

        var (scope, db) = app.Database();
        await using (scope)
        {
            var mx = await db.Set<Post>().FirstAsync(p => p.Country == "MX", TestContext.Current.CancellationToken);
            var us = await db.Set<Post>().FirstAsync(p => p.Country == "US", TestContext.Current.CancellationToken);
            Commitment Overdue(string code, Confidentiality confidentiality) => new()
            {
                Id = Guid.CreateVersion7(), Code = code, NameEn = "Deliver the joint report", NameEs = "Entregar el informe conjunto", Origin = CommitmentOrigin.Mechanism,
                MadeOn = month.AddYears(-1), Due = month.AddMonths(-2), OwnerMxPostId = mx.Id, OwnerUsPostId = us.Id,
                Status = CommitmentStatus.InProgress, StatusDate = month.AddYears(-1), Confidentiality = confidentiality, OwnerSide = Side.MX,
            };
            db.AddRange(Overdue("DERIVED-OVERDUE-MX", Confidentiality.Internal), Overdue("DERIVED-OVERDUE-SHARED", Confidentiality.Shared));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var report = (await RefreshAsync()).Single(r => r.Code == "COMMITMENTS-OVERDUE");
        Assert.True(report.Revised + report.Added >= 1);
        var after = await ValuesAsync("COMMITMENTS-OVERDUE");
        // The MX-Internal one is not counted: a figure everyone reads carries nothing Internal.
        Assert.Equal(before + 1, after[month]);
    }

    private async Task<DateOnly> CurrentMonthAsync()
    {
        var today = DateOnly.FromDateTime(app.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await Task.CompletedTask;
        return new DateOnly(today.Year, today.Month, 1);
    }

    [Fact]
    public async Task Event_indicators_follow_the_store_and_keep_only_months_the_data_covers()
    {
        app.SkipIfUnavailable();
        var path = Path.Combine(app.DataDirectory, EventStore.FileName);
        await Once.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!File.Exists(path))
            {
                using var store = EventStore.Open(path);
                await store.IngestAsync(Directory.GetFiles(Path.Combine(Repo.Shared, "data", "gdelt"), "*.export.CSV"), IngestOptions.Default);
            }
        }
        finally
        {
            Once.Release();
        }

        var reports = await RefreshAsync();
        Assert.Null(reports.Single(r => r.Code == "USA-MEX-EVENTS").Skipped);
        var counts = await ValuesAsync("USA-MEX-EVENTS");
        var share = await ValuesAsync("USA-MEX-CONFLICT");
        Assert.NotEmpty(counts);
        Assert.All(counts.Values, v => Assert.True(v >= 1));
        Assert.All(share.Values, v => Assert.InRange(v, 0, 1));
        // The store's last day is in February 2025: that month is not complete, so it has no value yet.
        Assert.DoesNotContain(new DateOnly(2025, 2, 1), counts.Keys);
        Assert.Contains(new DateOnly(2025, 1, 1), counts.Keys);
    }
}
