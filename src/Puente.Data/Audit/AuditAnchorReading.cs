using Puente.Core.Audit;

namespace Puente.Data.Audit;

/// <summary>What reading the anchor file found.</summary>
/// <param name="State">Whether there is an anchor and whether it can be trusted.</param>
/// <param name="Anchor">The anchor, when <see cref="AuditAnchorState.Valid"/>.</param>
/// <param name="Detail">Why the file could not be read, when <see cref="AuditAnchorState.Unreadable"/>.</param>
public sealed record AuditAnchorReading(AuditAnchorState State, AuditAnchor? Anchor = null, string? Detail = null);
