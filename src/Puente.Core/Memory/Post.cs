using Puente.Core.Catalog;
using Puente.Core.Records;

namespace Puente.Core.Memory;

/// <summary>An office at an actor (the Secretary of Foreign Affairs at the SRE, the consul in Los Angeles…). Who holds
/// it when is in its <see cref="Tenure"/>s; its counterparts across the border in <see cref="PostCounterpart"/>s.</summary>
public sealed class Post : BilingualRecord
{
    public Guid ActorId { get; set; }
    public Actor? Actor { get; set; }

    /// <summary>Whose office it is (see <see cref="Countries.ActorCountries"/>); the U.S. ambassador to Mexico is "US".</summary>
    public string Country { get; set; } = "";

    public Seniority Seniority { get; set; }

    public override string Label => Code;
}
