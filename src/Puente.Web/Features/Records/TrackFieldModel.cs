using Puente.Core.Catalog;

namespace Puente.Web.Features.Records;

/// <summary>The track choice of a record's form (<c>_TrackField</c>): the tracks, the chosen code, and the form's errors.</summary>
public sealed record TrackFieldModel(IReadOnlyList<Track> Tracks, string? Selected, RecordFormModel Form);
