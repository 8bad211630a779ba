using Puente.Core.Health;

namespace Puente.Web.Features.Institutionalization;

/// <summary>The institutionalization index on one day: 0–100 (null when no part has data), its parts, each with its
/// value (0–1 or null), weight, renormalised weight and counts, and its window [windowFrom, asOf] (three years).</summary>
public sealed record IndexResponse(DateOnly AsOf, double? Value, IndexParts Parts, string? Track, DateOnly WindowFrom)
{
    public static IndexResponse From(IndexReading reading, string? track)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new IndexResponse(reading.AsOf, reading.Value, reading.Parts, track, reading.WindowStart.AddDays(1));
    }
}

/// <summary>The index at each quarter point of [from, to] (the last point: on <c>to</c>).</summary>
public sealed record IndexSeriesResponse(DateOnly From, DateOnly To, string By, string? Track, IReadOnlyList<IndexResponse> Items);
