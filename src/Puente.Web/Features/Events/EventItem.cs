namespace Puente.Web.Features.Events;

/// <summary>One event of GET /api/v1/events, with its CAMEO name in the request language and its source link.</summary>
public sealed record EventItem(long GlobalEventId, DateOnly Date, string Actor1, string Actor1Country, string Actor2, string Actor2Country,
    string EventCode, string EventName, int QuadClass, double Goldstein, double Tone, int Articles, string Place, string SourceUrl);
