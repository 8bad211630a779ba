using Puente.Core.Access;

namespace Puente.Core.Memory;

/// <summary>
/// One valid row of an engagement import, every value checked except what only the database knows (that the codes of
/// the mechanism, tracks, issues, people and posts exist, and that <see cref="Code"/> is new). Local times are in
/// <see cref="TimeZone"/> (an IANA id); an all-day engagement has midnights; the UTC instants exist (no clock-change gap).
/// </summary>
public sealed record EngagementRow
{
    /// <summary>The row in the file (the header is row 1).</summary>
    public required int Row { get; init; }

    /// <summary>The normalized code, or null when the file leaves it to be made from the date.</summary>
    public string? Code { get; init; }

    public required EngagementKind Kind { get; init; }
    public string TitleEn { get; init; } = "";
    public string TitleEs { get; init; } = "";
    public string SummaryEn { get; init; } = "";
    public string SummaryEs { get; init; } = "";
    public string OutcomesEn { get; init; } = "";
    public string OutcomesEs { get; init; } = "";
    public required DateTime StartLocal { get; init; }
    public required DateTime EndLocal { get; init; }
    public required bool AllDay { get; init; }
    public required string TimeZone { get; init; }
    public required DateTime StartUtc { get; init; }
    public required DateTime EndUtc { get; init; }
    public string Place { get; init; } = "";

    /// <summary>The mechanism's normalized code, or null.</summary>
    public string? Mechanism { get; init; }

    public int? Session { get; init; }
    public IReadOnlyList<string> Tracks { get; init; } = [];
    public IReadOnlyList<string> Issues { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];
    public Certainty Certainty { get; init; }
    public string? CertaintyNote { get; init; }
    public Confidentiality Confidentiality { get; init; }
    public Side OwnerSide { get; init; } = Side.Joint;
    public IReadOnlyList<ParticipantRow> Participants { get; init; } = [];

    /// <summary>The local day it started.</summary>
    public DateOnly StartDate => DateOnly.FromDateTime(StartLocal);

    /// <summary>
    /// Copies the row's own values onto an engagement: everything but the code, the mechanism (which the caller resolves)
    /// and the participants.
    /// </summary>
    public void ApplyTo(Engagement engagement)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        engagement.Kind = Kind;
        engagement.NameEn = TitleEn;
        engagement.NameEs = TitleEs;
        engagement.DescriptionEn = SummaryEn;
        engagement.DescriptionEs = SummaryEs;
        engagement.OutcomesEn = OutcomesEn;
        engagement.OutcomesEs = OutcomesEs;
        engagement.StartLocal = StartLocal;
        engagement.EndLocal = EndLocal;
        engagement.AllDay = AllDay;
        engagement.TimeZone = TimeZone;
        engagement.StartUtc = StartUtc;
        engagement.EndUtc = EndUtc;
        engagement.StartDate = StartDate;
        engagement.Place = Place;
        engagement.SessionNumber = Session;
        engagement.TrackCodes = Engagement.JoinCodes(Tracks);
        engagement.IssueCodes = Engagement.JoinCodes(Issues);
        engagement.Sources = string.Join('\n', Sources);
        engagement.Certainty = Certainty;
        engagement.CertaintyNote = CertaintyNote;
        engagement.Confidentiality = Confidentiality;
        engagement.OwnerSide = OwnerSide;
    }
}
