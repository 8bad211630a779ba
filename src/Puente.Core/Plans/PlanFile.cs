using Puente.Core.Access;
using Puente.Core.Catalog;

namespace Puente.Core.Plans;

/// <summary>The two file formats a plan is imported from and exported to (docs/plan-import.md).</summary>
public enum PlanFileFormat
{
    Csv,
    Json,
}

/// <summary>
/// A plan as a file holds it: its code, names and descriptions in both languages, and who may read it (Shared, or
/// Internal to its owning side; its recommendations take the same access).
/// </summary>
public sealed record PlanHeader(string Code, string NameEn, string NameEs, string DescriptionEn, string DescriptionEs,
    Confidentiality Confidentiality, Side OwnerSide);

/// <summary>
/// One recommendation of a plan file, checked. <see cref="Row"/> is where it was read: the spreadsheet row of a CSV file
/// (the header is row 1), the position in the <c>recommendations</c> list of a JSON file (the first is 1).
/// <see cref="Track"/> is a track code or null; <see cref="Issues"/> agenda issue codes.
/// </summary>
public sealed record RecommendationRow(int Row, string Code, string Section, int Number, Addressee Addressee, string? Track,
    IReadOnlyList<string> Issues, string TextEn, string TextEs);

/// <summary>A whole plan as exported: the header and its recommendations in paper order (section, number, code).</summary>
public sealed record PlanFile(PlanHeader Plan, IReadOnlyList<RecommendationRow> Recommendations);
