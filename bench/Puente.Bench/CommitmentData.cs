using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Puente.Core.Access;
using Puente.Core.Commitments;
using Puente.Core.Memory;
using Puente.Data;
using Puente.Data.Access;

/// <summary>
/// Adds the commitments issue's benchmark scale to a memory-data directory: 300,000 commitments over 2006–2026, owned by
/// the generated posts (a Mexican and a U.S. one each), half made at a generated engagement (and under its mechanism),
/// the rest under a mechanism; 10 % ongoing; a fifth Internal to one side; and 1,000,000 dated status changes (3.33 a
/// commitment on average, in date order, "Kept" always with evidence). Saved as the system in batched, audited saves,
/// as every write. The random seed is fixed.
/// </summary>
internal static class CommitmentData
{
    public const int Commitments = 300_000;
    public const int Changes = 1_000_000;
    private const int Batch = 2_000;
    private static readonly DateOnly First = new(2006, 1, 1);
    private static readonly DateOnly Last = new(2026, 11, 30);

    public static async Task<int> AddAsync(string dataDirectory)
    {
        var dir = Path.GetFullPath(dataDirectory);
        if (!File.Exists(Path.Combine(dir, "puente.db")))
        {
            await Console.Error.WriteLineAsync($"{dir} holds no database; make it first with memory-data.");
            return 1;
        }

        using var host = BenchHost.Build(dir);
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("commitment-data");
        var total = Stopwatch.StartNew();
        await host.Services.InitializePuenteAsync(logger); // migrations up to this build's schema

        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
        var db = scope.ServiceProvider.GetRequiredService<PuenteDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        if (await db.Set<Commitment>().AnyAsync(c => c.Code.StartsWith("BC-")))
        {
            await Console.Error.WriteLineAsync($"{dir} already holds the generated commitments.");
            return 1;
        }

        var random = new Random(20261201);
        var posts = await db.Set<Post>().AsNoTracking().Where(p => p.Code.StartsWith("BPOST-")).OrderBy(p => p.Code).Select(p => new { p.Id, p.Country }).ToListAsync();
        var mxPosts = posts.Where(p => p.Country == "MX").Select(p => p.Id).ToArray();
        var usPosts = posts.Where(p => p.Country == "US").Select(p => p.Id).ToArray();
        var engagements = await db.Set<Engagement>().AsNoTracking().Where(e => e.Confidentiality == Confidentiality.Shared)
            .Select(e => new { e.Id, e.StartDate, e.MechanismId }).ToListAsync();
        var mechanisms = await db.Mechanisms.AsNoTracking().Where(m => m.Confidentiality == Confidentiality.Shared).OrderBy(m => m.Code).Select(m => m.Id).ToListAsync();
        var issues = await db.AgendaIssues.AsNoTracking().OrderBy(x => x.Code).Select(x => x.Code).ToListAsync();
        if (mxPosts.Length == 0 || usPosts.Length == 0 || engagements.Count == 0)
        {
            await Console.Error.WriteLineAsync($"{dir} is not a memory-data directory (no generated posts or engagements).");
            return 1;
        }

        var span = Last.DayNumber - First.DayNumber;
        var today = Last;
        var changes = 0L;
        // Changes per commitment: 1..6, tuned so that the total is about 1,000,000 (mean 3.33).
        int ChangesFor() => random.Next(10) switch { < 2 => 1, < 4 => 2, < 6 => 3, < 8 => 5, _ => 6 };
        for (var start = 0; start < Commitments; start += Batch)
        {
            for (var i = start; i < Math.Min(Commitments, start + Batch); i++)
            {
                var atEngagement = random.Next(2) == 0;
                var engagement = atEngagement ? engagements[random.Next(engagements.Count)] : null;
                var made = engagement?.StartDate ?? DateOnly.FromDayNumber(First.DayNumber + random.Next(span));
                var ongoing = random.Next(10) == 0;
                DateOnly? due = ongoing ? null : made.AddDays(30 + random.Next(690));
                var level = random.Next(10);
                var c = new Commitment
                {
                    Id = Guid.CreateVersion7(),
                    Code = string.Create(CultureInfo.InvariantCulture, $"BC-{i + 1:D6}"),
                    NameEn = string.Create(CultureInfo.InvariantCulture, $"Commitment {i + 1}: deliver the agreed {Pick(random, Subjects)} measure"),
                    NameEs = string.Create(CultureInfo.InvariantCulture, $"Compromiso {i + 1}: cumplir la medida acordada de {Pick(random, SubjectsEs)}"),
                    Origin = atEngagement ? CommitmentOrigin.Engagement : CommitmentOrigin.Mechanism,
                    EngagementId = engagement?.Id,
                    MechanismId = engagement?.MechanismId ?? mechanisms[random.Next(mechanisms.Count)],
                    MadeOn = made,
                    Due = due,
                    OwnerMxPostId = mxPosts[random.Next(mxPosts.Length)],
                    OwnerUsPostId = usPosts[random.Next(usPosts.Length)],
                    IssueCodes = Engagement.JoinCodes(Enumerable.Range(0, random.Next(3)).Select(_ => Pick(random, issues))),
                    Confidentiality = level < 8 ? Confidentiality.Shared : Confidentiality.Internal,
                    OwnerSide = level == 9 ? Side.US : level == 8 ? Side.MX : Side.Joint,
                    Status = CommitmentStatus.NotStarted,
                    StatusDate = made,
                };
                db.Add(c);
                // The history: dated after it was made, in order, up to today; the last one judges it when it is due.
                var n = ChangesFor();
                var day = made;
                for (var k = 1; k <= n && day < today; k++)
                {
                    day = day.AddDays(1 + random.Next(120));
                    if (day > today)
                    {
                        break;
                    }

                    var last = k == n;
                    var status = !last ? (random.Next(5) == 0 ? CommitmentStatus.Stalled : CommitmentStatus.InProgress)
                        : due is { } d && day >= d ? random.Next(10) switch { < 5 => CommitmentStatus.Kept, < 6 => CommitmentStatus.PartlyKept, < 7 => CommitmentStatus.Broken, < 8 => CommitmentStatus.Superseded, _ => CommitmentStatus.Stalled }
                        : CommitmentStatus.InProgress;
                    var change = new CommitmentStatusChange
                    {
                        Id = Guid.CreateVersion7(),
                        Code = string.Create(CultureInfo.InvariantCulture, $"P-BC-{i + 1:D6}-{k}"),
                        Sequence = k,
                        Status = status,
                        Date = day,
                        NoteEn = "Reported by the owner post",
                        NoteEs = "Informado por el cargo responsable",
                        EvidenceUrl = status == CommitmentStatus.Kept ? string.Create(CultureInfo.InvariantCulture, $"https://example.org/evidence/{i + 1}") : null,
                    };
                    change.FollowAccessOf(c);
                    db.Add(change);
                    c.Status = status;
                    c.StatusDate = day;
                    changes++;
                }
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            if (start % 50_000 == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{start + Batch:N0} commitments, {changes:N0} changes, {total.Elapsed.TotalSeconds:F0} s"));
            }
        }

        var counts = new
        {
            Commitments = await db.Set<Commitment>().CountAsync(),
            Changes = await db.Set<CommitmentStatusChange>().CountAsync(),
            Overdue = await db.Set<Commitment>().CountAsync(c => c.Due != null && c.Due < today
                && (c.Status == CommitmentStatus.NotStarted || c.Status == CommitmentStatus.InProgress || c.Status == CommitmentStatus.Stalled)),
        };
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"commitment data in {dir}: {counts.Commitments:N0} commitments, {counts.Changes:N0} status changes, {counts.Overdue:N0} overdue on {today:yyyy-MM-dd}; {total.Elapsed.TotalSeconds:F0} s"));
        return 0;
    }

    private static readonly string[] Subjects = ["migration", "border infrastructure", "security cooperation", "trade facilitation", "energy", "water", "public health", "education exchange", "fentanyl", "labor mobility"];
    private static readonly string[] SubjectsEs = ["migración", "infraestructura fronteriza", "cooperación en seguridad", "facilitación comercial", "energía", "agua", "salud pública", "intercambio educativo", "fentanilo", "movilidad laboral"];

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
