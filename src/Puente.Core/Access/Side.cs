namespace Puente.Core.Access;

/// <summary>The government side a user or a record belongs to.</summary>
/// <remarks><see cref="Joint"/> is binational staff (for example the water commission), a side of its own:
/// it does not see either government's internal material, and neither side sees Joint-internal material.</remarks>
public enum Side
{
    MX = 0,
    US = 1,
    Joint = 2,
}
