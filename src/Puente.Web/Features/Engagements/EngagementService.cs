using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Audit;
using Puente.Core.Catalog;
using Puente.Core.Localization;
using Puente.Core.Memory;
using Puente.Core.Records;
using Puente.Core.Text;
using Puente.Web.Features.Posts;

namespace Puente.Web.Features.Engagements;

/// <summary>
/// Engagements for the pages, the API and the import: their own fields and participants (written with the engagement,
/// in one audited save, and always with its access), the list filters, the sessions of a mechanism, and attachments.
/// </summary>
public sealed class EngagementService(PuenteDbContext db, IStringLocalizer<SharedResource> t) : RecordService<Engagement, EngagementInput>(db, t)
{
    public const int MaxSessions = 1000;
    public const int MaxAttachments = 50;
    public const int SessionMax = 10_000;

    private List<Participant>? _participants;

    protected override IQueryable<Engagement> Query => Db.Set<Engagement>().Include(e => e.Mechanism);

    /// <summary>Checks the filter's values and resolves its codes; the problems come back keyed by parameter.</summary>
    public async Task<FieldErrors> PrepareAsync(EngagementFilter filter, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        filter.Tenures = Db.Set<Tenure>();
        filter.Participants = Db.Set<Participant>();
        if (!string.IsNullOrWhiteSpace(filter.From))
        {
            filter.FromDay = IsoDate.TryParse(filter.From, out var from) ? from : Bad("from", filter.From);
        }

        if (!string.IsNullOrWhiteSpace(filter.To))
        {
            filter.ToDay = IsoDate.TryParse(filter.To, out var to) ? to : Bad("to", filter.To);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            if (EnumText.TryParse<EngagementKind>(filter.Kind, out var kind))
            {
                filter.KindValue = kind;
            }
            else
            {
                errors.Add("kind", Text["Unknown kind '{0}'.", filter.Kind]);
            }
        }

        filter.MechanismId = await FilterIdAsync(Db.Mechanisms, filter.Mechanism, filter, cancellationToken);
        filter.PersonId = await FilterIdAsync(Db.Set<Person>(), filter.Person, filter, cancellationToken);
        filter.PostId = await FilterIdAsync(Db.Set<Post>(), filter.Post, filter, cancellationToken);
        filter.ActorId = await FilterIdAsync(Db.Actors, filter.Actor, filter, cancellationToken);
        return errors;

        DateOnly? Bad(string field, string value)
        {
            errors.Add(field, Text["'{0}' is not a date (YYYY-MM-DD, 1900–2200).", value]);
            return null;
        }
    }

    private static async Task<Guid?> FilterIdAsync<TRecord>(IQueryable<TRecord> records, string? code, EngagementFilter filter, CancellationToken cancellationToken)
        where TRecord : ContentRecord
    {
        var (id, missing) = await RecordLookup.FilterIdAsync(records, code, cancellationToken);
        filter.NothingMatches |= missing;
        return id;
    }

    /// <summary>The sessions of a mechanism (its engagements), oldest first.</summary>
    public Task<List<Engagement>> SessionsAsync(Guid mechanism, CancellationToken cancellationToken) =>
        Query.AsNoTracking().Where(e => e.MechanismId == mechanism).OrderBy(e => e.StartUtc).ThenBy(e => e.Code)
            .Take(MaxSessions).ToListAsync(cancellationToken);

    /// <summary>The first <paramref name="count"/> readable engagements the prepared filter matches, in its order, without
    /// counting them all (a briefing's history: the count is what costs at the memory's size).</summary>
    public Task<List<Engagement>> FirstAsync(EngagementFilter filter, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Prepare(filter);
        return Shape(filter.Apply(ReadQuery).Take(count)).ToListAsync(cancellationToken);
    }

