using System.Globalization;
using Puente.Core.Localization;
using Puente.Core.Records;

namespace Puente.Web.Features.Records;

/// <summary>
/// What the API returns of every bilingual record: the name and description in the request's language and both
/// originals, who may read it, and its version. A record type's DTO adds its own fields.
/// </summary>
public abstract record RecordDto
{
    protected RecordDto(BilingualRecord record, CultureInfo culture)
    {
        Id = record.Id;
        Code = record.Code;
        Name = Bilingual.Pick(record.NameEn, record.NameEs, culture);
        NameEn = record.NameEn;
        NameEs = record.NameEs;
        Description = Bilingual.Pick(record.DescriptionEn, record.DescriptionEs, culture);
        DescriptionEn = record.DescriptionEn;
        DescriptionEs = record.DescriptionEs;
        Section = record.Section;
        Confidentiality = record.Confidentiality.ToString();
        OwnerSide = record.OwnerSide.ToString();
        Version = record.Version;
        CreatedAt = record.CreatedAt;
        UpdatedAt = record.UpdatedAt;
    }

    public Guid Id { get; }
    public string Code { get; }
    public string Name { get; }
    public string NameEn { get; }
    public string NameEs { get; }
    public string Description { get; }
    public string DescriptionEn { get; }
    public string DescriptionEs { get; }
    public string? Section { get; }
    public string Confidentiality { get; }
    public string OwnerSide { get; }
    public int Version { get; }
    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset UpdatedAt { get; }
}
