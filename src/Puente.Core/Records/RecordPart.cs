namespace Puente.Core.Records;

/// <summary>
/// A content record that belongs to another record (a participant of an engagement, an attachment): it is read
/// exactly by who can read its parent. Its confidentiality and owning side are copied from the parent whenever either
/// is saved, and a Restricted part is readable by the parent's grants (the access filter checks grants on
/// <see cref="ParentId"/>). It has no code of its own to choose: <see cref="NewCode"/> makes one.
/// </summary>
public abstract class RecordPart : ContentRecord
{
    /// <summary>The record this part belongs to.</summary>
    public Guid ParentId { get; set; }

    /// <summary>A unique code for a new part ("P-" and 32 hex digits).</summary>
    public static string NewCode() => "P-" + Guid.NewGuid().ToString("N").ToUpperInvariant();

    /// <summary>Takes the parent's access (call before every save that touches either).</summary>
    public void FollowAccessOf(ContentRecord parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ParentId = parent.Id;
        Confidentiality = parent.Confidentiality;
        OwnerSide = parent.OwnerSide;
    }
}
