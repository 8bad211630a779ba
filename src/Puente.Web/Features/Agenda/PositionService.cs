using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Agenda;
using Puente.Core.Catalog;
using Puente.Core.Text;

namespace Puente.Web.Features.Agenda;

/// <summary>
/// Each side's positions on the agenda issues (docs/decisions/0039-issue-positions.md): a writer records only their own
/// side's position (<see cref="PositionRules"/>), a new one is Internal to that side unless they choose otherwise, and
/// its owning side is always its side. Reads go through the access filter like every record's.
/// </summary>
public sealed class PositionService(PuenteDbContext db, IStringLocalizer<SharedResource> t, TimeProvider time)
    : RecordService<IssuePosition, PositionInput>(db, t)
{
    protected override IQueryable<IssuePosition> Query => Db.Set<IssuePosition>().Include(p => p.AgendaIssue);

    /// <summary>
    /// Creates or updates a position; a new one without a code gets one (<c>POS-</c>, the day, 8 hex digits). A new one without an access is Internal, and without an owning side is filed by
    /// its side (the writer's own), so that a position is never Shared unless the writer says so.
    /// </summary>
    public Task<(IssuePosition? Record, FieldErrors Errors)> SavePositionAsync(PositionInput input, IssuePosition? existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.Code))
        {
            input.Code = existing?.Code ?? $"POS-{DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";
        }

        if (existing is null && string.IsNullOrWhiteSpace(input.Confidentiality))
        {
            input.Confidentiality = nameof(Core.Access.Confidentiality.Internal);
        }

        if (string.IsNullOrWhiteSpace(input.OwnerSide))
        {
            input.OwnerSide = existing?.Side.ToString() ?? (Db.Viewer.Side is Core.Access.Side.MX or Core.Access.Side.US ? Db.Viewer.Side.ToString() : input.Side);
        }

        return SaveAsync(input, existing, cancellationToken);
    }

    protected override async Task<Action<IssuePosition>> ValidateAsync(PositionInput input, IssuePosition? existing, FieldErrors errors, CancellationToken cancellationToken)
    {
        AgendaIssue? issue = null;
        if (string.IsNullOrWhiteSpace(input.Issue))
        {
            if (existing is null)
            {
                errors.Add("issue", Text["Name the agenda issue (its code)."]);
            }
        }
        else
        {
            issue = await RecordLookup.FindAsync(Db.AgendaIssues, input.Issue.Trim(), cancellationToken);
            if (issue is null)
            {
                errors.Add("issue", Text["Unknown agenda issue '{0}'.", input.Issue]);
            }
        }

        var problems = new List<(string Field, Problem Problem)>();
        var side = PositionRules.SideFor(Db.Viewer, input.Side, existing?.Side, problems);
        var statedOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrWhiteSpace(input.StatedOn))
        {
            if (!IsoDate.TryParse(input.StatedOn, out statedOn))
            {
                errors.Add("statedOn", Text["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", input.StatedOn]);
            }
            else if (statedOn > LatestToday())
            {
                errors.Add("statedOn", Text["The date {0} is in the future.", input.StatedOn.Trim()]);
            }
        }
        else if (existing is not null)
        {
            statedOn = existing.StatedOn;
        }

        foreach (var (field, problem) in problems)
        {
            errors.Add(field, Text.Localize(problem));
        }

        return p =>
        {
            if (issue is not null)
            {
                p.AgendaIssue = issue;
                p.AgendaIssueId = issue.Id;
            }

            p.Side = side!.Value;
            p.StatedOn = statedOn;
        };
    }

    private DateOnly LatestToday() => Core.Warning.CrisisRules.LatestToday(time.GetUtcNow());

    /// <summary>A position is filed by its side, and its readers read its issue: the issue must be as open as the position.</summary>
    protected override async Task BeforeSaveAsync(IssuePosition record, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (PositionRules.OwnerSideProblem(record.Side, record.OwnerSide) is { } problem)
        {
            errors.Add("ownerSide", Text.Localize(problem));
        }

        if (!await RecordAccess.NamedAreAsOpenAsync(Db.AgendaIssues, [record.AgendaIssueId], record, cancellationToken))
        {
            errors.Add("issue", Text["Someone who can read this position could not read its agenda issue. Make the position as private as the issue."]);
        }
    }
}
