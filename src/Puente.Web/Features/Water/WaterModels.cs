using Puente.Core.Water;

namespace Puente.Web.Features.Water;

/// <summary>A delivery entered through the API.</summary>
public sealed record DeliveryInput(string? Date, decimal? Volume, string? Unit, string? Source, string? Document);

/// <summary>A correction of a recorded delivery: its fields as they should be, and the version the client read.</summary>
public sealed record DeliveryCorrection(string? Date, decimal? Volume, string? Unit, string? Source, string? Document, int? Version);

/// <summary>Why a delivery is withdrawn, and the version the client read.</summary>
public sealed record WithdrawInput(string? Reason, int? Version);

/// <summary>A storage reading entered through the API.</summary>
public sealed record ReadingInput(string? Date, string? Reservoir, decimal? UsOwnedAf, decimal? UsCapacityAf);

/// <summary>A reserve movement entered through the API.</summary>
public sealed record ReserveInput(string? Date, string? Kind, decimal? VolumeAf, string? Document);

/// <summary>One source's figure for a cycle's closing deficit.</summary>
public sealed record ClosingDeficitDto(decimal? Af, decimal? Mm3, string Source);

/// <summary>The Rio Grande cycle in force on a date.</summary>
public sealed record RioGrandeStatusResponse(int Cycle, DateOnly CycleStart, DateOnly CycleEnd, DateOnly AsOf, decimal DeliveredAf, decimal DeliveredM3,
    IReadOnlyList<decimal> DeliveredByCycleYearAf, decimal ProratedObligationAf, decimal BalanceAf, decimal BalanceM3, decimal CarriedDeficitAf,
    decimal CarriedDeficitRepaidAf, bool CarriedDeficitKnown, decimal RequiredAnnualPaceAf, decimal ProjectedEndBalanceAf,
    decimal ProjectedEndBalanceAtCyclePaceAf, int ElapsedDays, int CycleDays, IReadOnlyList<ClosingDeficitDto> ClosingDeficits);

/// <summary>One week of the balance series.</summary>
public sealed record BalancePoint(DateOnly Date, int Cycle, decimal BalanceAf, decimal DeliveredAf, decimal ProratedObligationAf)
{
    public static BalancePoint From(RioGrandeStatus s) => new(s.AsOf, s.Cycle, s.BalanceAf, s.DeliveredAf, s.ProratedObligationAf);
}

/// <summary>Next year's Colorado allotment to Mexico.</summary>
public sealed record AllotmentResponse(int Year, decimal ElevationFt, string Tier, decimal BaseAf, decimal SurplusAf, decimal GuidelineReductionAf,
    decimal BwscpSavingsAf, decimal FloodControlAf, decimal AllotmentAf, decimal AllotmentM3, string Minute);

/// <summary>A recorded year of the Colorado tier history.</summary>
public sealed record TierYearDto(int Year, decimal ElevationFt, string Tier, decimal AllotmentAf, string Source);

/// <summary>How many deliveries one request wrote; for one delivery, its id and version (to correct or withdraw it).</summary>
public sealed record WrittenResponse(int Written, Guid? Id = null, int? Version = null);

/// <summary>How many readings or movements one request recorded.</summary>
public sealed record RecordedResponse(int Recorded);

/// <summary>One problem of an import: row, field, and why (in the request language).</summary>
public sealed record ImportErrorDto(int Row, string Field, string Message);

/// <summary>The report of a delivery import: the first problems (at most DeliveryImport.MaxErrors) and how many there were in all.</summary>
public sealed record ImportResponse(int Rows, int Written, int Valid, IReadOnlyList<ImportErrorDto> Errors, int ProblemCount);

/// <summary>A movement of Mexico's Colorado reserve.</summary>
public sealed record ReserveItemDto(DateOnly Date, string Kind, decimal VolumeAf, string? Document);

/// <summary>Mexico's Colorado reserve on a date: its balance and one page of the movements up to then (oldest first).</summary>
public sealed record ReserveResponse(DateOnly AsOf, decimal BalanceAf, IReadOnlyList<ReserveItemDto> Items, int Total, int Page, int PageSize);

/// <summary>
/// A delivery people recorded (not the seeded history), as far as the reader may see it. A withdrawn one is kept and
/// listed (with its reason; who and when are its last update) but does not count in the ledger.
/// </summary>
public sealed record RecordedDeliveryDto(Guid Id, string Code, DateOnly Date, decimal VolumeAf, string Source, string? Document,
    string Confidentiality, string OwnerSide, string CreatedBy, DateTimeOffset CreatedAt, int Version, bool Withdrawn, string? WithdrawalReason,
    string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static RecordedDeliveryDto From(WaterDeliveryRecord d) => new(d.Id, d.Code, d.Date, d.VolumeAf, d.Source.ToString(), d.DocumentReference,
        d.Confidentiality.ToString(), d.OwnerSide.ToString(), d.CreatedBy, d.CreatedAt, d.Version, d.Withdrawn, d.WithdrawalReason, d.UpdatedBy, d.UpdatedAt);
}

/// <summary>A storage reading people recorded.</summary>
public sealed record StorageReadingDto(Guid Id, string Code, DateOnly Date, string Reservoir, decimal UsOwnedAf, decimal UsCapacityAf, bool Full,
    string Confidentiality, string OwnerSide, string CreatedBy, DateTimeOffset CreatedAt);
