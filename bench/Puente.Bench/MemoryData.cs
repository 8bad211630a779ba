using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Puente.Core.Access;
using Puente.Core.Memory;
using Puente.Data;
using Puente.Data.Access;

/// <summary>
/// A Puente data directory with the institutional memory at the scale of the memory issue's performance target: 20,000
/// people, 1,000 posts, 30,000 tenures, 100,000 engagements over 2006–2026 and about 500,000 participants, on the default
/// SQLite store. The directory is made as the CLI makes one (migrations, catalog and memory seeding), then the records
/// are added as the system in batched, audited saves (the context writes one audit entry per record, as for every
/// write). The random seed is fixed: the same records each time (only ids and timestamps differ).
/// </summary>
internal static class MemoryData
{
    public const int People = 20_000;
    public const int Posts = 1_000;
    public const int Tenures = 30_000;
    public const int Engagements = 100_000;
    private const int Batch = 5_000;

    private static readonly DateOnly First = new(2006, 1, 1);
    private static readonly DateOnly Last = new(2026, 11, 30);

    // Seeded mechanisms that get sessions, weighted (the big dialogues meet more often).
    private static readonly (string Code, int Weight)[] MechanismWeights =
    [
        ("HLED", 6), ("BNC", 4), ("BGC", 4), ("IPM", 3), ("NALS", 3), ("FOBESII", 5), ("CEO-DIALOGUE", 4), ("HLSD", 6),
        ("MERIDA-HLCG", 5), ("USMCA", 4), ("NADD", 2), ("BORDER-21C-ESC", 5), ("SECURITY-IMPLEMENTATION-GROUP", 3),
        ("IBWC-CILA", 4), ("JORNADAS", 2),
    ];

    private static readonly string[] GivenMx = ["José", "María", "Luis", "Ana", "Juan", "Guadalupe", "Carlos", "Fernanda", "Jorge", "Sofía", "Martha", "Ricardo", "Alejandra", "Héctor", "Verónica", "Andrés"];
    private static readonly string[] FamilyMx = ["Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Cruz", "Flores", "Gómez", "Ibáñez", "Núñez", "Ortega", "Vázquez"];
    private static readonly string[] GivenUs = ["James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda", "William", "Elizabeth", "Thomas", "Susan", "Daniel", "Karen", "Matthew", "Emily"];
    private static readonly string[] FamilyUs = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White"];
    private static readonly string[] PlacesMx = ["Mexico City", "Monterrey", "Guadalajara", "Tijuana", "Ciudad Juárez", "Mérida", "Puebla"];
    private static readonly string[] PlacesUs = ["Washington, D.C.", "New York", "Miami", "Atlanta", "Boston", "Philadelphia", "Detroit"];
    private static readonly string[] Subjects = ["migration", "border infrastructure", "security cooperation", "trade facilitation", "energy", "water", "public health", "education exchange", "fentanyl", "labor mobility"];

