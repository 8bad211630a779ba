using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Plans;

namespace Puente.Data.Plans;

/// <summary>
/// Writes a plan file (<see cref="PlanImport"/>) after the checks only the database can make: the tracks and agenda
/// issues named exist, and no recommendation code belongs to another plan (codes are unique across plans: the API
/// addresses a recommendation by code). Creates the plan or updates it by code, and creates or updates its
/// recommendations by code; recommendations of the plan that the file does not name are kept. The plan and every
/// recommendation it imports take the plan's access (their status changes follow). A value the file changes is no
/// longer the seed's, so seeding never overwrites it. All or nothing by default; with <c>validRowsOnly</c> the valid
/// rows are written and the others reported. One <c>SaveChangesAsync</c>: one transaction with its audit entries.
/// A code taken meanwhile by another writer surfaces as the unique index's <see cref="DbUpdateException"/>.
/// </summary>
public sealed class PlanImporter(PuenteDbContext db)
{
    public async Task<PlanImportResult> ImportAsync(ReadOnlyMemory<byte> content, PlanFileFormat format, bool validRowsOnly, CancellationToken cancellationToken = default)
    {
        var table = PlanImport.Parse(content.Span, format);
        var problems = table.Problems;
        if (table.Refused || table.Plan is not { } header)
        {
            return Nothing(table, 0);
        }

        var planRow = format == PlanFileFormat.Csv ? 1 : 0;
        var plan = await db.Set<Plan>().FirstOrDefaultAsync(p => p.Code == header.Code, cancellationToken);
        if (plan is null && await db.Set<Plan>().IgnoreQueryFilters().AnyAsync(p => p.Code == header.Code, cancellationToken))
        {
            // Held by a plan this viewer cannot read (the CLI's system viewer reads all): the same neutral answer as a form's.
            problems.Add(planRow, format == PlanFileFormat.Csv ? "plan_code" : "code", PlanProblems.PlanCodeTaken.With(header.Code));
            return Nothing(table, 0);
        }

        var rows = table.Valid;
        var codes = rows.Select(r => r.Code).ToList();
        var existing = await db.Recommendations.IgnoreQueryFilters().Where(r => codes.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, cancellationToken);
        var trackCodes = rows.Where(r => r.Track is not null).Select(r => r.Track!).Distinct(StringComparer.Ordinal).ToList();
        var tracks = await db.Tracks.AsNoTracking().Where(t => trackCodes.Contains(t.Code))
            .ToDictionaryAsync(t => t.Code, t => t.Id, StringComparer.Ordinal, cancellationToken);
        var issueCodes = rows.SelectMany(r => r.Issues).Distinct(StringComparer.Ordinal).ToList();
        var issues = (await db.AgendaIssues.AsNoTracking().Where(i => issueCodes.Contains(i.Code)).Select(i => i.Code).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        string Field(string csv, string json) => format == PlanFileFormat.Csv ? csv : json;

        var ready = new List<RecommendationRow>();
        foreach (var row in rows)
        {
            var before = problems.Total;
            if (existing.TryGetValue(row.Code, out var other) && (plan is null || other.PlanId != plan.Id))
            {
                problems.Add(row.Row, "code", PlanProblems.CodeInOtherPlan.With(row.Code));
            }

            if (row.Track is { } track && !tracks.ContainsKey(track))
            {
                problems.Add(row.Row, "track", PlanProblems.UnknownTrack.With(track));
            }

            foreach (var missing in row.Issues.Where(i => !issues.Contains(i)))
            {
                problems.Add(row.Row, "issues", PlanProblems.UnknownIssue.With(missing));
            }

            if (problems.Total == before)
            {
                ready.Add(row);
            }
        }

        var planRecommendations = plan is null ? [] : await db.Recommendations.IgnoreQueryFilters().Where(r => r.PlanId == plan.Id).ToListAsync(cancellationToken);
        var inFile = rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var notInFile = planRecommendations.Count(r => !inFile.Contains(r.Code));
        var newOnes = ready.Count(r => !existing.ContainsKey(r.Code));
        if (planRecommendations.Count + newOnes > Plan.MaxRecommendations)
        {
            problems.Add(planRow, Field("code", "recommendations"), PlanProblems.TooManyRows.With(Plan.MaxRecommendations));
            return Nothing(table, ready.Count, notInFile);
        }

        if (problems.Any && !validRowsOnly)
        {
            return Nothing(table, ready.Count, notInFile);
        }

        var planCreated = plan is null;
        if (plan is null)
        {
            plan = new Plan { Id = Guid.CreateVersion7(), Code = header.Code };
            db.Add(plan);
        }

        plan.NameEn = header.NameEn;
        plan.NameEs = header.NameEs;
        plan.DescriptionEn = header.DescriptionEn;
        plan.DescriptionEs = header.DescriptionEs;
        plan.Confidentiality = header.Confidentiality;
        plan.OwnerSide = header.OwnerSide;
        if (db.Entry(plan).State == EntityState.Modified)
        {
            plan.SeedHash = null;
        }

        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in ready)
        {
            if (!existing.TryGetValue(row.Code, out var recommendation))
            {
                recommendation = new Recommendation { Id = Guid.CreateVersion7(), Code = row.Code, PlanId = plan.Id };
                db.Add(recommendation);
                created++;
            }

            recommendation.Section = row.Section;
            recommendation.Number = row.Number;
            recommendation.Addressee = row.Addressee;
            recommendation.TrackId = row.Track is null ? null : tracks[row.Track];
            recommendation.IssueCodes = string.Join(',', row.Issues);
            recommendation.TextEn = row.TextEn;
            recommendation.TextEs = row.TextEs;
            recommendation.Confidentiality = plan.Confidentiality;
            recommendation.OwnerSide = plan.OwnerSide;
            if (db.Entry(recommendation).State == EntityState.Modified)
            {
                recommendation.SeedHash = null;
                updated++;
            }
            else if (db.Entry(recommendation).State == EntityState.Unchanged)
            {
                unchanged++;
            }
        }

        // Every recommendation of the plan, in the file or not, is read by the plan's readers; their status changes follow.
        var moved = new List<Recommendation>();
        foreach (var recommendation in planRecommendations.Concat(existing.Values.Where(r => r.PlanId == plan.Id)).Distinct())
        {
            recommendation.Confidentiality = plan.Confidentiality;
            recommendation.OwnerSide = plan.OwnerSide;
            var entry = db.Entry(recommendation);
            if (entry.Property(r => r.Confidentiality).IsModified || entry.Property(r => r.OwnerSide).IsModified)
            {
                moved.Add(recommendation);
            }
        }

        if (moved.Count > 0)
        {
            var ids = moved.Select(r => r.Id).ToList();
            var byId = moved.ToDictionary(r => r.Id);
            foreach (var change in await db.Set<RecommendationStatusChange>().IgnoreQueryFilters().Where(c => ids.Contains(c.ParentId)).ToListAsync(cancellationToken))
            {
                change.FollowAccessOf(byId[change.ParentId]);
            }
        }

        await db.SaveChangesAsync(cancellationToken); // one transaction: the plan, its recommendations, their audit entries
        return new PlanImportResult(table, ready.Count, Written: true, planCreated, created, updated, unchanged, notInFile);
    }

    private static PlanImportResult Nothing(PlanImportTable table, int valid, int notInFile = 0) =>
        new(table, valid, Written: false, PlanCreated: false, 0, 0, 0, notInFile);
}
