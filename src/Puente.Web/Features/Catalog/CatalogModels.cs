using System.Globalization;
using Puente.Core.Catalog;
using Puente.Core.Localization;

namespace Puente.Web.Features.Catalog;

public sealed record TrackDto(Guid Id, string Code, string? Section, int Order, string Name, string NameEn, string NameEs,
    string Description, string DescriptionEn, string DescriptionEs)
{
    public static TrackDto From(Track x, CultureInfo c) => new(x.Id, x.Code, x.Section, x.SortOrder,
        Bilingual.Pick(x.NameEn, x.NameEs, c), x.NameEn, x.NameEs, Bilingual.Pick(x.DescriptionEn, x.DescriptionEs, c), x.DescriptionEn, x.DescriptionEs);
}

public sealed record IssueDto(Guid Id, string Code, string? Section, string Name, string NameEn, string NameEs,
    string Description, string DescriptionEn, string DescriptionEs, bool EarlyCrisisRisk)
{
    public static IssueDto From(AgendaIssue x, CultureInfo c) => new(x.Id, x.Code, x.Section,
        Bilingual.Pick(x.NameEn, x.NameEs, c), x.NameEn, x.NameEs, Bilingual.Pick(x.DescriptionEn, x.DescriptionEs, c), x.DescriptionEn, x.DescriptionEs,
        x.EarlyCrisisRisk);
}

/// <summary>A recommendation in a list: its plan's code and its current status (the latest of its status changes).</summary>
public sealed record RecommendationDto(Guid Id, string Code, string? Section, int Number, string Addressee, string? Track,
    IReadOnlyList<string> Issues, string Text, string TextEn, string TextEs, string? Plan, string Status, DateOnly? StatusDate)
{
    public static RecommendationDto From(Recommendation x, CultureInfo c) => new(x.Id, x.Code, x.Section, x.Number, x.Addressee.ToString(),
        x.Track?.Code, x.IssueCodes.Split(',', StringSplitOptions.RemoveEmptyEntries), Bilingual.Pick(x.TextEn, x.TextEs, c), x.TextEn, x.TextEs,
        x.Plan?.Code, x.Status.ToString(), x.StatusDate);
}

public sealed record AdministrationDto(Guid Id, string Code, string Country, string HeadOfState, string HeadOfStateEn, string HeadOfStateEs,
    string Title, string TitleEn, string TitleEs, string? Party, DateOnly TermStart, DateOnly? TermEnd, bool TermEndScheduled, string? Section)
{
    public static AdministrationDto From(Administration x, CultureInfo c) => new(x.Id, x.Code, x.Country,
        Bilingual.Pick(x.HeadOfStateEn, x.HeadOfStateEs, c), x.HeadOfStateEn, x.HeadOfStateEs,
        Bilingual.Pick(x.TitleEn, x.TitleEs, c), x.TitleEn, x.TitleEs, x.Party, x.TermStart, x.TermEnd, x.TermEndScheduled, x.Section);
}
