using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using nietras.SeparatedValues;

namespace Puente.Core.Plans;

/// <summary>
/// Writes a plan in the format <see cref="PlanImport"/> reads (docs/plan-import.md), so that an export imports back to
/// the same plan: CSV with every column of <see cref="PlanImport.Columns"/> and the plan's own columns on every row, or
/// JSON with the plan's fields and its <c>recommendations</c>. Both are UTF-8 without a byte-order mark; recommendations
/// come in the plan's order (section, number, code).
/// </summary>
public static class PlanExport
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        // Accented letters stay readable; the characters HTML gives meaning to are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static byte[] Write(PlanFile plan, PlanFileFormat format) => format == PlanFileFormat.Csv ? ToCsv(plan) : ToJson(plan);

    /// <summary>The content type of a format.</summary>
    public static string ContentType(PlanFileFormat format) => format == PlanFileFormat.Csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";

    public static byte[] ToCsv(PlanFile plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var p = plan.Plan;
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToText();
        if (plan.Recommendations.Count == 0)
        {
            // A plan without recommendations: one row with the plan's columns only, which the import reads as the plan.
            using var row = writer.NewRow();
            WritePlan(row, p);
            foreach (var column in PlanImport.Columns.Where(c => !c.StartsWith("plan_", StringComparison.Ordinal)))
            {
                row[column].Set("");
            }
        }

        foreach (var r in Ordered(plan.Recommendations))
        {
            using var row = writer.NewRow();
            WritePlan(row, p);
            row["code"].Set(r.Code);
            row["section"].Set(r.Section);
            row["number"].Set(r.Number.ToString(CultureInfo.InvariantCulture));
            row["addressee"].Set(r.Addressee.ToString());
            row["track"].Set(r.Track ?? "");
            row["issues"].Set(string.Join(';', r.Issues));
            row["text_en"].Set(r.TextEn);
            row["text_es"].Set(r.TextEs);
        }

        writer.Flush();
        return Encoding.UTF8.GetBytes(writer.ToString());
    }

    private static void WritePlan(SepWriter.Row row, PlanHeader p)
    {
        row["plan_code"].Set(p.Code);
        row["plan_name_en"].Set(p.NameEn);
        row["plan_name_es"].Set(p.NameEs);
        row["plan_description_en"].Set(p.DescriptionEn);
        row["plan_description_es"].Set(p.DescriptionEs);
        row["plan_confidentiality"].Set(p.Confidentiality.ToString());
        row["plan_owner_side"].Set(p.OwnerSide.ToString());
    }

    public static byte[] ToJson(PlanFile plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var p = plan.Plan;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("code", p.Code);
            json.WriteString("nameEn", p.NameEn);
            json.WriteString("nameEs", p.NameEs);
            json.WriteString("descriptionEn", p.DescriptionEn);
            json.WriteString("descriptionEs", p.DescriptionEs);
            json.WriteString("confidentiality", p.Confidentiality.ToString());
            json.WriteString("ownerSide", p.OwnerSide.ToString());
            json.WriteStartArray("recommendations");
            foreach (var r in Ordered(plan.Recommendations))
            {
                json.WriteStartObject();
                json.WriteString("code", r.Code);
                json.WriteString("section", r.Section);
                json.WriteNumber("number", r.Number);
                json.WriteString("addressee", r.Addressee.ToString());
                if (r.Track is null)
                {
                    json.WriteNull("track");
                }
                else
                {
                    json.WriteString("track", r.Track);
                }

                json.WriteStartArray("issues");
                foreach (var issue in r.Issues)
                {
                    json.WriteStringValue(issue);
                }

                json.WriteEndArray();
                json.WriteString("textEn", r.TextEn);
                json.WriteString("textEs", r.TextEs);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The plan's order: section (<see cref="PlanSections"/>), number, code.</summary>
    public static IEnumerable<RecommendationRow> Ordered(IEnumerable<RecommendationRow> recommendations) =>
        recommendations.OrderBy(r => r.Section, PlanSections.Order).ThenBy(r => r.Number).ThenBy(r => r.Code, StringComparer.Ordinal);
}
