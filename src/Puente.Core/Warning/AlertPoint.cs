using System.Text.Json;
using System.Text.Json.Serialization;

namespace Puente.Core.Warning;

/// <summary>
/// One period that made an alert: its value, the baseline it was judged against, the detector's statistic and how severe
/// it was. An alert keeps its points as JSON (<see cref="Alert.Points"/>), oldest first, at most
/// <see cref="Alert.PointsMaxLength"/> characters: when an episode outgrows that, its oldest points are left out (the
/// alert's first period still says where it began).
/// </summary>
public sealed record AlertPoint(DateOnly Period, double Value, double Baseline, double Statistic, Severity Severity)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static AlertPoint From(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new AlertPoint(signal.Period, signal.Value, signal.Baseline, signal.Statistic, signal.Severity);
    }

    /// <summary>The points as an alert keeps them: in period order, one per period, the newest that fit.</summary>
    public static string Write(IEnumerable<AlertPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var list = points.GroupBy(p => p.Period).Select(g => g.Last()).OrderBy(p => p.Period).ToList();
        while (true)
        {
            var text = JsonSerializer.Serialize(list, Json);
            if (text.Length <= Alert.PointsMaxLength || list.Count == 0)
            {
                return text;
            }

            list.RemoveRange(0, Math.Max(1, list.Count / 10));
        }
    }

    /// <summary>The points an alert keeps; none when the text is not what <see cref="Write"/> writes.</summary>
    public static IReadOnlyList<AlertPoint> Read(string? points)
    {
        if (string.IsNullOrWhiteSpace(points))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<AlertPoint>>(points, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
