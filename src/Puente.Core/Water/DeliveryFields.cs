namespace Puente.Core.Water;

/// <summary>
/// One delivery as typed — a row of a weekly table or the recording form — before it is checked: the date
/// (YYYY-MM-DD), the volume as text, its unit (AF, m3 or Mm3), the source, and an optional document reference.
/// </summary>
public sealed record DeliveryFields(string Date, string Volume, string Unit, string Source, string? Document);
