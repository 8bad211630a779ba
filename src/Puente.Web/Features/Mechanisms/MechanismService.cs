using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Puente.Core.Catalog;
using Puente.Core.Text;
using Puente.Data;
using Puente.Web.Features.Records;

namespace Puente.Web.Features.Mechanisms;

/// <summary>Mechanisms for the pages and the API: the search, and the fields only mechanisms have.</summary>
public sealed class MechanismService(PuenteDbContext db, IStringLocalizer<SharedResource> t) : RecordService<Mechanism, MechanismInput>(db, t)
{
    protected override IQueryable<Mechanism> Query => Db.Mechanisms.Include(m => m.Track);

    public Task<(List<Mechanism> Items, int Total)> SearchAsync(MechanismFilter filter, CancellationToken cancellationToken)
    {
        var query = Query.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = Search.LikePattern(filter.Q);
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

        return PageAsync(query.OrderBy(m => m.Code), filter.Page, filter.PageSize, cancellationToken);
    }

    protected override async Task<Action<Mechanism>> ValidateAsync(MechanismInput input, Mechanism? existing, FieldErrors errors, CancellationToken cancellationToken)
    {
        var established = RecordAccess.Text(input.Established, "established", 20, errors, Text);
        var participants = Countries.ParseParticipants(string.Join(',', input.Participants ?? []));
        if (participants is null || participants.Count == 0)
        {
            errors.Add("participants", Text["Name the participants: {0}.", string.Join(", ", Countries.Participants)]);
        }

        if (!EnumText.TryParse<Cadence>(input.Cadence, out var cadence))
        {
            errors.Add("cadence", Text["Unknown cadence '{0}'.", input.Cadence ?? ""]);
        }

        var track = await RecordLookup.TrackAsync(Db, input.TrackCode, errors, Text, cancellationToken);
        return mechanism =>
        {
            mechanism.Participants = string.Join(',', participants!);
            mechanism.Cadence = cadence;
            mechanism.Established = established.Length == 0 ? null : established;
            mechanism.Track = track;
            mechanism.TrackId = track?.Id;
        };
    }
}
