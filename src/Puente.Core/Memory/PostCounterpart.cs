using Puente.Core.Records;

namespace Puente.Core.Memory;

/// <summary>
/// Two posts that are each other's counterpart across the border, over a half-open period (null ends: always). Stored
/// once and read both ways (reciprocal by construction).
/// </summary>
public sealed class PostCounterpart : ContentRecord
{
    public Guid PostId { get; set; }
    public Post? Post { get; set; }
    public Guid CounterpartId { get; set; }
    public Post? Counterpart { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    public bool Covers(DateOnly day) => (From is null || From.Value <= day) && (To is null || day < To.Value);

    public override string Label => Code;
}
