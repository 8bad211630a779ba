using Puente.Core.Catalog;
using Puente.Core.Memory;
using Puente.Web.Features.Engagements;

namespace Puente.Web.Features.Mechanisms;

/// <summary>A mechanism, its sessions (its engagements, oldest first) and the date of the last one.</summary>
public sealed class DetailsModel(MechanismService mechanisms, EngagementService engagements, PuenteDbContext db)
    : RecordDetailsModel<Mechanism, MechanismInput>(mechanisms, db)
{
    public List<Engagement> Sessions { get; private set; } = [];

    /// <summary>The latest recorded session; null when none is.</summary>
    public Engagement? LastSession => Sessions.Count == 0 ? null : Sessions[^1];

    protected override async Task LoadAsync(Mechanism record, CancellationToken ct) =>
        Sessions = await engagements.SessionsAsync(record.Id, ct);
}
