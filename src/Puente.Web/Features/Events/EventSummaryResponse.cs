using Puente.Events.Measures;

namespace Puente.Web.Features.Events;

/// <summary>GET /api/v1/events/summary: one row per period with events, periods ascending.</summary>
public sealed record EventSummaryResponse(string Dyad, string By, IReadOnlyList<SummaryRow> Items, int Total);
