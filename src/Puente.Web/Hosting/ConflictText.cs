namespace Puente.Web.Hosting;

/// <summary>A unique-key conflict in the request language, naming what already exists (API problem details and page field errors).</summary>
public static class ConflictText
{
    public static string Localize(this IStringLocalizer t, UniqueConflict conflict) => conflict switch
    {
        { Table: "WaterDeliveries" } when conflict.Columns.Contains("WeekOf") => t["A delivery from this source is already recorded for this week."],
        { Columns: ["Code"] } => t["Another record already has this code."],
        _ => t["Another record already has the same {0}.", string.Join(", ", conflict.Columns)],
    };

    /// <summary>The field a page shows the conflict on (the API names the columns).</summary>
    public static string Field(UniqueConflict conflict) =>
        conflict.Table == "WaterDeliveries" ? "date" : conflict.Columns.Count == 1 ? conflict.Columns[0] : "";
}
