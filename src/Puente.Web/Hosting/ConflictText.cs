namespace Puente.Web.Hosting;

/// <summary>A unique-key conflict in the request language, naming what already exists (API problem details and page field errors).</summary>
public static class ConflictText
{
    public static string Localize(this IStringLocalizer t, UniqueConflict conflict) => conflict switch
    {
        { Table: "WaterDeliveries" } when conflict.Columns.Contains("WeekOf") => t["A delivery from this source is already recorded for this week."],
        { Table: "CommitmentStatusChanges" } => t["Someone recorded a status change of this commitment at the same time. Reload it and record yours again."],
        { Table: "RecommendationStatusChanges" } => t["Someone recorded a status change of this recommendation at the same time. Reload it and record yours again."],
        // The same neutral answer as for a code taken before (decision 0016): a hidden holder is not revealed.
        { Columns: ["Code"] } => t["This code cannot be used. Choose another."],
        _ => t["Another record already has the same {0}.", string.Join(", ", conflict.Columns)],
    };

    /// <summary>The field a page shows the conflict on (the API names the columns).</summary>
    public static string Field(UniqueConflict conflict) =>
        conflict.Table == "WaterDeliveries" ? "date" : conflict.Columns.Count == 1 ? conflict.Columns[0] : "";
}
