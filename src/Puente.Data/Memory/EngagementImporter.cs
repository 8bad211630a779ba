using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Memory;
using Puente.Core.Records;

namespace Puente.Data.Memory;

/// <summary>
/// Writes an engagement table (<see cref="EngagementImport"/>) after the checks only the database can make: that the
/// mechanism, tracks, issues, people and posts named exist (readable by the viewer), and that every code is new — an
/// engagement whose code is already recorded is a row problem, so rerunning an import that completed writes nothing.
/// All or nothing by default; with <c>validRowsOnly</c> the valid rows are written and the others reported. The write
/// is one <c>SaveChangesAsync</c>: one transaction with its audit entries, so an interrupted import writes nothing.
/// A code taken meanwhile by another writer surfaces as the unique index's <see cref="DbUpdateException"/>.
/// </summary>
public sealed class EngagementImporter(PuenteDbContext db)
{
    public async Task<EngagementImportResult> ImportAsync(ReadOnlyMemory<byte> content, bool validRowsOnly, CancellationToken cancellationToken = default)
    {
        var table = EngagementImport.Parse(content.Span);
        var problems = table.Problems;
        if (table.Refused)
        {
            return new EngagementImportResult(table, 0, 0);
        }

        var rows = table.Valid;
        var mechanismCodes = rows.Where(r => r.Mechanism is not null).Select(r => r.Mechanism!).Distinct(StringComparer.Ordinal).ToList();
        var mechanisms = await db.Mechanisms.AsNoTracking().Where(m => mechanismCodes.Contains(m.Code))
            .ToDictionaryAsync(m => m.Code, m => m.Id, StringComparer.Ordinal, cancellationToken);
        var trackCodes = rows.SelectMany(r => r.Tracks).Distinct(StringComparer.Ordinal).ToList();
        var tracks = (await db.Tracks.AsNoTracking().Where(t => trackCodes.Contains(t.Code)).Select(t => t.Code).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var issueCodes = rows.SelectMany(r => r.Issues).Distinct(StringComparer.Ordinal).ToList();
        var issues = (await db.AgendaIssues.AsNoTracking().Where(i => issueCodes.Contains(i.Code)).Select(i => i.Code).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var personCodes = rows.SelectMany(r => r.Participants).Where(p => p.Person is not null).Select(p => p.Person!).Distinct(StringComparer.Ordinal).ToList();
        var people = await db.Set<Person>().AsNoTracking().Where(p => personCodes.Contains(p.Code))
            .ToDictionaryAsync(p => p.Code, p => p.Id, StringComparer.Ordinal, cancellationToken);
        var postCodes = rows.SelectMany(r => r.Participants).Where(p => p.Post is not null).Select(p => p.Post!).Distinct(StringComparer.Ordinal).ToList();
        var posts = await db.Set<Post>().AsNoTracking().Where(p => postCodes.Contains(p.Code))
            .ToDictionaryAsync(p => p.Code, p => (p.Id, p.Country), StringComparer.Ordinal, cancellationToken);
        // Taken codes count whoever may read their engagement (docs/decisions/0016); the CLI's system viewer reads all.
        var givenCodes = rows.Where(r => r.Code is not null).Select(r => r.Code!).ToList();
        var taken = (await db.Set<Engagement>().IgnoreQueryFilters().Where(e => givenCodes.Contains(e.Code)).Select(e => e.Code).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        var ready = new List<(EngagementRow Row, Guid? Mechanism, List<Participant> Participants)>();
        foreach (var row in rows)
        {
            var before = problems.Total;
            if (row.Code is { } code && taken.Contains(code))
            {
                problems.Add(row.Row, "code", EngagementImportProblems.CodeExists.With(code));
            }

            Guid? mechanism = null;
            if (row.Mechanism is { } m)
            {
                if (mechanisms.TryGetValue(m, out var id))
                {
                    mechanism = id;
                }
                else
                {
                    problems.Add(row.Row, "mechanism", EngagementImportProblems.UnknownMechanism.With(m));
                }
            }

            foreach (var missing in row.Tracks.Where(t => !tracks.Contains(t)))
            {
                problems.Add(row.Row, "tracks", EngagementImportProblems.UnknownCode.With(missing));
            }

            foreach (var missing in row.Issues.Where(i => !issues.Contains(i)))
            {
                problems.Add(row.Row, "issues", EngagementImportProblems.UnknownCode.With(missing));
            }

            var participants = new List<Participant>();
            for (var i = 0; i < row.Participants.Count; i++)
            {
                var p = row.Participants[i];
                var participant = new Participant
                {
                    Id = Guid.CreateVersion7(), Code = RecordPart.NewCode(), SortOrder = i, Lead = p.Lead, Role = p.Role,
                    Country = p.Country, Seniority = p.Seniority,
                };
                if (p.Person is { } person)
                {
                    if (people.TryGetValue(person, out var personId))
                    {
                        participant.PersonId = personId;
                    }
                    else
                    {
                        problems.Add(row.Row, "participants", EngagementImportProblems.UnknownPerson.With(i + 1, person));
                    }
                }

                if (p.Post is { } post)
                {
                    if (posts.TryGetValue(post, out var found))
                    {
                        participant.PostId = found.Id;
                        participant.Country = found.Country; // as the form does: a post's participant is of the post's country
                    }
                    else
                    {
                        problems.Add(row.Row, "participants", EngagementImportProblems.UnknownPost.With(i + 1, post));
                    }
                }

                participants.Add(participant);
            }

            if (problems.Total == before)
            {
                ready.Add((row, mechanism, participants));
            }
        }

        if (ready.Count == 0 || (problems.Any && !validRowsOnly))
        {
            return new EngagementImportResult(table, ready.Count, 0);
        }

        var codes = new HashSet<string>(givenCodes, StringComparer.Ordinal);
        foreach (var (row, mechanism, participants) in ready)
        {
            var engagement = new Engagement { Id = Guid.CreateVersion7(), Code = row.Code ?? NewCode(row.StartDate, codes), MechanismId = mechanism };
            row.ApplyTo(engagement);
            db.Add(engagement);
            foreach (var participant in participants)
            {
                participant.FollowAccessOf(engagement);
                db.Add(participant);
            }
        }

        await db.SaveChangesAsync(cancellationToken); // one transaction: every engagement, its participants and their audit entries
        return new EngagementImportResult(table, ready.Count, ready.Count);
    }

    /// <summary>A code made from the date as the form makes it, <c>E-YYYYMMDD-XXXXXXXX</c>, not yet used in this import.</summary>
    private static string NewCode(DateOnly day, HashSet<string> used)
    {
        string code;
        do
        {
            code = $"E-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";
        }
        while (!used.Add(code));

        return code;
    }
}
