using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Text;
using Puente.Core.Warning;

namespace Puente.Web.Features.Crises;

/// <summary>
/// Marked crises for the pages and the API: their days by <see cref="CrisisRules"/> (the rules <c>puente crises add</c>
/// applies too), a readable agenda issue, and, like every record, code, names and access. A crisis names its issue, so
/// it is never more open than the issue.
/// </summary>
public sealed class CrisisService(PuenteDbContext db, IStringLocalizer<SharedResource> t, TimeProvider time)
    : RecordService<MarkedCrisis, CrisisInput>(db, t)
{
    protected override IQueryable<MarkedCrisis> Query => Db.Set<MarkedCrisis>();

    protected override async Task<Action<MarkedCrisis>> ValidateAsync(CrisisInput input, MarkedCrisis? existing, FieldErrors errors, CancellationToken cancellationToken)
    {
        var problems = new List<(string Field, Problem Problem)>();
        var (start, end) = CrisisRules.Check(input.Start, input.End, time.GetUtcNow(), problems);
        foreach (var (field, problem) in problems)
        {
            errors.Add(field, Text.Localize(problem));
        }

        string? issue = null;
        if (string.IsNullOrWhiteSpace(input.Issue))
        {
            errors.Add("issue", Text.Localize(CrisisProblems.IssueRequired.With()));
        }
        else
        {
            issue = CatalogCode.Normalize(input.Issue);
            if (!CatalogCode.IsValid(issue) || !await Db.AgendaIssues.AnyAsync(i => i.Code == issue, cancellationToken))
            {
                errors.Add("issue", Text.Localize(CrisisProblems.UnknownIssue.With(input.Issue.Trim())));
            }
        }

        return c =>
        {
            c.Start = start;
            c.End = end;
            c.IssueCode = issue;
        };
    }

    /// <summary>A crisis's readers read the issue it names: the issue must be as open as the crisis.</summary>
    protected override async Task BeforeSaveAsync(MarkedCrisis record, FieldErrors errors, CancellationToken cancellationToken)
    {
        var issue = await Db.AgendaIssues.IgnoreQueryFilters().Where(i => i.Code == record.IssueCode).Select(i => i.Id).ToListAsync(cancellationToken);
        if (!await RecordAccess.NamedAreAsOpenAsync(Db.AgendaIssues, issue, record, cancellationToken))
        {
            errors.Add("issue", Text["Someone who can read this crisis could not read its agenda issue. Make the crisis as private as the issue."]);
        }
    }
}
