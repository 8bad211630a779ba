namespace Puente.Core.Records;

/// <summary>
/// A content record with a name and a description in both languages. At least one name is given; a missing
/// language falls back to the other when shown (see <see cref="Localization.Bilingual"/>). Lengths: names 300,
/// descriptions 4,000 characters.
/// </summary>
public abstract class BilingualRecord : ContentRecord
{
    public const int NameMaxLength = 300;
    public const int DescriptionMaxLength = 4000;

    public string NameEn { get; set; } = "";
    public string NameEs { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    public string DescriptionEs { get; set; } = "";
}
