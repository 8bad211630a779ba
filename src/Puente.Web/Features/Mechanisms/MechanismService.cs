using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Puente.Core.Catalog;
using Puente.Data;
using Puente.Web.Features.Records;
using Puente.Core.Text;

namespace Puente.Web.Features.Mechanisms;

/// <summary>Reads and writes mechanisms for the pages and the API. Reads go through the context's access filter.</summary>
public sealed class MechanismService(PuenteDbContext db, IStringLocalizer<SharedResource> t)
{
    public async Task<(List<Mechanism> Items, int Total)> SearchAsync(MechanismFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Mechanisms.AsNoTracking().Include(m => m.Track).AsQueryable();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + Search.EscapeLike(filter.Q.Trim().ToLowerInvariant()) + "%";
#pragma warning disable CA1304, CA1311 // string.ToLower() here is translated to SQL lower(), not run in .NET
            query = query.Where(m => EF.Functions.Like(m.Code.ToLower(), pattern, "\\")
                || EF.Functions.Like(m.NameEn.ToLower(), pattern, "\\")
                || EF.Functions.Like(m.NameEs.ToLower(), pattern, "\\"));
#pragma warning restore CA1304, CA1311
        }

        if (!string.IsNullOrWhiteSpace(filter.Track))
        {
            var track = filter.Track.Trim().ToUpperInvariant();
            query = query.Where(m => m.Track != null && m.Track.Code == track);
        }

        if (!string.IsNullOrWhiteSpace(filter.Participant))
        {
            var participant = "%," + Search.EscapeLike(filter.Participant.Trim().ToUpperInvariant()) + ",%";
            query = query.Where(m => EF.Functions.Like("," + m.Participants + ",", participant, "\\"));
        }

        if (EnumText.TryParse<Cadence>(filter.Cadence, out var cadence))
        {
            query = query.Where(m => m.Cadence == cadence);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(m => m.Code).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>A readable mechanism by id or code; null when none (or not readable, which looks the same).</summary>
    public Task<Mechanism?> FindAsync(string idOrCode, bool track, CancellationToken cancellationToken) =>
        RecordLookup.FindAsync((track ? db.Mechanisms : db.Mechanisms.AsNoTracking()).Include(m => m.Track), idOrCode, cancellationToken);

    public async Task<(Mechanism? Mechanism, FieldErrors Errors)> SaveAsync(MechanismInput input, Mechanism? existing, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var code = await RecordLookup.CodeAsync(db.Mechanisms, input.Code, existing?.Id, errors, t, cancellationToken);
        var (nameEn, nameEs, descriptionEn, descriptionEs) = RecordLookup.Names(input.NameEn, input.NameEs, input.DescriptionEn, input.DescriptionEs, errors, t);
        var established = RecordAccess.Text(input.Established, "established", 20, errors, t);

        var participants = Countries.ParseParticipants(string.Join(',', input.Participants ?? []));
        if (participants is null || participants.Count == 0)
        {
            errors.Add("participants", t["Name the participants: {0}.", string.Join(", ", Countries.Participants)]);
        }

        if (!EnumText.TryParse<Cadence>(input.Cadence, out var cadence))
        {
            errors.Add("cadence", t["Unknown cadence '{0}'.", input.Cadence ?? ""]);
        }

        var trackRecord = await RecordLookup.TrackAsync(db, input.TrackCode, errors, t, cancellationToken);

        var access = await RecordAccess.ValidateAsync(input.Access, db, db.Viewer, errors, t, cancellationToken);
        if (existing is not null && input.Version is null)
        {
            errors.Add("version", t["Give the version your edit is based on."]);
        }

        if (errors.Any || access is null)
        {
            return (null, errors);
        }

        var mechanism = RecordLookup.AddOrHoldVersion(db, existing, input.Version, () => new Mechanism());
        mechanism.Code = code;
        mechanism.NameEn = nameEn;
        mechanism.NameEs = nameEs;
        mechanism.DescriptionEn = descriptionEn;
        mechanism.DescriptionEs = descriptionEs;
        mechanism.Participants = string.Join(',', participants!);
        mechanism.Cadence = cadence;
        mechanism.Established = established.Length == 0 ? null : established;
        mechanism.Track = trackRecord;
        mechanism.TrackId = trackRecord?.Id;
        await RecordAccess.ApplyAsync(db, mechanism, access, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (mechanism, errors);
    }
}