    /// <summary>One engagement's participants, with the post each person held that day when none was given.</summary>
    public async Task<List<ParticipantDto>> ParticipantsAsync(Engagement engagement, CultureInfo culture, CancellationToken cancellationToken)
    {
        // A participant whose person or post the reader cannot read is left out, not shown as an unnamed delegation.
        var participants = (await Db.Set<Participant>().AsNoTracking().Include(p => p.Person).Include(p => p.Post)
            .Where(p => p.ParentId == engagement.Id).OrderBy(p => p.SortOrder).ToListAsync(cancellationToken))
            .Where(p => !Hidden(p)).ToList();
        var people = participants.Where(p => p.PostId == null && p.Person != null).Select(p => p.Person!.Id).Distinct().ToList();
        var day = engagement.StartDate;
        var held = await Db.Set<Tenure>().AsNoTracking().Include(x => x.Post)
            .Where(x => people.Contains(x.PersonId) && x.From <= day && (x.To == null || x.To > day))
            .ToListAsync(cancellationToken);
        return [.. participants.Select(p =>
        {
            var post = p.Post;
            var fromTenure = false;
            if (post is null && p.Person is not null)
            {
                post = held.Where(x => x.PersonId == p.Person.Id && x.Post is not null).OrderBy(x => x.Post!.Seniority).ThenBy(x => x.Acting)
                    .Select(x => x.Post).FirstOrDefault();
                fromTenure = post is not null;
            }

            return new ParticipantDto(p.Person is null ? null : PostService.PersonOf(p.Person), post is null ? null : PostService.PostOf(post, culture),
                fromTenure, p.Country.Length > 0 ? p.Country : post?.Country ?? "", (p.Seniority ?? post?.Seniority)?.ToString(), p.Lead,
                Bilingual.Pick(p.Role, p.RoleEs, culture), p.Role, p.RoleEs);
        })];
    }

    /// <summary>A participant naming a person or post the reader cannot read (the navigation came back empty).</summary>
    internal static bool Hidden(Participant p) => (p.PersonId is not null && p.Person is null) || (p.PostId is not null && p.Post is null);

