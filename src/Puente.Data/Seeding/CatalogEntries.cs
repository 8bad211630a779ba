namespace Puente.Data.Seeding;

// The shapes of the catalog data files in Catalog/*.json (see Catalog/README.md).
#pragma warning disable CA1812 // instantiated by System.Text.Json

internal sealed record TrackEntry(string Code, string Section, int Order, string NameEn, string NameEs, string? DescriptionEn, string? DescriptionEs);

internal sealed record MechanismEntry(string Code, string Section, string? TrackCode, string NameEn, string NameEs, string? DescriptionEn,
    string? DescriptionEs, IReadOnlyList<string> Participants, string Cadence, int? Established);

internal sealed record ActorEntry(string Code, string Section, string Type, string Country, string Level, string NameEn, string NameEs,
    string? DescriptionEn, string? DescriptionEs, string? ParentCode, string? TrackCode, string? City, string? Region, string? Website);

internal sealed record RecommendationEntry(string Code, string Section, int Number, string Addressee, string? TrackCode,
    IReadOnlyList<string>? IssueCodes, string TextEn, string TextEs);

internal sealed record PlanEntry(string Code, string NameEn, string NameEs, string? DescriptionEn, string? DescriptionEs);

internal sealed record IssueEntry(string Code, string Section, string NameEn, string NameEs, string? DescriptionEn, string? DescriptionEs, bool EarlyCrisisRisk);

internal sealed record AdministrationEntry(string Code, string Section, string Country, string HeadOfStateEn, string HeadOfStateEs,
    string TitleEn, string TitleEs, string? Party, DateOnly TermStart, DateOnly? TermEnd, bool TermEndScheduled);
#pragma warning restore CA1812
