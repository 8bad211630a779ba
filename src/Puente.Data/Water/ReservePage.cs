using Puente.Core.Water;

namespace Puente.Data.Water;

/// <summary>One page of the reserve's movements up to a date, the balance on that date and how many movements there are.</summary>
public sealed record ReservePage(decimal BalanceAf, IReadOnlyList<ReserveMovement> Items, int Total);