    /// <summary>Creates the data directory (it must not hold a database yet); prints the time taken and the size.</summary>
    public static async Task<int> CreateAsync(string dataDirectory)
    {
        var dir = Directory.CreateDirectory(dataDirectory).FullName;
        if (Directory.EnumerateFiles(dir, "*.db").Any())
        {
            await Console.Error.WriteLineAsync($"{dir} already holds a database; give an empty directory.");
            return 1;
        }

        using var host = BenchHost.Build(dir);
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("memory-data");

        var total = Stopwatch.StartNew();
        // As `puente db migrate`: migrations, catalog, seeded memory, roles and the administrator.
        await host.Services.InitializePuenteAsync(logger);
        var initialized = total.Elapsed;

        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
        var db = scope.ServiceProvider.GetRequiredService<PuenteDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(20061201);

        var actors = await db.Actors.AsNoTracking().Where(a => a.Country == "MX" || a.Country == "US").OrderBy(a => a.Code)
            .Select(a => new { a.Id, a.Country }).ToListAsync();
        var mechanisms = await db.Mechanisms.AsNoTracking().ToDictionaryAsync(m => m.Code, m => m.Id, StringComparer.Ordinal);
        var tracks = await db.Tracks.AsNoTracking().OrderBy(x => x.Code).Select(x => x.Code).ToListAsync();
        var issues = await db.AgendaIssues.AsNoTracking().OrderBy(x => x.Code).Select(x => x.Code).ToListAsync();
        var weighted = MechanismWeights.Where(m => mechanisms.ContainsKey(m.Code)).SelectMany(m => Enumerable.Repeat(mechanisms[m.Code], m.Weight)).ToArray();
        var seniorities = Enum.GetValues<Seniority>();

        // People: half Mexican, half American names (accents kept, as people write them).
        var phase = Stopwatch.StartNew();
        var personIds = new Guid[People];
        var personCountry = new string[People];
        await InBatchesAsync(db, People, i =>
        {
            var mx = i % 2 == 0;
            var name = mx
                ? $"{Pick(random, GivenMx)} {Pick(random, FamilyMx)} {Pick(random, FamilyMx)}"
                : $"{Pick(random, GivenUs)} {(char)('A' + random.Next(26))}. {Pick(random, FamilyUs)}";
            var person = new Person
            {
                Id = Guid.CreateVersion7(),
                Code = string.Create(CultureInfo.InvariantCulture, $"BP-{i + 1:D5}"),
                NameEn = name,
                NameEs = name,
                Languages = mx ? "es,en" : "en,es",
                DescriptionEn = $"Official of the {(mx ? "Mexican" : "U.S.")} government.",
                DescriptionEs = $"Funcionario del gobierno {(mx ? "de México" : "de los Estados Unidos")}.",
            };
            personIds[i] = person.Id;
            personCountry[i] = mx ? "MX" : "US";
            return [person];
        });
        var peopleTime = phase.Elapsed;

        // Posts at the existing Mexican and U.S. actors.
        phase.Restart();
        var postIds = new Guid[Posts];
        var postCountry = new string[Posts];
        await InBatchesAsync(db, Posts, i =>
        {
            var actor = actors[i % actors.Count];
            var seniority = seniorities[Math.Min(seniorities.Length - 1, (int)(Math.Pow(random.NextDouble(), 0.7) * 6))];
            var post = new Post
            {
                Id = Guid.CreateVersion7(),
                Code = string.Create(CultureInfo.InvariantCulture, $"BPOST-{i + 1:D4}"),
                ActorId = actor.Id,
                Country = actor.Country,
                Seniority = seniority,
                NameEn = string.Create(CultureInfo.InvariantCulture, $"Office {i + 1} ({seniority})"),
                NameEs = string.Create(CultureInfo.InvariantCulture, $"Cargo {i + 1} ({seniority})"),
            };
            postIds[i] = post.Id;
            postCountry[i] = actor.Country;
            return [post];
        });

        // Tenures: 30 per post, back to back from 2006 (the last one open), none overlapping; the holders are people of
        // the post's country, some holding several posts over their career.
        var perPost = Tenures / Posts;
        var span = Last.DayNumber - First.DayNumber;
        await InBatchesAsync(db, Posts, p =>
        {
            var cuts = Enumerable.Range(0, perPost - 1).Select(_ => First.DayNumber + 1 + random.Next(span - 1)).Distinct().Order().ToList();
            while (cuts.Count < perPost - 1)
            {
                cuts = [.. cuts.Append(cuts[^1] + 1).Distinct().Order()];
            }

            var starts = cuts.Prepend(First.DayNumber).ToList();
            var list = new List<object>(perPost);
            for (var k = 0; k < perPost; k++)
            {
                var person = SkewedPerson(random, postCountry[p] == "MX" ? 0 : 1);
                list.Add(new Tenure
                {
                    Id = Guid.CreateVersion7(),
                    Code = string.Create(CultureInfo.InvariantCulture, $"BT-{p + 1:D4}-{k + 1:D2}"),
                    PostId = postIds[p],
                    PersonId = personIds[person],
                    From = DateOnly.FromDayNumber(starts[k]),
                    To = k + 1 < perPost ? DateOnly.FromDayNumber(starts[k + 1]) : null,
                    Acting = random.Next(20) == 0,
                    Certainty = Certainty.SingleSource,
                });
            }

            return list;
        }, perBatch: Batch / perPost);
        var postsTime = phase.Elapsed;

        // Engagements, oldest first, each saved with its participants.
        phase.Restart();
        var days = Enumerable.Range(0, Engagements).Select(_ => First.DayNumber + random.Next(span)).Order().ToArray();
        var sessions = new Dictionary<Guid, int>();
        var kinds = new[] { EngagementKind.Call, EngagementKind.Call, EngagementKind.Call, EngagementKind.WorkingGroupMeeting, EngagementKind.WorkingGroupMeeting,
            EngagementKind.Visit, EngagementKind.Visit, EngagementKind.MinisterialMeeting, EngagementKind.Conference, EngagementKind.Exchange,
            EngagementKind.Signing, EngagementKind.Summit };
        var mexico = LocalTime.Zone("America/Mexico_City")!;
        var newYork = LocalTime.Zone("America/New_York")!;
        long participants = 0;
        await InBatchesAsync(db, Engagements, i =>
        {
            var day = DateOnly.FromDayNumber(days[i]);
            Guid? mechanism = random.Next(3) == 0 ? weighted[random.Next(weighted.Length)] : null;
            var kind = mechanism is not null
                ? random.Next(4) == 0 ? EngagementKind.WorkingGroupMeeting : EngagementKind.MechanismSession
                : kinds[random.Next(kinds.Length)];
            var inMexico = random.Next(5) < 3;
            var zone = inMexico ? mexico : newYork;
            var allDay = kind is EngagementKind.MechanismSession or EngagementKind.Summit or EngagementKind.Conference || random.Next(4) == 0;
            var startLocal = allDay ? day.ToDateTime(TimeOnly.MinValue) : day.ToDateTime(new TimeOnly(8 + random.Next(10), random.Next(2) * 30));
            var endLocal = allDay ? startLocal.AddDays(random.Next(3)) : startLocal.AddMinutes(30 * (1 + random.Next(6)));
            var confidentiality = random.Next(1000) switch
            {
                < 100 => (Confidentiality.Internal, Side.MX),
                < 200 => (Confidentiality.Internal, Side.US),
                < 205 => (Confidentiality.Restricted, Side.MX),
                _ => (Confidentiality.Shared, Side.Joint),
            };
            var subject = Pick(random, Subjects);
            var e = new Engagement
            {
                Id = Guid.CreateVersion7(),
                Code = string.Create(CultureInfo.InvariantCulture, $"BE-{day:yyyyMMdd}-{i + 1:D6}"),
                Kind = kind,
                NameEn = string.Create(CultureInfo.InvariantCulture, $"{kind} on {subject} ({i + 1})"),
                NameEs = string.Create(CultureInfo.InvariantCulture, $"{kind} sobre {subject} ({i + 1})"),
                DescriptionEn = "Generated for the memory benchmark.",
                DescriptionEs = "Generado para la prueba de rendimiento de la memoria.",
                TimeZone = zone.Id,
                AllDay = allDay,
                StartLocal = startLocal,
                EndLocal = endLocal,
                StartUtc = LocalTime.ToUtc(startLocal, zone) ?? LocalTime.ToUtc(startLocal.AddHours(1), zone)!.Value,
                EndUtc = LocalTime.ToUtc(endLocal, zone) ?? LocalTime.ToUtc(endLocal.AddHours(1), zone)!.Value,
                StartDate = day,
                Place = inMexico ? Pick(random, PlacesMx) : Pick(random, PlacesUs),
                MechanismId = mechanism,
                TrackCodes = Engagement.JoinCodes(Enumerable.Range(0, random.Next(3)).Select(_ => Pick(random, tracks))),
                IssueCodes = Engagement.JoinCodes(Enumerable.Range(0, random.Next(3)).Select(_ => Pick(random, issues))),
                Certainty = Certainty.SingleSource,
                Confidentiality = confidentiality.Item1,
                OwnerSide = confidentiality.Item2,
            };
            if (mechanism is { } m && kind == EngagementKind.MechanismSession)
            {
                e.SessionNumber = sessions[m] = sessions.GetValueOrDefault(m) + 1;
            }

            // 3 to 7 participants (5 on average): mostly people of both sides, some posts, some unnamed delegations.
            var records = new List<object> { e };
            var count = 3 + random.Next(5);
            var taken = new HashSet<int>();
            for (var k = 0; k < count; k++)
            {
                var participant = new Participant
                {
                    Id = Guid.CreateVersion7(),
                    Code = string.Create(CultureInfo.InvariantCulture, $"P-BENCH-{i + 1:D6}-{k:D2}"),
                    SortOrder = k,
                    Lead = k < 2,
                };
                participant.FollowAccessOf(e);
                var side = k % 2;
                var what = random.Next(20);
                if (what < 17)
                {
                    int person;
                    do
                    {
                        person = SkewedPerson(random, side);
                    }
                    while (!taken.Add(person));

                    participant.PersonId = personIds[person];
                    participant.Country = personCountry[person];
                }
                else if (what < 19)
                {
                    var post = random.Next(Posts);
                    participant.PostId = postIds[post];
                    participant.Country = postCountry[post];
                }
                else
                {
                    participant.Country = side == 0 ? "MX" : "US";
                    participant.Seniority = seniorities[random.Next(1, 6)];
                    participant.Role = "delegation";
                }

                records.Add(participant);
            }

            participants += count;
            return records;
        }, perBatch: Batch / 6);
        var engagementsTime = phase.Elapsed;

        var counts = new
        {
            People = await db.Set<Person>().CountAsync(),
            Posts = await db.Set<Post>().CountAsync(),
            Tenures = await db.Set<Tenure>().CountAsync(),
            Engagements = await db.Set<Engagement>().CountAsync(),
            Participants = await db.Set<Participant>().CountAsync(),
            Audit = await db.AuditEntries.CountAsync(),
        };
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        var bytes = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"memory data in {dir}: {counts.People:N0} people, {counts.Posts:N0} posts, {counts.Tenures:N0} tenures, {counts.Engagements:N0} engagements, {counts.Participants:N0} participants (generated participants: {participants:N0}), {counts.Audit:N0} audit entries"));
        Console.WriteLine(string.Create(inv, $"time: {total.Elapsed.TotalSeconds:F0} s (set-up and seeding {initialized.TotalSeconds:F1} s, people {peopleTime.TotalSeconds:F0} s, posts and tenures {postsTime.TotalSeconds:F0} s, engagements and participants {engagementsTime.TotalSeconds:F0} s); data directory {bytes / 1e6:F0} MB"));
        return 0;
    }

    /// <summary>Adds <paramref name="make"/>'s records for 0..count-1, saving (audited) every <paramref name="perBatch"/> items.</summary>
    private static async Task InBatchesAsync(PuenteDbContext db, int count, Func<int, IReadOnlyList<object>> make, int perBatch = Batch)
    {
        for (var start = 0; start < count; start += perBatch)
        {
            for (var i = start; i < Math.Min(count, start + perBatch); i++)
            {
                foreach (var record in make(i))
                {
                    db.Add(record);
                }
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A person of one side (0: Mexican, even indexes; 1: American, odd), the first ones far busier than the rest.</summary>
    private static int SkewedPerson(Random random, int side)
    {
        var u = random.NextDouble();
        var half = (int)(u * u * (People / 2));
        return 2 * Math.Min(half, (People / 2) - 1) + side;
    }
}
