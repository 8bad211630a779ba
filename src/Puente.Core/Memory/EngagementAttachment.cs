using Puente.Core.Records;

namespace Puente.Core.Memory;

/// <summary>A file attached to an engagement (its bytes are stored apart, in <see cref="AttachmentContent"/>).</summary>
public sealed class EngagementAttachment : RecordPart
{
    public const int FileNameMaxLength = 200;

    public Engagement? Engagement { get; set; }
    public string FileName { get; set; } = "";
    public AttachmentType Type { get; set; }
    public long Length { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";

    public override string Label => FileName;
}

/// <summary>The bytes of an attachment, read only by the download after the attachment itself was found readable.</summary>
public sealed class AttachmentContent
{
    public Guid AttachmentId { get; set; }
    public byte[] Data { get; set; } = [];
}
