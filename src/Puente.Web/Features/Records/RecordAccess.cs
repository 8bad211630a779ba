using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Records;
using Puente.Core.Text;

namespace Puente.Web.Features.Records;

/// <summary>Who may read a record, as a person enters it: level, owning side, and the users and groups of a Restricted record.</summary>
public sealed class AccessInput
{
    public string? Confidentiality { get; set; }
    public string? OwnerSide { get; set; }

    /// <summary>"user:NAME" or "group:NAME" entries.</summary>
    public List<string>? Grants { get; set; }
}

/// <summary>The validated access of a record.</summary>
public sealed record ValidAccess(Confidentiality Confidentiality, Side OwnerSide, IReadOnlyList<string> Principals);

/// <summary>Validates and stores the access part of every editable record, the same way for the UI and the API.</summary>
public static class RecordAccess
{
    public const int MaxGrants = 50;

    /// <summary>
    /// Validates the access a person asks for. On an update (<paramref name="existing"/> given) an omitted field keeps the
    /// record's value, and only administrators may move a record to another side or change who may read a record their
    /// side does not own: an editor of one side must not be able to take the other side's record, or hide it from them.
    /// </summary>
    public static async Task<ValidAccess?> ValidateAsync(AccessInput input, ContentRecord? existing, PuenteDbContext db, Viewer viewer,
        FieldErrors errors, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var privileged = viewer.IsAdministrator || viewer.IsSystem;
        var confidentiality = existing?.Confidentiality ?? Core.Access.Confidentiality.Shared;
        if (!string.IsNullOrWhiteSpace(input.Confidentiality) && !EnumText.TryParse(input.Confidentiality, out confidentiality))
        {
            errors.Add("confidentiality", t["Unknown confidentiality '{0}'. Use Shared, Internal or Restricted.", input.Confidentiality]);
        }

        var side = existing?.OwnerSide ?? viewer.Side ?? Side.Joint;
        if (!string.IsNullOrWhiteSpace(input.OwnerSide))
        {
            if (!EnumText.TryParse(input.OwnerSide, out side))
            {
                errors.Add("ownerSide", t["Unknown side '{0}'. Use MX, US or Joint.", input.OwnerSide]);
            }
            else if (!privileged && (existing is null ? side != viewer.Side : side != existing.OwnerSide))
            {
                errors.Add("ownerSide", t["You can only file records for your own side."]);
            }
        }

        if (!privileged && existing is not null && existing.OwnerSide != viewer.Side && confidentiality != existing.Confidentiality)
        {
            errors.Add("confidentiality", t["Only the owning side can change who may read this record."]);
        }

        var principals = new List<string>();
        var grants = (input.Grants ?? []).Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (grants.Count > MaxGrants)
        {
            errors.Add("grants", t["At most {0} users and groups.", MaxGrants]);
        }

        foreach (var grant in grants.Take(MaxGrants))
        {
            if (grant.StartsWith(Principals.GroupPrefix, StringComparison.OrdinalIgnoreCase) && Principals.IsValidGroup(grant[Principals.GroupPrefix.Length..]))
            {
                principals.Add(Principals.ForGroup(grant[Principals.GroupPrefix.Length..]));
            }
            else if (grant.StartsWith(Principals.UserPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var name = grant[Principals.UserPrefix.Length..].Trim().ToUpperInvariant();
                var id = await db.Users.Where(u => u.NormalizedUserName == name).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
                if (id is null)
                {
                    errors.Add("grants", t["No user named '{0}'.", grant[Principals.UserPrefix.Length..]]);
                }
                else
                {
                    principals.Add(Principals.ForUser(id));
                }
            }
            else
            {
                errors.Add("grants", t["'{0}' is neither user:NAME nor group:NAME.", grant]);
            }
        }

        var current = existing is null ? [] : await db.RecordGrants.Where(g => g.RecordId == existing.Id).Select(g => g.Principal).ToListAsync(cancellationToken);
        if (existing is not null && input.Grants is null)
        {
            principals.AddRange(current); // omitted: the record keeps its readers
        }

        var guarded = !privileged && existing is { Confidentiality: Core.Access.Confidentiality.Restricted } && existing.OwnerSide != viewer.Side;
        if (guarded && !current.ToHashSet(StringComparer.Ordinal).SetEquals(principals))
        {
            errors.Add("grants", t["Only the owning side can change who may read this record."]);
        }
        else if (!guarded && confidentiality == Core.Access.Confidentiality.Restricted && viewer.UserId is not null)
        {
            // Whoever restricts a record keeps reading it.
            principals.Add(Principals.ForUser(viewer.UserId));
        }

        return errors.Any ? null : new ValidAccess(confidentiality, side, principals.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>Applies the access to a tracked record and replaces its grants (audited with the change).</summary>
    public static async Task ApplyAsync(PuenteDbContext db, ContentRecord record, ValidAccess access, CancellationToken cancellationToken)
    {
        record.Confidentiality = access.Confidentiality;
        record.OwnerSide = access.OwnerSide;
        var wanted = access.Confidentiality == Core.Access.Confidentiality.Restricted ? access.Principals : [];
        var existing = await db.RecordGrants.Where(g => g.RecordId == record.Id).ToListAsync(cancellationToken);
        db.RecordGrants.RemoveRange(existing.Where(g => !wanted.Contains(g.Principal)));
        foreach (var principal in wanted.Where(p => existing.All(g => g.Principal != p)))
        {
            db.RecordGrants.Add(new RecordGrant { RecordId = record.Id, Principal = principal });
        }
    }

    /// <summary>The record's grants as a person reads them (user names, group names).</summary>
    public static async Task<List<string>> DescribeGrantsAsync(PuenteDbContext db, Guid recordId, CancellationToken cancellationToken)
    {
        var principals = await db.RecordGrants.Where(g => g.RecordId == recordId).Select(g => g.Principal).ToListAsync(cancellationToken);
        var userIds = principals.Where(p => p.StartsWith(Principals.UserPrefix, StringComparison.Ordinal))
            .Select(p => p[Principals.UserPrefix.Length..]).ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, cancellationToken);
        return [.. principals.Select(p => p.StartsWith(Principals.UserPrefix, StringComparison.Ordinal)
            ? Principals.UserPrefix + (names.GetValueOrDefault(p[Principals.UserPrefix.Length..]) ?? "?")
            : p).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Whether every reader of <paramref name="record"/> can read each of the records <paramref name="ids"/> names in
    /// <paramref name="set"/> (read past the viewer's filter: the answer is about them, not the editor), by
    /// <see cref="Readership.ReadableByAllReadersOf"/>. A record that names another must pass this, or some of its
    /// readers would meet a name hidden from them (decision 0022).
    /// </summary>
    public static async Task<bool> NamedAreAsOpenAsync<TNamed>(IQueryable<TNamed> set, IReadOnlyCollection<Guid> ids, ContentRecord record,
        CancellationToken cancellationToken)
        where TNamed : ContentRecord
    {
        if (ids.Count == 0)
        {
            return true;
        }

        var named = await set.IgnoreQueryFilters().AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new { x.Confidentiality, x.OwnerSide }).ToListAsync(cancellationToken);
        return named.All(x => Readership.ReadableByAllReadersOf(x.Confidentiality, x.OwnerSide, record.Confidentiality, record.OwnerSide));
    }

    /// <summary>
    /// Checks a text field: its length, no control characters (newline and tab allowed when <paramref name="multiline"/>),
    /// no direction overrides, and, when not empty, at least one visible character (see <see cref="PlainText"/>).
    /// Returns the trimmed value.
    /// </summary>
    public static string Text(string? value, string field, int max, FieldErrors errors, IStringLocalizer t, bool multiline = false)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length > max)
        {
            errors.Add(field, t["At most {0} characters.", max]);
        }
        else if (PlainText.Check(trimmed, multiline) is { } problem)
        {
            errors.Add(field, t.Localize(problem));
        }
        else if (trimmed.Length > 0 && PlainText.IsInvisible(trimmed))
        {
            errors.Add(field, t.Localize(TextProblems.Invisible.With()));
        }

        return trimmed;
    }
}
