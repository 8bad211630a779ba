namespace Puente.Events.Reading;

/// <summary>The GDELT event file versions. One store holds one: their event ids differ for the same events.</summary>
public enum GdeltVersion
{
    V1 = 1,
    V2 = 2,
}

/// <summary>Where the fields Puente keeps sit in each version's tab-separated line (0-based).</summary>
public sealed record GdeltLayout(GdeltVersion Version, int ActionGeoFullName, int ActionGeoCountry, int DateAdded, int SourceUrl)
{
    public const int GlobalEventId = 0;
    public const int SqlDate = 1;
    public const int Actor1Code = 5;
    public const int Actor1Name = 6;
    public const int Actor1Country = 7;
    public const int Actor2Code = 15;
    public const int Actor2Name = 16;
    public const int Actor2Country = 17;
    public const int IsRootEvent = 25;
    public const int EventCode = 26;
    public const int EventBaseCode = 27;
    public const int EventRootCode = 28;
    public const int QuadClass = 29;
    public const int GoldsteinScale = 30;
    public const int NumMentions = 31;
    public const int NumSources = 32;
    public const int NumArticles = 33;
    public const int AvgTone = 34;

    /// <summary>2.0: 61 fields; geo blocks have ADM2Code; DATEADDED is YYYYMMDDHHMMSS.</summary>
    public static GdeltLayout V2 { get; } = new(GdeltVersion.V2, 52, 53, 59, 60);

    /// <summary>1.0: 57 fields, 58 with SOURCEURL (daily files from April 2013); DATEADDED is YYYYMMDD.</summary>
    public static GdeltLayout V1 { get; } = new(GdeltVersion.V1, 50, 51, 56, 57);

    /// <summary>The layout of a line with <paramref name="fields"/> fields, or null when no version has that many.</summary>
    public static GdeltLayout? ForFieldCount(int fields) => fields switch
    {
        61 => V2,
        57 or 58 => V1,
        _ => null,
    };

    public bool Accepts(int fields) => Version == GdeltVersion.V2 ? fields == 61 : fields is 57 or 58;
}
