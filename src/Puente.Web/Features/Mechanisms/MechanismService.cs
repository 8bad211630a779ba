using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Text;

namespace Puente.Web.Features.Mechanisms;

/// <summary>Mechanisms for the pages and the API: the search, and the fields only mechanisms have.</summary>
public sealed class MechanismService(PuenteDbContext db, IStringLocalizer<SharedResource> t) : RecordService<Mechanism, MechanismInput>(db, t)
{
    protected override IQueryable<Mechanism> Query => Db.Mechanisms.Include(m => m.Track);

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
