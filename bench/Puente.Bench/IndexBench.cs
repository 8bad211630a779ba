using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Puente.Core.Access;
using Puente.Core.Commitments;
using Puente.Core.Health;
using Puente.Data;
using Puente.Data.Access;
using Puente.Data.Health;

/// <summary>
/// The institutionalization index and mechanism health at the scale of issue 12's target (docs/benchmarks.md): on a
/// copy of the memory benchmark's data directory (100,000 engagements), adds 300,000 commitments with about 1,000,000
/// dated status changes (fixed seed; written straight into SQLite, without audit entries: only their reading is timed),
/// then times, as an MX Viewer through the access filter, the index for one date (relationship and one track) and a
/// mechanism's health facts, in CPU time of this process (SQLite runs in it) and wall time; median of 7 after 2 warm-ups.
/// </summary>
internal static class IndexBench
{
    public const int Commitments = 300_000;
    private static readonly string[] Outcomes = ["Kept", "Kept", "Kept", "PartlyKept", "Broken", "Superseded", "Withdrawn"];

    public static async Task<int> RunAsync(string dataDirectory)
    {
        using var host = BenchHost.Build(dataDirectory);
        await host.Services.InitializePuenteAsync(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("index-bench"));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            var db = scope.ServiceProvider.GetRequiredService<PuenteDbContext>();
            var existing = await db.Set<Commitment>().CountAsync();
            if (existing < Commitments)
            {
                var sw = Stopwatch.StartNew();
                var (commitments, changes) = await GenerateAsync(db);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {commitments:N0} commitments and {changes:N0} status changes in {sw.Elapsed.TotalSeconds:F0} s"));
            }

            var engagements = await db.Set<Puente.Core.Memory.Engagement>().CountAsync();
            var commitmentCount = await db.Set<Commitment>().CountAsync();
            var changeCount = await db.Set<CommitmentStatusChange>().CountAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"data: {engagements:N0} engagements, {commitmentCount:N0} commitments, {changeCount:N0} status changes"));
        }

        var viewer = Viewer.ForUser("bench-index", "bench-index", Side.MX, [], isAdministrator: false);
        var asOf = new DateOnly(2024, 6, 30);
        Guid hled;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            hled = await scope.ServiceProvider.GetRequiredService<PuenteDbContext>().Mechanisms.Where(m => m.Code == "HLED").Select(m => m.Id).SingleAsync();
        }

        Console.WriteLine("| measure | CPU ms (median of 7) | wall ms (median of 7) | result |");
        Console.WriteLine("|---|---|---|---|");
        await TimeAsync(host.Services, viewer, "index, one date, whole relationship", async db =>
        {
            var facts = await db.IndexFactsAsync([asOf], null, CancellationToken.None);
            var r = InstitutionalizationIndex.Compute(facts, asOf);
            return string.Create(CultureInfo.InvariantCulture, $"{r.Value:F1} ({r.Parts.BelowHeadOfState.Engagements:N0} engagements, {r.Parts.CommitmentsKept.Due:N0} commitments due)");
        });
        await TimeAsync(host.Services, viewer, "index, one date, one track (ADMINISTRATIVE)", async db =>
        {
            var r = InstitutionalizationIndex.Compute(await db.IndexFactsAsync([asOf], "ADMINISTRATIVE", CancellationToken.None), asOf);
            return string.Create(CultureInfo.InvariantCulture, $"{r.Value:F1} ({r.Parts.BelowHeadOfState.Engagements:N0} engagements, {r.Parts.CommitmentsKept.Due:N0} due)");
        });
        await TimeAsync(host.Services, viewer, "mechanism health facts (HLED: sessions, terms, commitments by status)", async db =>
        {
            var sessions = await db.SessionDaysAsync(hled, CancellationToken.None);
            var terms = await db.AdministrationTermsAsync(CancellationToken.None);
            var commitments = await db.MechanismCommitmentsAsync(hled, asOf, CancellationToken.None);
            var h = MechanismHealth.Assess(Puente.Core.Catalog.Cadence.Annual, sessions, terms, [], commitments, asOf);
            return string.Create(CultureInfo.InvariantCulture, $"{h.Status}, {sessions.Count:N0} sessions, {commitments.Open:N0} open, kept share {h.KeptShare:F3}");
        });
        await TimeAsync(host.Services, viewer, "index series by quarter, 2006 to 2026 (82 dates)", async db =>
        {
            var days = Quarters.Ends(new DateOnly(2006, 1, 1), new DateOnly(2026, 6, 30));
            var facts = await db.IndexFactsAsync(days, null, CancellationToken.None);
            return string.Create(CultureInfo.InvariantCulture, $"{days.Count} values, last {InstitutionalizationIndex.Compute(facts, days[^1]).Value:F1}");
        }, runs: 3);
        return 0;
    }

    private static async Task TimeAsync(IServiceProvider services, Viewer viewer, string name, Func<PuenteDbContext, Task<string>> work, int runs = 7)
    {
        var cpu = new List<double>();
        var wall = new List<double>();
        var result = "";
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs + 2; i++)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = viewer;
            var db = scope.ServiceProvider.GetRequiredService<PuenteDbContext>();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            result = await work(db);
            sw.Stop();
            process.Refresh();
            if (i >= 2)
            {
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                wall.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(cpu):F0} | {Median(wall):F0} | {result} |"));
    }

    /// <summary>300,000 commitments made 2006–2026 (half under a mechanism that has sessions), each with 0 to 7 dated
    /// changes ending open or judged; 10 % Internal MX, 10 % Internal US, the rest Shared.</summary>
    private static async Task<(int Commitments, int Changes)> GenerateAsync(PuenteDbContext db)
    {
        var random = new Random(20261201);
        var mechanisms = await db.Set<Puente.Core.Memory.Engagement>().Where(e => e.MechanismId != null).Select(e => e.MechanismId!.Value).Distinct().ToListAsync();
        var mxPosts = await db.Set<Puente.Core.Memory.Post>().Where(p => p.Country == "MX").Select(p => p.Id).ToListAsync();
        var usPosts = await db.Set<Puente.Core.Memory.Post>().Where(p => p.Country == "US").Select(p => p.Id).ToListAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var stamp = await new SqliteCommand("SELECT CreatedAt FROM Engagements LIMIT 1", connection).ExecuteScalarAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var insertCommitment = new SqliteCommand("""
            INSERT INTO Commitments (Id, Origin, MadeOn, Due, OwnerMxPostId, OwnerUsPostId, MechanismId, IssueCodes, RecommendationCodes, Status, StatusDate,
              Confidentiality, OwnerSide, Code, Section, CreatedAt, UpdatedAt, CreatedBy, UpdatedBy, Version, NameEn, NameEs, DescriptionEn, DescriptionEs)
            VALUES ($id, $origin, $made, $due, $mx, $us, $mechanism, '', '', $status, $statusDate, $conf, $side, $code, 'III', $stamp, $stamp, 'bench', 'bench', 1,
              $name, $name, '', '')
            """, connection, transaction);
        var insertChange = new SqliteCommand("""
            INSERT INTO CommitmentStatusChanges (Id, Sequence, Status, Date, Confidentiality, OwnerSide, Code, CreatedAt, UpdatedAt, CreatedBy, UpdatedBy, Version, ParentId)
            VALUES ($id, $sequence, $status, $date, $conf, $side, $code, $stamp, $stamp, 'bench', 'bench', 1, $parent)
            """, connection, transaction);
        foreach (var p in new[] { "$id", "$origin", "$made", "$due", "$mx", "$us", "$mechanism", "$status", "$statusDate", "$conf", "$side", "$code", "$stamp", "$name" })
        {
            insertCommitment.Parameters.Add(new SqliteParameter(p, null));
        }

        foreach (var p in new[] { "$id", "$sequence", "$status", "$date", "$conf", "$side", "$code", "$stamp", "$parent" })
        {
            insertChange.Parameters.Add(new SqliteParameter(p, null));
        }

        insertCommitment.Parameters["$stamp"].Value = stamp;
        insertChange.Parameters["$stamp"].Value = stamp;
        static string G(Guid g) => g.ToString().ToUpperInvariant();
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var first = new DateOnly(2006, 1, 1).DayNumber;
        var span = new DateOnly(2026, 11, 30).DayNumber - first;
        var changes = 0;
        for (var i = 0; i < Commitments; i++)
        {
            var id = Guid.CreateVersion7();
            var made = DateOnly.FromDayNumber(first + random.Next(span));
            var (conf, side) = random.Next(10) switch { 0 => ("Internal", "MX"), 1 => ("Internal", "US"), _ => ("Shared", "Joint") };
            var mechanism = random.Next(2) == 0 && mechanisms.Count > 0 ? (object)G(mechanisms[random.Next(mechanisms.Count)]) : DBNull.Value;
            // 0 to 7 changes (3.5 on average): started, perhaps stalled, then an outcome or still open.
            var count = random.Next(8);
            var statuses = new List<string>();
            for (var k = 0; k < count; k++)
            {
                statuses.Add(k == count - 1 && k >= 1 ? Outcomes[random.Next(Outcomes.Length)] : random.Next(4) == 0 ? "Stalled" : "InProgress");
            }

            var dates = new List<DateOnly>();
            var day = made;
            foreach (var _ in statuses)
            {
                day = day.AddDays(1 + random.Next(120));
                dates.Add(day);
            }

            insertCommitment.Parameters["$id"].Value = G(id);
            insertCommitment.Parameters["$origin"].Value = "Mechanism";
            insertCommitment.Parameters["$made"].Value = D(made);
            insertCommitment.Parameters["$due"].Value = random.Next(10) == 0 ? DBNull.Value : D(made.AddDays(30 + random.Next(690)));
            insertCommitment.Parameters["$mx"].Value = G(mxPosts[random.Next(mxPosts.Count)]);
            insertCommitment.Parameters["$us"].Value = G(usPosts[random.Next(usPosts.Count)]);
            insertCommitment.Parameters["$mechanism"].Value = mechanism;
            insertCommitment.Parameters["$status"].Value = statuses.Count == 0 ? "NotStarted" : statuses[^1];
            insertCommitment.Parameters["$statusDate"].Value = D(day);
            insertCommitment.Parameters["$conf"].Value = conf;
            insertCommitment.Parameters["$side"].Value = side;
            insertCommitment.Parameters["$code"].Value = string.Create(CultureInfo.InvariantCulture, $"BC-{i + 1:D6}");
            insertCommitment.Parameters["$name"].Value = string.Create(CultureInfo.InvariantCulture, $"Benchmark commitment {i + 1}");
            await insertCommitment.ExecuteNonQueryAsync();
            for (var k = 0; k < statuses.Count; k++)
            {
                insertChange.Parameters["$id"].Value = G(Guid.CreateVersion7());
                insertChange.Parameters["$sequence"].Value = k + 1;
                insertChange.Parameters["$status"].Value = statuses[k];
                insertChange.Parameters["$date"].Value = D(dates[k]);
                insertChange.Parameters["$conf"].Value = conf;
                insertChange.Parameters["$side"].Value = side;
                insertChange.Parameters["$code"].Value = string.Create(CultureInfo.InvariantCulture, $"P-BC-{i + 1:D6}-{k + 1:D2}");
                insertChange.Parameters["$parent"].Value = G(id);
                await insertChange.ExecuteNonQueryAsync();
                changes++;
            }
        }

        await transaction.CommitAsync();
        return (Commitments, changes);
    }
}
