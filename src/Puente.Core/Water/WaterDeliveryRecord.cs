using Puente.Core.Records;

namespace Puente.Core.Water;

/// <summary>A Rio Grande delivery entered by a person or imported from a weekly table (audited, access-filtered).</summary>
public sealed class WaterDeliveryRecord : ContentRecord
{
    public DateOnly Date { get; set; }
    public decimal VolumeAf { get; set; }
    public DeliverySource Source { get; set; }
    public string? DocumentReference { get; set; }

    public override string Label => Code;

    public Delivery ToDelivery() => new(Date, VolumeAf, Source, DocumentReference);
}
