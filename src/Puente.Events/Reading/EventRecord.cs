namespace Puente.Events.Reading;

/// <summary>One kept event: the fields Puente's measures and drill-downs use. Event codes stay strings.</summary>
public sealed record EventRecord(
    long GlobalEventId,
    DateOnly SqlDate,
    string Actor1Code,
    string Actor1Name,
    string Actor1Country,
    string Actor2Code,
    string Actor2Name,
    string Actor2Country,
    bool IsRootEvent,
    string EventCode,
    string EventBaseCode,
    string EventRootCode,
    byte QuadClass,
    double GoldsteinScale,
    int NumMentions,
    int NumSources,
    int NumArticles,
    double AvgTone,
    string ActionGeoFullName,
    string ActionGeoCountry,
    long DateAdded,
    string SourceUrl);
