using Puente.Core.Plans;
using Puente.Core.Records;

namespace Puente.Core.Catalog;

/// <summary>
/// A recommendation of a plan: of the white paper, whose codes are section and number ("III-04"), or of an imported
/// plan. <see cref="ContentRecord.Code"/> is unique across plans. <see cref="Status"/> and <see cref="StatusDate"/> are
/// the latest of its <see cref="Changes"/> (by date, then order recorded), kept here so that lists read one table; the
/// status on an earlier day comes from the changes (<see cref="Scorecard"/>).
/// </summary>
public sealed class Recommendation : ContentRecord
{
    public const int TextMaxLength = 4000;
    public const int MaxIssues = 20;
    public const int NumberMax = 9999;

    /// <summary>The plan it belongs to; null only between a migration and the next seeding.</summary>
    public Guid? PlanId { get; set; }
    public Plan? Plan { get; set; }

    public int Number { get; set; }
    public Addressee Addressee { get; set; }
    public Guid? TrackId { get; set; }
    public Track? Track { get; set; }

    /// <summary>Comma-separated agenda issue codes.</summary>
    public string IssueCodes { get; set; } = "";

    public string TextEn { get; set; } = "";
    public string TextEs { get; set; } = "";

    /// <summary>The status of the latest change; <see cref="RecommendationStatus.NotStarted"/> before any.</summary>
    [RecordState]
    public RecommendationStatus Status { get; set; }

    /// <summary>The date of the latest change; null before any.</summary>
    [RecordState]
    public DateOnly? StatusDate { get; set; }

    public List<RecommendationStatusChange> Changes { get; set; } = [];

    public override string Label => Code;
}