    /// <summary>The readable attachments of an engagement.</summary>
    public async Task<List<AttachmentDto>> AttachmentsAsync(Engagement engagement, string pathBase, CancellationToken cancellationToken)
    {
        var list = await Db.Set<EngagementAttachment>().AsNoTracking().Where(a => a.ParentId == engagement.Id)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.FileName).Take(MaxAttachments).ToListAsync(cancellationToken);
        return [.. list.Select(a => new AttachmentDto(a.Id, a.FileName, a.Type.ToString(), a.Length, a.Sha256, a.CreatedAt, a.CreatedBy,
            $"{pathBase}/api/v1/engagements/{engagement.Id}/attachments/{a.Id}"))];
    }

    /// <summary>Creates or updates an engagement; a new one without a code gets one made from its date, an edit without
    /// one keeps its own.</summary>
    public Task<(Engagement? Record, FieldErrors Errors)> SaveEngagementAsync(EngagementInput input, Engagement? existing, CancellationToken cancellationToken)
    {
        if (existing is null && string.IsNullOrWhiteSpace(input.Code))
        {
            var day = input.Start is { Length: >= 10 } s && IsoDate.TryParse(s[..10], out var d) ? d.ToString("yyyyMMdd", CultureInfo.InvariantCulture) : "X";
            input.Code = $"E-{day}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";
        }

        else if (existing is not null && string.IsNullOrWhiteSpace(input.Code))
        {
            // An edit that omits the code keeps it (the code of an engagement is usually made, not chosen).
            input.Code = existing.Code;
        }

        return SaveAsync(input, existing, cancellationToken);
    }

    protected override async Task<Action<Engagement>> ValidateAsync(EngagementInput input, Engagement? existing, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (!EnumText.TryParse<EngagementKind>(input.Kind, out var kind))
        {
            errors.Add("kind", Text["Unknown kind '{0}'. Use one of {1}.", input.Kind ?? "", string.Join(", ", Enum.GetNames<EngagementKind>())]);
        }

        var zone = LocalTime.Zone(input.TimeZone);
        if (zone is null)
        {
            errors.Add("timeZone", Text["Unknown time zone '{0}'. Use an IANA zone such as America/Mexico_City.", input.TimeZone ?? ""]);
        }

        var start = LocalDateTime(input.Start, "start", required: true, errors);
        var end = LocalDateTime(input.End, "end", required: false, errors) ?? start;
        var allDay = start is { AllDay: true } && end is { AllDay: true };
        if (start is not null && end is not null && start.Value.AllDay != end.Value.AllDay)
        {
            errors.Add("end", Text["Give the start and the end both as dates, or both as date and time."]);
        }
        else if (start is not null && end is not null && end.Value.Value < start.Value.Value)
        {
            errors.Add("end", Text["The end is before the start."]);
        }

        DateTime? startUtc = null, endUtc = null;
        if (zone is not null && start is not null && end is not null)
        {
            startUtc = LocalTime.ToUtc(start.Value.Value, zone);
            endUtc = LocalTime.ToUtc(end.Value.Value, zone);
            if (startUtc is null || endUtc is null)
            {
                errors.Add(startUtc is null ? "start" : "end", Text["That local time does not exist in {0} (the clocks skip it).", zone.Id]);
            }
        }

        var place = RecordAccess.Text(input.Place, "place", Engagement.PlaceMaxLength, errors, Text);
        Mechanism? mechanism = null;
        // A mechanism the editor cannot read loads as null and the form cannot show it: an edit that names none keeps it.
        var keepHiddenMechanism = existing is { MechanismId: not null, Mechanism: null } && string.IsNullOrWhiteSpace(input.Mechanism);
        if (!string.IsNullOrWhiteSpace(input.Mechanism))
        {
            mechanism = await RecordLookup.FindAsync(Db.Mechanisms, input.Mechanism, cancellationToken);
            if (mechanism is null)
            {
                errors.Add("mechanism", Text["Unknown mechanism '{0}'.", input.Mechanism]);
            }
        }

        if (input.Session is < 1 or > SessionMax)
        {
            errors.Add("session", Text["A session number is between 1 and {0}.", SessionMax]);
        }
        else if (input.Session is not null && mechanism is null && !keepHiddenMechanism)
        {
            errors.Add("session", Text["A session number needs the mechanism it is a session of."]);
        }

        var tracks = await RecordLookup.CodesAsync(input.Tracks, Db.Tracks.Select(x => x.Code), "tracks", Engagement.MaxCodes, errors, Text, cancellationToken);
        var issues = await RecordLookup.CodesAsync(input.Issues, Db.AgendaIssues.Select(x => x.Code), "issues", Engagement.MaxCodes, errors, Text, cancellationToken);
        var outcomesEn = RecordAccess.Text(input.OutcomesEn, "outcomesEn", Engagement.OutcomesMaxLength, errors, Text, multiline: true);
        var outcomesEs = RecordAccess.Text(input.OutcomesEs, "outcomesEs", Engagement.OutcomesMaxLength, errors, Text, multiline: true);
        var sources = new List<string>();
        if (input.Sources is { Count: > Engagement.MaxSources })
        {
            errors.Add("sources", Text["At most {0} sources.", Engagement.MaxSources]);
        }
        else
        {
            foreach (var source in input.Sources ?? [])
            {
                var url = RecordAccess.Text(source, "sources", Engagement.SourceMaxLength, errors, Text);
                if (url.Length == 0)
                {
                    continue;
                }

                if (!WebAddress.IsValid(url))
                {
                    errors.Add("sources", Text["A web address starts with http:// or https://."]);
                    break;
                }

                sources.Add(url);
            }
        }

        var certainty = Certainty.Unrated;
        if (!string.IsNullOrWhiteSpace(input.Certainty) && !EnumText.TryParse(input.Certainty, out certainty))
        {
            errors.Add("certainty", Text["Unknown certainty '{0}'. Use Verified, SingleSource, Memory or Unrated.", input.Certainty]);
        }

        var certaintyNote = RecordAccess.Text(input.CertaintyNote, "certaintyNote", Engagement.CertaintyNoteMaxLength, errors, Text);
        var certaintyNoteEs = RecordAccess.Text(input.CertaintyNoteEs, "certaintyNoteEs", Engagement.CertaintyNoteMaxLength, errors, Text);
        _participants = input.Participants is null ? null : await ParticipantsAsync(input.Participants, errors, cancellationToken);

        return e =>
        {
            e.Kind = kind;
            e.TimeZone = zone!.Id;
            e.AllDay = allDay;
            e.StartLocal = start!.Value.Value;
            e.EndLocal = end!.Value.Value;
            e.StartUtc = startUtc!.Value;
            e.EndUtc = endUtc!.Value;
            e.StartDate = DateOnly.FromDateTime(start.Value.Value);
            e.Place = place;
            if (!keepHiddenMechanism)
            {
                e.Mechanism = mechanism;
                e.MechanismId = mechanism?.Id;
            }

            e.SessionNumber = input.Session;
            e.TrackCodes = Engagement.JoinCodes(tracks);
            e.IssueCodes = Engagement.JoinCodes(issues);
            e.OutcomesEn = outcomesEn;
            e.OutcomesEs = outcomesEs;
            e.Sources = string.Join('\n', sources);
            e.Certainty = certainty;
            e.CertaintyNote = certaintyNote.Length == 0 ? null : certaintyNote;
            e.CertaintyNoteEs = certaintyNoteEs.Length == 0 ? null : certaintyNoteEs;
        };
    }

    /// <summary>The participants replace the list when given; every part takes the engagement's access.</summary>
    protected override async Task BeforeSaveAsync(Engagement record, FieldErrors errors, CancellationToken cancellationToken)
    {
        var parts = await Db.Set<Participant>().IgnoreQueryFilters().Where(p => p.ParentId == record.Id).ToListAsync(cancellationToken);
        var attachments = await Db.Set<EngagementAttachment>().IgnoreQueryFilters().Where(a => a.ParentId == record.Id).ToListAsync(cancellationToken);
        List<Participant> kept = [];
        if (_participants is { } replacement)
        {
            // The editor replaces the participants they can see. One whose person or post they cannot read was never
            // on their form: it stays, untouched and after theirs, rather than being deleted by an edit that did not
            // show it (its order is not rewritten: that would be a change, with an audit entry, of something hidden).
            var personIds = parts.Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value).ToList();
            var postIds = parts.Where(p => p.PostId is not null).Select(p => p.PostId!.Value).ToList();
            var readablePeople = await Db.Set<Person>().Where(x => personIds.Contains(x.Id)).Select(x => x.Id).ToListAsync(cancellationToken);
            var readablePosts = await Db.Set<Post>().Where(x => postIds.Contains(x.Id)).Select(x => x.Id).ToListAsync(cancellationToken);
            kept = [.. parts.Where(p => (p.PersonId is { } person && !readablePeople.Contains(person)) || (p.PostId is { } post && !readablePosts.Contains(post)))];
            if (replacement.Count + kept.Count > Participant.MaxPerEngagement)
            {
                errors.Add("participants", Text["At most {0} participants.", Participant.MaxPerEngagement]);
                return;
            }

            Db.RemoveRange(parts.Except(kept));
            var after = kept.Count == 0 ? 0 : kept.Max(p => p.SortOrder) + 1;
            foreach (var added in replacement)
            {
                added.SortOrder += after;
            }

            parts = [.. replacement, .. kept];
            Db.AddRange(replacement);
            if (Db.Entry(record).State == EntityState.Unchanged)
            {
                // The participants are part of the engagement: changing them is an edit of it (version, seed).
                Db.Entry(record).State = EntityState.Modified;
            }
        }

        foreach (var part in parts.Cast<RecordPart>().Concat(attachments))
        {
            part.FollowAccessOf(record);
        }

        // Those kept unseen were checked when they were added; this editor could not act on a problem with them.
        await CheckParticipantsAreAsOpenAsync(record, [.. parts.Except(kept)], errors, cancellationToken);
    }

    /// <summary>
    /// Every reader of an engagement reads all of it, its participants and their history included: a participant may
    /// name a person or post only if everyone who can read the engagement can read that person or post too (Shared;
    /// or Internal to the side an Internal engagement belongs to; or Restricted in a Restricted engagement). Otherwise
    /// a reader would learn, from the participant's role and history, of someone hidden from them.
    /// </summary>
    private async Task CheckParticipantsAreAsOpenAsync(Engagement record, List<Participant> parts, FieldErrors errors, CancellationToken cancellationToken)
    {
        var personIds = parts.Where(p => p.PersonId is not null).Select(p => p.PersonId!.Value).Distinct().ToList();
        var postIds = parts.Where(p => p.PostId is not null).Select(p => p.PostId!.Value).Distinct().ToList();
        var named = (await Db.Set<Person>().IgnoreQueryFilters().AsNoTracking().Where(x => personIds.Contains(x.Id))
                .Select(x => new { x.Id, x.Confidentiality, x.OwnerSide }).ToListAsync(cancellationToken))
            .Concat(await Db.Set<Post>().IgnoreQueryFilters().AsNoTracking().Where(x => postIds.Contains(x.Id))
                .Select(x => new { x.Id, x.Confidentiality, x.OwnerSide }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Id);
        for (var i = 0; i < parts.Count; i++)
        {
            foreach (var id in new[] { parts[i].PersonId, parts[i].PostId }.OfType<Guid>())
            {
                if (named.TryGetValue(id, out var other) && !(other.Confidentiality == Confidentiality.Shared
                    || (other.Confidentiality == Confidentiality.Internal && record.Confidentiality == Confidentiality.Internal && other.OwnerSide == record.OwnerSide)
                    || (other.Confidentiality == Confidentiality.Restricted && record.Confidentiality == Confidentiality.Restricted)))
                {
                    errors.Add($"participants[{i}]", Text["Someone who can read this engagement could not read this participant's person or post. Make the engagement as private as they are, or leave them out."]);
                    break;
                }
            }
        }
    }

    private async Task<List<Participant>> ParticipantsAsync(List<ParticipantInput> inputs, FieldErrors errors, CancellationToken cancellationToken)
    {
        var result = new List<Participant>();
        if (inputs.Count > Participant.MaxPerEngagement)
        {
            errors.Add("participants", Text["At most {0} participants.", Participant.MaxPerEngagement]);
            return result;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i] ?? new ParticipantInput();
            var field = $"participants[{i}]";
            var participant = new Participant { Id = Guid.CreateVersion7(), Code = RecordPart.NewCode(), SortOrder = i, Lead = input.Lead };
            if (!string.IsNullOrWhiteSpace(input.Person))
            {
                participant.Person = await RecordLookup.FindAsync(Db.Set<Person>(), input.Person, cancellationToken);
                if (participant.Person is null)
                {
                    errors.Add(field, Text["Unknown person '{0}'.", input.Person]);
                    continue;
                }

                participant.PersonId = participant.Person.Id;
            }

            if (!string.IsNullOrWhiteSpace(input.Post))
            {
                participant.Post = await RecordLookup.FindAsync(Db.Set<Post>(), input.Post, cancellationToken);
                if (participant.Post is null)
                {
                    errors.Add(field, Text["Unknown post '{0}'.", input.Post]);
                    continue;
                }

                participant.PostId = participant.Post.Id;
            }

            var side = (input.Side ?? "").Trim().ToUpperInvariant();
            if (side.Length > 0 && !Countries.ActorCountries.Contains(side))
            {
                errors.Add(field, Text["Unknown country '{0}'. Use one of {1}.", input.Side ?? "", string.Join(", ", Countries.ActorCountries)]);
                continue;
            }

            participant.Country = side.Length > 0 ? side : participant.Post?.Country ?? "";
            if (!string.IsNullOrWhiteSpace(input.Seniority))
            {
                if (!EnumText.TryParse<Seniority>(input.Seniority, out var seniority))
                {
                    errors.Add(field, Text["Unknown seniority '{0}'.", input.Seniority]);
                    continue;
                }

                participant.Seniority = seniority;
            }

            if (participant.Person is null && participant.Post is null && (participant.Country.Length == 0 || participant.Seniority is null))
            {
                errors.Add(field, Text["A participant is a person, a post, or a delegation with its country and seniority."]);
                continue;
            }

            participant.Role = RecordAccess.Text(input.Role, field, Participant.RoleMaxLength, errors, Text);
            participant.RoleEs = RecordAccess.Text(input.RoleEs, field, Participant.RoleMaxLength, errors, Text);
            result.Add(participant);
        }

        return result;
    }


    private (DateTime Value, bool AllDay)? LocalDateTime(string? text, string field, bool required, FieldErrors errors)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add(field, Text["Give a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)."]);
            }

            return null;
        }

        if (LocalTime.ParseLocal(text) is { } local)
        {
            return local;
        }

        errors.Add(field, Text["'{0}' is not a local date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM).", text]);
        return null;
    }

    /// <summary>
    /// Stores a file on an engagement after checking its size (at most <see cref="AttachmentTypes.MaxBytes"/>) and its
    /// type by content; the name is kept (without any path) with the extension of the type found.
    /// </summary>
    public async Task<(EngagementAttachment? Attachment, string? Problem)> AttachAsync(Engagement engagement, string? fileName, Stream content,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > AttachmentTypes.MaxBytes)
            {
                return (null, Text["A file is at most {0} MB.", AttachmentTypes.MaxBytes / (1024 * 1024)]);
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
        if (bytes.Length == 0)
        {
            return (null, Text["The file is empty."]);
        }

        if (AttachmentTypes.Detect(bytes) is not { } type)
        {
            return (null, Text["This file is not a PDF, Word or Excel document, an image (PNG, JPEG, GIF, WebP) or plain text."]);
        }

        var count = await Db.Set<EngagementAttachment>().IgnoreQueryFilters().CountAsync(a => a.ParentId == engagement.Id, cancellationToken);
        if (count >= MaxAttachments)
        {
            return (null, Text["An engagement has at most {0} attachments.", MaxAttachments]);
        }

        var attachment = new EngagementAttachment
        {
            Code = RecordPart.NewCode(),
            FileName = SafeFileName(fileName, type),
            Type = type,
            Length = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
        };
        // The access as it is now, not as it was when the upload began: the owner may have changed it meanwhile.
        var current = await Db.Set<Engagement>().IgnoreQueryFilters().AsNoTracking().Where(e => e.Id == engagement.Id)
            .Select(e => new { e.Confidentiality, e.OwnerSide }).FirstAsync(cancellationToken);
        attachment.FollowAccessOf(engagement);
        attachment.Confidentiality = current.Confidentiality;
        attachment.OwnerSide = current.OwnerSide;
        attachment.Id = Guid.CreateVersion7();
        Db.Add(attachment);
        Db.Add(new AttachmentContent { AttachmentId = attachment.Id, Data = bytes });
        await Db.SaveChangesAsync(cancellationToken);
        return (attachment, null);
    }

    /// <summary>A readable attachment and its bytes; the download is audited.</summary>
    public async Task<(EngagementAttachment Attachment, byte[] Data)?> DownloadAsync(Guid engagementId, Guid attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await Db.Set<EngagementAttachment>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == attachmentId && a.ParentId == engagementId, cancellationToken);
        // The engagement itself must be readable too: the file's copy of its access is only as fresh as its last save.
        if (attachment is null || !await Db.Set<Engagement>().AnyAsync(e => e.Id == engagementId, cancellationToken))
        {
            return null;
        }

        var data = await Db.Set<AttachmentContent>().AsNoTracking().Where(c => c.AttachmentId == attachment.Id).Select(c => c.Data)
            .FirstOrDefaultAsync(cancellationToken);
        if (data is null)
        {
            return null;
        }

        Db.RecordReadEvent(AuditAction.Downloaded, attachment, attachment.FileName);
        await Db.SaveChangesAsync(cancellationToken);
        return (attachment, data);
    }

    /// <summary>Removes a readable attachment (audited).</summary>
    public async Task<bool> DetachAsync(Guid engagementId, Guid attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await Db.Set<EngagementAttachment>().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ParentId == engagementId, cancellationToken);
        if (attachment is null || !Posts.PostService.MayRemove(Db.Viewer, attachment))
        {
            return false;
        }

        Db.Remove(attachment);
        await Db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The name without directories or control characters, at most 200 characters, with the type's extension.</summary>
    internal static string SafeFileName(string? name, AttachmentType type)
    {
        var baseName = Path.GetFileNameWithoutExtension(Path.GetFileName((name ?? "").Replace('\\', '/')));
        baseName = new string([.. baseName.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|'))]).Trim();
        if (baseName.Length == 0)
        {
            baseName = "attachment";
        }

        var extension = AttachmentTypes.Extension(type);
        var max = EngagementAttachment.FileNameMaxLength - extension.Length;
        return (baseName.Length > max ? baseName[..max] : baseName) + extension;
    }
}
