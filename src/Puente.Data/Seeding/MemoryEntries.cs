namespace Puente.Data.Seeding;

// The shapes of the institutional-memory data files in Memory/*.json (see Memory/README.md).
#pragma warning disable CA1812 // instantiated by System.Text.Json

internal sealed record PersonEntry(string Code, string Name, string? Honorific, IReadOnlyList<string>? Languages, string? BioEn, string? BioEs);

internal sealed record CounterpartEntry(string Post, DateOnly? From, DateOnly? To);

internal sealed record TenureEntry(string Person, DateOnly From, DateOnly? To, bool Acting, string? Certainty, string? Note, string? Source, string? NoteEs = null);

internal sealed record PostEntry(string Code, string Actor, string Country, string Seniority, string NameEn, string NameEs,
    string? DescriptionEn, string? DescriptionEs, IReadOnlyList<CounterpartEntry>? Counterparts, IReadOnlyList<TenureEntry>? Tenures);

internal sealed record ParticipantEntry(string? Person, string? Post, string? Side, string? Seniority, bool Lead, string? Role, string? RoleEs = null);

internal sealed record EngagementEntry(string Code, string? Section, string Kind, string? Mechanism, int? Session, string TitleEn, string TitleEs,
    string Start, string? End, string TimeZone, string? Place, IReadOnlyList<string>? Tracks, IReadOnlyList<string>? Issues,
    IReadOnlyList<ParticipantEntry>? Participants, string? SummaryEn, string? SummaryEs, string? OutcomesEn, string? OutcomesEs,
    IReadOnlyList<string>? Sources, string? Certainty, string? CertaintyNote, string? CertaintyNoteEs = null);
#pragma warning restore CA1812

/// <summary>One commitment of a water minute or agreement (from Water/minutes.json), as the ledger seeds it.</summary>
internal sealed record WaterCommitmentEntry(string Code, string Instrument, string TextEn, string TextEs, string Date, string? Due,
    string TitleEn, string TitleEs, string SourceEn, string SourceEs)
{
    public const string OwnerMx = "MX-CILA-COMMISSIONER";
    public const string OwnerUs = "US-IBWC-COMMISSIONER";

    /// <summary>"1969", "2025-12" or "2017-09-21": the first day of the period the source gives.</summary>
    public static DateOnly? Day(string text) => text.Length switch
    {
        4 => Core.Text.IsoDate.TryParse(text + "-01-01", out var y) ? y : null,
        7 => Core.Text.IsoDate.TryParse(text + "-01", out var m) ? m : null,
        _ => Core.Text.IsoDate.TryParse(text, out var d) ? d : null,
    };
}
