namespace Puente.Core.Memory;

/// <summary>How sure a fact is, as the reference files tag it: [V], [S], [M]; <see cref="Unrated"/> for what people enter.</summary>
public enum Certainty
{
    Unrated = 0,
    Verified = 1,
    SingleSource = 2,
    Memory = 3,
}
