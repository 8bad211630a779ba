using Puente.Core.Records;

namespace Puente.Web.Features.Records;

/// <summary>
/// What a person enters for every bilingual record (UI form and API body): code, names, descriptions, who can read it,
/// and on update the version the edit is based on. A record type's input adds only its own fields.
/// </summary>
public abstract class RecordInput
{
    public string? Code { get; set; }
    public string? NameEn { get; set; }
    public string? NameEs { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionEs { get; set; }
    public string? Confidentiality { get; set; }
    public string? OwnerSide { get; set; }

    /// <summary>"user:NAME" or "group:NAME" entries (Restricted records).</summary>
    public List<string>? Grants { get; set; }

    /// <summary>On update: the version the edit is based on; a newer stored version is a conflict.</summary>
    public int? Version { get; set; }

    public AccessInput Access => new() { Confidentiality = Confidentiality, OwnerSide = OwnerSide, Grants = Grants };

    /// <summary>Fills the common fields from a stored record (for an edit form).</summary>
    protected void CopyFrom(BilingualRecord record, IEnumerable<string> grants)
    {
        Code = record.Code;
        NameEn = record.NameEn;
        NameEs = record.NameEs;
        DescriptionEn = record.DescriptionEn;
        DescriptionEs = record.DescriptionEs;
        Confidentiality = record.Confidentiality.ToString();
        OwnerSide = record.OwnerSide.ToString();
        Grants = [.. grants];
        Version = record.Version;
    }
}
