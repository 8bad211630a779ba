namespace Puente.Core.Records;

/// <summary>Names a user or group allowed to read a Restricted record (see <see cref="Access.Principals"/>).</summary>
public sealed class RecordGrant
{
    public long Id { get; set; }

    public Guid RecordId { get; set; }

    public string Principal { get; set; } = "";
}
