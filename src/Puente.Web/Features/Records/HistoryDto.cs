namespace Puente.Web.Features.Records;

/// <summary>One entry of a record's history, as the page and the API show it.</summary>
public sealed record HistoryDto(long Id, DateTimeOffset Timestamp, string Actor, string Action, string? EntityType, string? Label, string? Before, string? After);
