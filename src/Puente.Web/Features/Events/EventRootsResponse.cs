namespace Puente.Web.Features.Events;

/// <summary>GET /api/v1/events/roots: events per CAMEO root and period.</summary>
public sealed record EventRootsResponse(string Dyad, string By, IReadOnlyList<EventRootItem> Items, int Total);
