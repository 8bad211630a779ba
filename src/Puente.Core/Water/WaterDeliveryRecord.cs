using Puente.Core.Records;

namespace Puente.Core.Water;

/// <summary>
/// A Rio Grande delivery entered by a person or imported from a weekly table (audited, access-filtered). A delivery
/// recorded by mistake is corrected or withdrawn, never deleted: a withdrawn delivery stays as a record with its reason
/// but leaves the ledger and frees its week.
/// </summary>
public sealed class WaterDeliveryRecord : ContentRecord
{
    private DateOnly _date;

    public DateOnly Date
    {
        get => _date;
        set
        {
            _date = value;
            WeekOf = Withdrawn ? null : DeliveryImport.WeekOf(value);
        }
    }

    public decimal VolumeAf { get; set; }
    public DeliverySource Source { get; set; }
    public string? DocumentReference { get; set; }

    /// <summary>
    /// The Monday of the delivery's week while it counts, null once withdrawn. The database holds one delivery per
    /// week and source with a unique index on (<see cref="WeekOf"/>, <see cref="Source"/>); nulls never collide, so a
    /// withdrawn delivery does not block its replacement.
    /// </summary>
    public DateOnly? WeekOf { get; private set; }

    /// <summary>Withdrawn deliveries are kept as records (who and when: the audit trail) but do not count.</summary>
    public bool Withdrawn { get; private set; }

    /// <summary>Why the delivery was withdrawn (at most <see cref="WaterLimits.MaxReasonLength"/> characters).</summary>
    public string? WithdrawalReason { get; private set; }

    public override string Label => Code;

    public Delivery ToDelivery() => new(Date, VolumeAf, Source, DocumentReference);

    /// <summary>Takes the delivery out of the ledger and frees its week; the record and its history remain.</summary>
    public void Withdraw(string reason)
    {
        Withdrawn = true;
        WithdrawalReason = reason;
        WeekOf = null;
    }
}
