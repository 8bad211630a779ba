namespace Puente.Events.Measures;

/// <summary>Which per-period number of a dyad's events a <see cref="Puente.Core.Series.TimeSeries"/> carries.</summary>
public enum EventMeasure
{
    /// <summary>Events in the period (unit <c>events</c>).</summary>
    Count,

    /// <summary>Mean Goldstein scale of the period's events, −10 to +10 (unit <c>goldstein</c>).</summary>
    Goldstein,

    /// <summary>Mean average tone of the period's events (unit <c>tone</c>).</summary>
    Tone,
}
