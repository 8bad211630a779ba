namespace Puente.Core.Water;

/// <summary>
/// A volume (acre-feet) known to have been delivered somewhere in cycle years <see cref="FirstYear"/> to
/// <see cref="LastYear"/> (1–5, both included, first &lt; last) but not in which of them: the growth of a running total
/// reported over several years.
/// </summary>
public sealed record YearsVolume(int FirstYear, int LastYear, decimal Af);
