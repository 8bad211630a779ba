using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Core.Text;
using Puente.Core.Warning;

namespace Puente.Data.Warning;

/// <summary>A crisis as <c>puente crises add</c> gives it: days as YYYY-MM-DD, the issue's code, names and descriptions.</summary>
public sealed record CrisisEntry(string? Code, string? Start, string? End, string? Issue, string? NameEn, string? NameEs,
    string? DescriptionEn = null, string? DescriptionEs = null);

/// <summary>
/// Marked crises for the command line and the backtests: adding one (checked by <see cref="CrisisRules"/>, the issue
/// readable, code and names as every record's; Shared, filed by Joint, audited by the save) and listing the readable
/// ones by start. The pages and the API write through the web's record service, which applies the same rules.
/// </summary>
public sealed class CrisisRecorder(PuenteDbContext db, TimeProvider time)
{
    public const int NameMaxLength = 300;
    public const int DescriptionMaxLength = 4000;

    /// <summary>Checks and saves a new crisis; nothing is saved when a problem is reported (keyed by field).</summary>
    public async Task<(MarkedCrisis? Crisis, List<(string Field, Problem Problem)> Problems)> AddAsync(CrisisEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var problems = new List<(string Field, Problem Problem)>();
        var code = CatalogCode.Normalize(entry.Code);
        if (!CatalogCode.IsValid(code))
        {
            problems.Add(("code", CrisisProblems.BadCode.With()));
        }
        else if (await db.Set<MarkedCrisis>().IgnoreQueryFilters().AnyAsync(c => c.Code == code, cancellationToken))
        {
            problems.Add(("code", CrisisProblems.CodeTaken.With(code)));
        }

        var (start, end) = CrisisRules.Check(entry.Start, entry.End, time.GetUtcNow(), problems);
        var issue = await IssueAsync(entry.Issue, problems, cancellationToken);
        var nameEn = Text(entry.NameEn, "nameEn", NameMaxLength, false, problems);
        var nameEs = Text(entry.NameEs, "nameEs", NameMaxLength, false, problems);
        if (nameEn.Length == 0 && nameEs.Length == 0)
        {
            problems.Add(("nameEn", CrisisProblems.NameRequired.With()));
        }

        var descriptionEn = Text(entry.DescriptionEn, "descriptionEn", DescriptionMaxLength, true, problems);
        var descriptionEs = Text(entry.DescriptionEs, "descriptionEs", DescriptionMaxLength, true, problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var crisis = new MarkedCrisis
        {
            Id = Guid.CreateVersion7(), Code = code, Start = start, End = end, IssueCode = issue, NameEn = nameEn, NameEs = nameEs,
            DescriptionEn = descriptionEn, DescriptionEs = descriptionEs, Confidentiality = Confidentiality.Shared, OwnerSide = Side.Joint,
        };
        db.Add(crisis);
        await db.SaveChangesAsync(cancellationToken);
        return (crisis, problems);
    }

    /// <summary>The readable crises, of one issue when given, that overlap [<paramref name="from"/>, <paramref name="to"/>] when given, by start.</summary>
    public Task<List<MarkedCrisis>> ListAsync(string? issue, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var query = db.Set<MarkedCrisis>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(issue))
        {
            var code = CatalogCode.Normalize(issue);
            query = query.Where(c => c.IssueCode == code);
        }

        if (from is { } first)
        {
            query = query.Where(c => c.End >= first);
        }

        if (to is { } last)
        {
            query = query.Where(c => c.Start <= last);
        }

        return query.OrderBy(c => c.Start).ThenBy(c => c.Code).ToListAsync(cancellationToken);
    }

    /// <summary>The code of a readable agenda issue, or null with a problem keyed <c>issue</c>.</summary>
    private async Task<string?> IssueAsync(string? text, List<(string Field, Problem Problem)> problems, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(("issue", CrisisProblems.IssueRequired.With()));
            return null;
        }

        var code = CatalogCode.Normalize(text);
        if (!await db.AgendaIssues.AnyAsync(i => i.Code == code, cancellationToken))
        {
            problems.Add(("issue", CrisisProblems.UnknownIssue.With(text.Length <= 40 ? text.Trim() : string.Concat(text.AsSpan(0, 40), "…"))));
            return null;
        }

        return code;
    }

    private static string Text(string? value, string field, int max, bool multiline, List<(string Field, Problem Problem)> problems)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length > max)
        {
            problems.Add((field, CrisisProblems.TooLong.With(max)));
        }
        else if (PlainText.Check(trimmed, multiline) is { } problem)
        {
            problems.Add((field, problem));
        }
        else if (trimmed.Length > 0 && PlainText.IsInvisible(trimmed))
        {
            problems.Add((field, TextProblems.Invisible.With()));
        }

        return trimmed;
    }
}
