using System.Globalization;
using Puente.Core.Text;
using Puente.Core.Records;

namespace Puente.Core.Water;

/// <summary>What moved Mexico's water reserve in Lake Mead (Minute 323: deferred deliveries and recoverable savings).</summary>
public enum ReserveMovementKind
{
    /// <summary>Mexico deferred part of its allotment into the reserve.</summary>
    Deferral,

    /// <summary>Binational Water Scarcity Contingency Plan savings, recoverable later.</summary>
    ScarcitySavings,

    /// <summary>Mexico took water out of the reserve.</summary>
    Recovery,
}

public sealed record ReserveMovement(DateOnly Date, ReserveMovementKind Kind, decimal VolumeAf, string? DocumentReference = null)
{
    public decimal Change => Kind == ReserveMovementKind.Recovery ? -VolumeAf : VolumeAf;
}

/// <summary>A reserve movement as an audited record.</summary>
public sealed class ReserveMovementRecord : ContentRecord
{
    public DateOnly Date { get; set; }
    public ReserveMovementKind Kind { get; set; }
    public decimal VolumeAf { get; set; }
    public string? DocumentReference { get; set; }

    public override string Label => Code;

    public ReserveMovement ToMovement() => new(Date, Kind, VolumeAf, DocumentReference);
}

public static class ColoradoReserve
{
    /// <summary>The reserve's balance on a date: deferrals and savings in, recoveries out.</summary>
    public static decimal Balance(IEnumerable<ReserveMovement> movements, DateOnly asOf) =>
        movements.Where(m => m.Date <= asOf).Sum(m => m.Change);

    /// <summary>
    /// Why a movement's volume cannot be recorded, or null: volumes are positive, at most
    /// <see cref="WaterLimits.MaxReserveMovementAf"/>, and a recovery cannot exceed the balance on its date or on any
    /// later date.
    /// </summary>
    public static Problem? Check(IEnumerable<ReserveMovement> existing, ReserveMovement movement)
    {
        if (movement.VolumeAf <= 0)
        {
            return WaterProblems.NotPositive.With();
        }

        if (movement.VolumeAf > WaterLimits.MaxReserveMovementAf)
        {
            return WaterProblems.TooLarge.With(movement.VolumeAf, "AF", WaterLimits.MaxReserveMovementAf);
        }

        if (movement.Kind != ReserveMovementKind.Recovery)
        {
            return null;
        }

        // A recovery lowers the balance on its date and on every later date: it may take at most the lowest balance
        // from its date on, or a backdated recovery would push a later day's balance below zero.
        var list = existing.ToList();
        var (lowest, on) = list.Select(m => m.Date).Where(d => d > movement.Date).Prepend(movement.Date).Distinct()
            .Select(d => (Balance: Balance(list, d), Date: d)).MinBy(x => x.Balance);
        return movement.VolumeAf > lowest
            ? WaterProblems.RecoveryExceedsBalance.With(movement.VolumeAf, lowest, on.ToString(IsoDate.Format, CultureInfo.InvariantCulture))
            : null;
    }
}
