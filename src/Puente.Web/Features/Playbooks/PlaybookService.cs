using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Memory;
using Puente.Core.Records;
using Puente.Core.Warning;
using Puente.Web.Features.Posts;

namespace Puente.Web.Features.Playbooks;

/// <summary>
/// Playbooks for the pages, the API and the alerts: what a playbook answers (an agenda issue, an indicator or both),
/// the mechanism or channel to activate, the owner post and the steps in each language, all through the access filter.
/// A playbook is never more open than what it names (decision 0022's rule): its owner post, mechanism, indicator and
/// issue must be readable by every reader of the playbook.
/// </summary>
public sealed class PlaybookService(PuenteDbContext db, IStringLocalizer<SharedResource> t, PostService posts, TimeProvider time)
    : RecordService<Playbook, PlaybookInput>(db, t)
{
    protected override IQueryable<Playbook> Query => Db.Set<Playbook>()
        .Include(p => p.Indicator).Include(p => p.Mechanism).Include(p => p.OwnerPost);

    /// <summary>Today (UTC), the day the owner's holder is given for.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The readable playbooks of an agenda issue (those naming the issue, with or without an indicator), by code.</summary>
    public Task<List<Playbook>> OfIssueAsync(string issueCode, int max, CancellationToken cancellationToken) =>
        Db.Set<Playbook>().AsNoTracking().Where(p => p.IssueCode == issueCode).OrderBy(p => p.Code).Take(max).ToListAsync(cancellationToken);

    /// <summary>One playbook with its owner's holder today.</summary>
    public async Task<PlaybookDto> DetailsAsync(Playbook playbook, CultureInfo culture, CancellationToken cancellationToken)
    {
        var holder = playbook.OwnerPost is null ? null : await posts.HolderAsync(playbook.OwnerPostId, Today, cancellationToken);
        return new PlaybookDto(playbook, culture, holder);
    }

    protected override async Task<Action<Playbook>> ValidateAsync(PlaybookInput input, Playbook? existing, FieldErrors errors, CancellationToken cancellationToken)
    {
        string? issue = null;
        if (!string.IsNullOrWhiteSpace(input.Issue))
        {
            issue = CatalogCode.Normalize(input.Issue);
            if (!CatalogCode.IsValid(issue) || !await Db.AgendaIssues.AnyAsync(i => i.Code == issue, cancellationToken))
            {
                errors.Add("issue", Text["Unknown agenda issue '{0}'.", input.Issue]);
            }
        }

        var (indicator, keepIndicator) = await RelatedAsync(Db.Set<Indicator>(), input.Indicator, existing?.IndicatorId, "indicator",
            Text["Unknown indicator '{0}'.", input.Indicator ?? ""], errors, cancellationToken);
        if (issue is null && indicator is null && !keepIndicator && !errors.Has("issue", "indicator"))
        {
            errors.Add("issue", Text["Say what the playbook answers: an agenda issue, an indicator or both."]);
        }

        var (mechanism, keepMechanism) = await RelatedAsync(Db.Mechanisms, input.Mechanism, existing?.MechanismId, "mechanism",
            Text["Unknown mechanism '{0}'.", input.Mechanism ?? ""], errors, cancellationToken);
        var channelEn = RecordAccess.Text(input.ChannelEn, "channelEn", Playbook.ChannelMaxLength, errors, Text);
        var channelEs = RecordAccess.Text(input.ChannelEs, "channelEs", Playbook.ChannelMaxLength, errors, Text);
        if (mechanism is null && !keepMechanism && channelEn.Length == 0 && channelEs.Length == 0 && !errors.Has("mechanism", "channelEn", "channelEs"))
        {
            errors.Add("channelEn", Text["Name the mechanism or the channel to activate."]);
        }

        var owner = await OwnerAsync(input.Owner, existing?.OwnerPostId, errors, cancellationToken);
        var stepsEn = Steps(input.StepsEn, "stepsEn", errors);
        var stepsEs = Steps(input.StepsEs, "stepsEs", errors);
        if (stepsEn.Count == 0 && stepsEs.Count == 0 && !errors.Has("stepsEn", "stepsEs"))
        {
            errors.Add("stepsEn", Text["Give at least one step."]);
        }
        else if (stepsEn.Count > 0 && stepsEs.Count > 0 && stepsEn.Count != stepsEs.Count)
        {
            errors.Add("stepsEs", Text["Give as many steps in Spanish ({0}) as in English ({1}): they are one numbered list.", stepsEs.Count, stepsEn.Count]);
        }

        return p =>
        {
            p.IssueCode = issue;
            if (!keepIndicator)
            {
                p.Indicator = indicator;
                p.IndicatorId = indicator?.Id;
            }

            if (!keepMechanism)
            {
                p.Mechanism = mechanism;
                p.MechanismId = mechanism?.Id;
            }

            p.ChannelEn = channelEn;
            p.ChannelEs = channelEs;
            p.OwnerPost = owner;
            p.OwnerPostId = owner!.Id;
            p.StepsEn = PlaybookSteps.Join(stepsEn);
            p.StepsEs = PlaybookSteps.Join(stepsEs);
        };
    }

    /// <summary>
    /// A related record named by code: the readable one, or an unknown-code error. An edit that names none keeps one
    /// the editor cannot read (it was not on their form, so their save must not drop it).
    /// </summary>
    private static async Task<(TRecord? Record, bool Keep)> RelatedAsync<TRecord>(IQueryable<TRecord> set, string? code, Guid? current, string field, string unknown,
        FieldErrors errors, CancellationToken cancellationToken)
        where TRecord : ContentRecord
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            var hidden = current is { } id && !await set.AnyAsync(x => x.Id == id, cancellationToken);
            return (null, hidden);
        }

        var found = await RecordLookup.FindAsync(set, code.Trim(), cancellationToken);
        if (found is null)
        {
            errors.Add(field, unknown);
        }

        return (found, false);
    }

    private async Task<Post?> OwnerAsync(string? code, Guid? current, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            if (current is { } id && !await Db.Set<Post>().AnyAsync(p => p.Id == id, cancellationToken))
            {
                return await Db.Set<Post>().IgnoreQueryFilters().FirstAsync(p => p.Id == id, cancellationToken);
            }

            errors.Add("owner", Text["Name the post that owns the playbook (its code)."]);
            return null;
        }

        var post = await RecordLookup.FindAsync(Db.Set<Post>(), code.Trim(), cancellationToken);
        if (post is null)
        {
            errors.Add("owner", Text["Unknown post '{0}'.", code]);
        }

        return post;
    }

    private List<string> Steps(List<string>? input, string field, FieldErrors errors)
    {
        var steps = (input ?? []).SelectMany(s => PlaybookSteps.Split(s)).ToList();
        if (steps.Count > PlaybookSteps.MaxSteps)
        {
            errors.Add(field, Text["At most {0} steps.", PlaybookSteps.MaxSteps]);
            return [];
        }

        var checkedSteps = new List<string>(steps.Count);
        foreach (var step in steps)
        {
            checkedSteps.Add(RecordAccess.Text(step, field, PlaybookSteps.MaxStepLength, errors, Text));
        }

        if (PlaybookSteps.Join(checkedSteps).Length > Playbook.StepsMaxLength)
        {
            errors.Add(field, Text["At most {0} characters.", Playbook.StepsMaxLength]);
        }

        return checkedSteps;
    }

    /// <summary>
    /// A playbook's readers read its owner post, mechanism, indicator and issue: each must be as open as the playbook
    /// (Shared; Internal to the same side; Restricted in a Restricted one), or a reader would meet a record hidden from them.
    /// </summary>
    protected override async Task BeforeSaveAsync(Playbook record, FieldErrors errors, CancellationToken cancellationToken)
    {
        await CheckAsOpenAsync(Db.Set<Post>(), [record.OwnerPostId], record, "owner", errors, cancellationToken);
        if (record.MechanismId is { } mechanism)
        {
            await CheckAsOpenAsync(Db.Mechanisms, [mechanism], record, "mechanism", errors, cancellationToken);
        }

        if (record.IndicatorId is { } indicator)
        {
            await CheckAsOpenAsync(Db.Set<Indicator>(), [indicator], record, "indicator", errors, cancellationToken);
        }

        if (record.IssueCode is { } code)
        {
            var issue = await Db.AgendaIssues.IgnoreQueryFilters().Where(i => i.Code == code).Select(i => i.Id).ToListAsync(cancellationToken);
            await CheckAsOpenAsync(Db.AgendaIssues, issue, record, "issue", errors, cancellationToken);
        }
    }

    private async Task CheckAsOpenAsync<TNamed>(IQueryable<TNamed> set, List<Guid> ids, Playbook record, string field, FieldErrors errors,
        CancellationToken cancellationToken)
        where TNamed : ContentRecord
    {
        if (!await RecordAccess.NamedAreAsOpenAsync(set, ids, record, cancellationToken))
        {
            errors.Add(field, Text["Someone who can read this playbook could not read a record it names. Make the playbook as private as that record, or name another."]);
        }
    }
}
