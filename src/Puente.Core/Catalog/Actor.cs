using Puente.Core.Records;

namespace Puente.Core.Catalog;

/// <summary>An institution, post or organisation of the relationship.</summary>
public sealed class Actor : BilingualRecord
{
    public ActorType Type { get; set; }

    /// <summary>See <see cref="Countries.ActorCountries"/>.</summary>
    public string Country { get; set; } = "";

    public GovernmentLevel Level { get; set; }
    public Guid? TrackId { get; set; }
    public Track? Track { get; set; }
    public Guid? ParentId { get; set; }
    public Actor? Parent { get; set; }
    public string? City { get; set; }

    /// <summary>U.S. state code or Mexican state name.</summary>
    public string? Region { get; set; }

    public string? Website { get; set; }

    public override string Label => Code;
}
