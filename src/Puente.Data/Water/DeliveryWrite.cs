using Puente.Core.Water;

namespace Puente.Data.Water;

/// <summary>How a write of one delivery ended: written, refused with field errors, or why it could not be tried.</summary>
public enum DeliveryWriteOutcome
{
    Written,

    /// <summary>Field errors in <see cref="DeliveryWrite.Errors"/>.</summary>
    Invalid,

    /// <summary>No such delivery, or the viewer may not read it.</summary>
    NotFound,

    /// <summary>The delivery was withdrawn; it is kept as it is.</summary>
    Withdrawn,

    /// <summary>The delivery changed since the version the writer read.</summary>
    Stale,
}

/// <summary>The outcome of writing one delivery and, when written, the record as saved.</summary>
public sealed record DeliveryWrite(DeliveryWriteOutcome Outcome, WaterDeliveryRecord? Record, IReadOnlyList<RowError> Errors)
{
    public static DeliveryWrite Of(DeliveryWriteOutcome outcome) => new(outcome, null, []);

    public static DeliveryWrite Invalid(IReadOnlyList<RowError> errors) => new(DeliveryWriteOutcome.Invalid, null, errors);
}
