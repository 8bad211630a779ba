using Puente.Core.Catalog;
using Puente.Core.Records;

namespace Puente.Core.Memory;

/// <summary>
/// A meeting, call, visit or session between the two governments (names: the title; descriptions: the summary).
/// Its time is kept as the place kept it — local start and end with the IANA zone of the place — and as UTC for
/// ordering and for showing it in the reader's zone. An all-day engagement (date known, hour not) keeps local
/// midnight and is shown as a date.
/// </summary>
public sealed class Engagement : BilingualRecord
{
    public const int PlaceMaxLength = 200;
    public const int OutcomesMaxLength = 4000;
    public const int MaxSources = 10;
    public const int SourceMaxLength = 500;
    public const int MaxCodes = 20;
    public const int CertaintyNoteMaxLength = 300;

    public EngagementKind Kind { get; set; }
    public DateTime StartLocal { get; set; }
    public DateTime EndLocal { get; set; }

    /// <summary>IANA zone of the place ("America/Mexico_City").</summary>
    public string TimeZone { get; set; } = "UTC";

    public bool AllDay { get; set; }

    /// <summary>UTC instants (kind Utc), for order and for the reader's zone.</summary>
    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    /// <summary>The local date it started: the day whose tenures say which post a participant held.</summary>
    public DateOnly StartDate { get; set; }

    public string Place { get; set; } = "";
    public Guid? MechanismId { get; set; }
    public Mechanism? Mechanism { get; set; }

    /// <summary>The session's number when the mechanism numbers them (the 22nd Binational Commission).</summary>
    public int? SessionNumber { get; set; }

    /// <summary>Track codes, stored ",A,B," so that one code is found with a LIKE on ",CODE,".</summary>
    public string TrackCodes { get; set; } = "";

    /// <summary>Agenda issue codes, stored as <see cref="TrackCodes"/>.</summary>
    public string IssueCodes { get; set; } = "";

    public string OutcomesEn { get; set; } = "";
    public string OutcomesEs { get; set; } = "";

    /// <summary>Source URLs, one per line.</summary>
    public string Sources { get; set; } = "";

    public Certainty Certainty { get; set; }
    /// <summary>Why a date or fact is less than verified, in English (and <see cref="CertaintyNoteEs"/> in Spanish).</summary>
    public string? CertaintyNote { get; set; }

    public string? CertaintyNoteEs { get; set; }

    public List<Participant> Participants { get; set; } = [];

    public override string Label => Code;

    /// <summary>",A,B," from codes (distinct, in order).</summary>
    public static string JoinCodes(IEnumerable<string> codes)
    {
        var list = codes.Distinct(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "" : "," + string.Join(',', list) + ",";
    }

    public static IReadOnlyList<string> SplitCodes(string joined) =>
        joined.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static IReadOnlyList<string> SplitSources(string joined) =>
        joined.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
