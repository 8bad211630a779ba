using System.Globalization;
using System.Text.Json;
using nietras.SeparatedValues;
using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Core.Records;
using Puente.Core.Text;

namespace Puente.Core.Plans;

/// <summary>
/// Reads a plan file (docs/plan-import.md): UTF-8 CSV (RFC 4180, a header naming the columns in any order, one
/// recommendation per row, the plan's own columns on every row or on some, never different) or UTF-8 JSON (one object:
/// the plan's fields and a <c>recommendations</c> list). Every recommendation is checked as far as no database is needed
/// (codes' form, section, number, addressee, texts' length and characters, codes repeated in the file). Problems name
/// where: a CSV file's spreadsheet row (the header is row 1) and column; a JSON file's recommendation by its position
/// (the first is 1; 0 is the plan's own fields) and property. Bounds: <see cref="MaxBytes"/> (callers refuse larger
/// files before reading them), <see cref="Plan.MaxRecommendations"/> recommendations, a report of the first
/// <see cref="MaxListedProblems"/> problems with the total.
/// </summary>
public static class PlanImport
{
    /// <summary>The largest file accepted: 20 MB.</summary>
    public const int MaxBytes = 20_000_000;

    /// <summary>The most problems a report lists; the rest are counted.</summary>
    public const int MaxListedProblems = 100;

    /// <summary>The CSV columns, in their documented order (the export writes them so).</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "plan_code", "plan_name_en", "plan_name_es", "plan_description_en", "plan_description_es", "plan_confidentiality", "plan_owner_side",
        "code", "section", "number", "addressee", "track", "issues", "text_en", "text_es",
    ];

    /// <summary>The CSV columns a header must name.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["plan_code", "code", "section", "number", "addressee"];

    private static readonly ImportProblemKinds Kinds = new(PlanProblems.Utf16, PlanProblems.NotUtf8, PlanProblems.UnknownColumn, PlanProblems.RepeatedColumn,
        PlanProblems.MissingColumn, PlanProblems.TooLong);

    private static readonly string[] PlanColumns = [.. Columns.Where(c => c.StartsWith("plan_", StringComparison.Ordinal))];

    /// <summary>Each CSV column's JSON property (the plan's without their prefix).</summary>
    private static readonly Dictionary<string, string> JsonNames = new(StringComparer.Ordinal)
    {
        ["plan_code"] = "code", ["plan_name_en"] = "nameEn", ["plan_name_es"] = "nameEs", ["plan_description_en"] = "descriptionEn",
        ["plan_description_es"] = "descriptionEs", ["plan_confidentiality"] = "confidentiality", ["plan_owner_side"] = "ownerSide",
        ["code"] = "code", ["section"] = "section", ["number"] = "number", ["addressee"] = "addressee", ["track"] = "track",
        ["issues"] = "issues", ["text_en"] = "textEn", ["text_es"] = "textEs",
    };

    /// <summary>The JSON properties of the plan object.</summary>
    public static IReadOnlyList<string> JsonPlanProperties { get; } = [.. PlanColumns.Select(c => JsonNames[c]), "recommendations"];

    /// <summary>The JSON properties of a recommendation.</summary>
    public static IReadOnlyList<string> JsonRecommendationProperties { get; } = [.. Columns.Except(PlanColumns).Select(c => JsonNames[c])];

    /// <summary>The format a file name's extension says (.csv or .json, any case); null for any other.</summary>
    public static PlanFileFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToUpperInvariant() switch
    {
        ".CSV" => PlanFileFormat.Csv,
        ".JSON" => PlanFileFormat.Json,
        _ => null,
    };

    /// <summary>Reads and checks a whole file.</summary>
    public static PlanImportTable Parse(ReadOnlySpan<byte> content, PlanFileFormat format)
    {
        var problems = new RowProblems(MaxListedProblems);
        if (content.Length > MaxBytes)
        {
            problems.Add(format == PlanFileFormat.Csv ? 1 : 0, "file", PlanProblems.FileTooLarge.With(MaxBytes / 1_000_000));
            return Refuse(format, problems, 0);
        }

        if (ImportFile.Decode(content, format == PlanFileFormat.Csv ? 1 : 0, problems, Kinds) is not { } text)
        {
            return Refuse(format, problems, 0);
        }

        return format == PlanFileFormat.Csv ? ParseCsv(text, problems) : ParseJson(text, problems);
    }

    private static PlanImportTable Refuse(PlanFileFormat format, RowProblems problems, int rows) => new(format, null, [], problems, rows, Refused: true);

    private static PlanImportTable ParseCsv(string text, RowProblems problems)
    {
        // The separator is fixed: Sep's detection could take the ';' inside the issues cells for it.
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), HasHeader = false, Unescape = true, DisableColCountCheck = true })
            .FromText(text);
        Dictionary<string, int>? columns = null;
        var valid = new List<RecommendationRow>();
        var firstRowOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var planValues = new Dictionary<string, (int Row, string Value)>(StringComparer.Ordinal);
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = 0;
        foreach (var record in reader)
        {
            var row = record.RowIndex + 1;
            if (columns is null)
            {
                columns = ImportFile.Header(record, Columns, RequiredColumns, problems, Kinds);
                if (columns is null)
                {
                    return Refuse(PlanFileFormat.Csv, problems, 0);
                }

                continue;
            }

            if (ImportFile.IsBlank(record))
            {
                continue;
            }

            if (++rows > Plan.MaxRecommendations)
            {
                problems.Add(row, "row", PlanProblems.TooManyRows.With(Plan.MaxRecommendations));
                return Refuse(PlanFileFormat.Csv, problems, rows - 1);
            }

            if (record.Span.Count('"') % 2 != 0)
            {
                problems.Add(row, "row", PlanProblems.UnclosedQuote.With());
                continue;
            }

            if (record.ColCount != columns.Count)
            {
                problems.Add(row, "row", PlanProblems.FieldCount.With(columns.Count, record.ColCount));
                continue;
            }

            cells.Clear();
            foreach (var (name, index) in columns)
            {
                cells[name] = record[index].ToString().Trim();
            }

            // The plan's columns: given on any rows, the same wherever given.
            foreach (var column in PlanColumns)
            {
                if (cells.GetValueOrDefault(column, "") is not { Length: > 0 } value)
                {
                    continue;
                }

                // Codes and names of values are read case-insensitively; the plan's texts must match exactly.
                var caseless = column is "plan_code" or "plan_confidentiality" or "plan_owner_side";
                if (!planValues.TryGetValue(column, out var first))
                {
                    planValues[column] = (row, value);
                }
                else if (!string.Equals(first.Value, value, caseless ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
                {
                    problems.Add(row, column, PlanProblems.PlanValueDiffers.With(first.Row, ImportFile.Echo(first.Value)));
                }
            }

            if (Columns.Except(PlanColumns).All(c => cells.GetValueOrDefault(c, "").Length == 0))
            {
                rows--; // the plan's columns alone: a plan without recommendations, or its fields on a row of their own
                continue;
            }

            var issues = cells.GetValueOrDefault("issues", "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (CheckRecommendation(row, c => cells.GetValueOrDefault(c, ""), issues, c => c, problems) is { } recommendation)
            {
                Keep(recommendation, valid, firstRowOfCode, problems, c => c);
            }
        }

        if (columns is null)
        {
            problems.Add(1, "header", PlanProblems.NoHeader.With());
            return Refuse(PlanFileFormat.Csv, problems, 0);
        }

        if (!planValues.ContainsKey("plan_code"))
        {
            problems.Add(1, "plan_code", PlanProblems.NoPlanCode.With());
            return Refuse(PlanFileFormat.Csv, problems, rows);
        }

        var plan = CheckPlan(c => planValues.TryGetValue(c, out var v) ? v.Value : "", c => planValues.TryGetValue(c, out var v) ? v.Row : 1, c => c, problems);
        return plan is null ? Refuse(PlanFileFormat.Csv, problems, rows) : new PlanImportTable(PlanFileFormat.Csv, plan, valid, problems, rows, Refused: false);
    }

    private static PlanImportTable ParseJson(string text, RowProblems problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            problems.Add(0, "file", PlanProblems.NotJson.With((e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1, ImportFile.Echo(e.Message)));
            return Refuse(PlanFileFormat.Json, problems, 0);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(0, "file", PlanProblems.NotAnObject.With());
                return Refuse(PlanFileFormat.Json, problems, 0);
            }

            var planCells = Properties(0, root, JsonPlanProperties, problems, out _);
            var list = root.TryGetProperty("recommendations", out var r) ? r : default;
            if (list.ValueKind is not (JsonValueKind.Array or JsonValueKind.Undefined or JsonValueKind.Null))
            {
                problems.Add(0, "recommendations", PlanProblems.WrongType.With("a list"));
            }

            var count = list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;
            if (count > Plan.MaxRecommendations)
            {
                problems.Add(Plan.MaxRecommendations + 1, "recommendations", PlanProblems.TooManyRows.With(Plan.MaxRecommendations));
                return Refuse(PlanFileFormat.Json, problems, count);
            }

            if (!planCells.TryGetValue("code", out var code) || code.Length == 0)
            {
                problems.Add(0, "code", PlanProblems.NoPlanCode.With());
            }

            var plan = CheckPlan(c => planCells.GetValueOrDefault(JsonNames[c], ""), _ => 0, c => JsonNames[c], problems);
            var valid = new List<RecommendationRow>();
            var firstRowOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var row = i + 1;
                var element = list[i];
                if (element.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(row, "recommendations", PlanProblems.NotAnObject.With());
                    continue;
                }

                var before = problems.Total;
                var cells = Properties(row, element, JsonRecommendationProperties, problems, out var issues);
                if (problems.Total > before)
                {
                    continue;
                }

                if (CheckRecommendation(row, c => cells.GetValueOrDefault(JsonNames[c], ""), issues, c => JsonNames[c], problems) is { } recommendation)
                {
                    Keep(recommendation, valid, firstRowOfCode, problems, c => JsonNames[c]);
                }
            }

            return plan is null || problems.HasRow(0)
                ? Refuse(PlanFileFormat.Json, problems, count)
                : new PlanImportTable(PlanFileFormat.Json, plan, valid, problems, count, Refused: false);
        }
    }

    /// <summary>
    /// The string values of an object's known properties (numbers as their text, null as empty), the <c>issues</c>
    /// list apart; unknown properties and wrong types are problems of <paramref name="row"/>.
    /// </summary>
    private static Dictionary<string, string> Properties(int row, JsonElement element, IReadOnlyList<string> known, RowProblems problems,
        out IReadOnlyList<string> issues)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        var list = new List<string>();
        issues = list;
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (!known.Contains(name))
            {
                problems.Add(row, name.Length == 0 ? "file" : ImportFile.Echo(name), PlanProblems.UnknownProperty.With(ImportFile.Echo(name), string.Join(", ", known)));
                continue;
            }

            var value = property.Value;
            switch (name)
            {
                case "recommendations":
                    break;
                case "issues" when value.ValueKind == JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.String)
                        {
                            problems.Add(row, name, PlanProblems.WrongType.With("a list of codes"));
                            break;
                        }

                        list.Add(item.GetString()!.Trim());
                    }

                    break;
                case "issues" when value.ValueKind != JsonValueKind.Null:
                    problems.Add(row, name, PlanProblems.WrongType.With("a list of codes"));
                    break;
                case "number" when value.ValueKind == JsonValueKind.Number:
                    cells[name] = value.GetRawText();
                    break;
                case "number" when value.ValueKind != JsonValueKind.Null:
                    problems.Add(row, name, PlanProblems.WrongType.With("a number"));
                    break;
                default:
                    if (value.ValueKind == JsonValueKind.String)
                    {
                        cells[name] = value.GetString()!.Trim();
                    }
                    else if (value.ValueKind != JsonValueKind.Null)
                    {
                        problems.Add(row, name, PlanProblems.WrongType.With("text"));
                    }

                    break;
            }
        }

        return cells;
    }

    /// <summary>Checks the plan's fields (by CSV column name; <paramref name="rowOf"/> and <paramref name="field"/> say where to report).</summary>
    private static PlanHeader? CheckPlan(Func<string, string> cell, Func<string, int> rowOf, Func<string, string> field, RowProblems problems)
    {
        var before = problems.Total;
        void Report(string column, Problem problem) => problems.Add(rowOf(column), field(column), problem);

        var codeText = cell("plan_code");
        var code = CatalogCode.Normalize(codeText);
        if (codeText.Length > 0 && !CatalogCode.IsValid(code))
        {
            Report("plan_code", PlanProblems.NotACode.With(ImportFile.Echo(codeText)));
        }

        var nameEn = ImportFile.Text(cell("plan_name_en"), "plan_name_en", BilingualRecord.NameMaxLength, multiline: false, PlanProblems.TooLong, Report);
        var nameEs = ImportFile.Text(cell("plan_name_es"), "plan_name_es", BilingualRecord.NameMaxLength, multiline: false, PlanProblems.TooLong, Report);
        if (cell("plan_name_en").Length == 0 && cell("plan_name_es").Length == 0)
        {
            Report("plan_name_en", PlanProblems.NoPlanName.With());
        }

        var descriptionEn = ImportFile.Text(cell("plan_description_en"), "plan_description_en", BilingualRecord.DescriptionMaxLength, multiline: true, PlanProblems.TooLong, Report);
        var descriptionEs = ImportFile.Text(cell("plan_description_es"), "plan_description_es", BilingualRecord.DescriptionMaxLength, multiline: true, PlanProblems.TooLong, Report);
        var confidentiality = Confidentiality.Shared;
        if (cell("plan_confidentiality") is { Length: > 0 } confidentialityText)
        {
            if (!EnumText.TryParse(confidentialityText, out confidentiality))
            {
                Report("plan_confidentiality", PlanProblems.UnknownConfidentiality.With(ImportFile.Echo(confidentialityText)));
            }
            else if (confidentiality == Confidentiality.Restricted)
            {
                Report("plan_confidentiality", PlanProblems.RestrictedNotImported.With());
            }
        }

        var side = Side.Joint;
        if (cell("plan_owner_side") is { Length: > 0 } sideText && !EnumText.TryParse(sideText, out side))
        {
            Report("plan_owner_side", PlanProblems.UnknownSide.With(ImportFile.Echo(sideText)));
        }

        return problems.Total > before || code.Length == 0 ? null : new PlanHeader(code, nameEn, nameEs, descriptionEn, descriptionEs, confidentiality, side);
    }

    /// <summary>Checks one recommendation's cells (by CSV column name, trimmed, empty when absent).</summary>
    private static RecommendationRow? CheckRecommendation(int row, Func<string, string> cell, IReadOnlyList<string> issueCodes, Func<string, string> field,
        RowProblems problems)
    {
        var before = problems.Total;
        void Report(string column, Problem problem) => problems.Add(row, field(column), problem);

        var codeText = cell("code");
        var code = CatalogCode.Normalize(codeText);
        if (codeText.Length == 0)
        {
            Report("code", PlanProblems.Required.With());
        }
        else if (!CatalogCode.IsValid(code))
        {
            Report("code", PlanProblems.NotACode.With(ImportFile.Echo(codeText)));
        }

        var section = cell("section");
        if (section.Length == 0)
        {
            Report("section", PlanProblems.Required.With());
        }
        else
        {
            section = ImportFile.Text(section, "section", PlanSections.MaxLength, multiline: false, PlanProblems.TooLong, Report);
        }

        var number = 0;
        var numberText = cell("number");
        if (numberText.Length == 0)
        {
            Report("number", PlanProblems.Required.With());
        }
        else if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > Recommendation.NumberMax)
        {
            Report("number", PlanProblems.NotANumber.With(ImportFile.Echo(numberText), Recommendation.NumberMax));
        }

        var addressee = default(Addressee);
        var addresseeText = cell("addressee");
        if (addresseeText.Length == 0)
        {
            Report("addressee", PlanProblems.Required.With());
        }
        else if (!EnumText.TryParse(addresseeText, out addressee))
        {
            Report("addressee", PlanProblems.UnknownAddressee.With(ImportFile.Echo(addresseeText), string.Join(", ", Enum.GetNames<Addressee>())));
        }

        string? track = null;
        if (cell("track") is { Length: > 0 } trackText)
        {
            track = CatalogCode.Normalize(trackText);
            if (!CatalogCode.IsValid(track))
            {
                Report("track", PlanProblems.NotACode.With(ImportFile.Echo(trackText)));
            }
        }

        var issues = new List<string>();
        if (issueCodes.Count > Recommendation.MaxIssues)
        {
            Report("issues", PlanProblems.TooManyCodes.With(Recommendation.MaxIssues, issueCodes.Count));
        }
        else
        {
            foreach (var text in issueCodes.Where(i => i.Length > 0))
            {
                var issue = CatalogCode.Normalize(text);
                if (!CatalogCode.IsValid(issue))
                {
                    Report("issues", PlanProblems.NotACode.With(ImportFile.Echo(text)));
                }
                else if (!issues.Contains(issue))
                {
                    issues.Add(issue);
                }
            }
        }

        var textEn = ImportFile.Text(cell("text_en"), "text_en", Recommendation.TextMaxLength, multiline: true, PlanProblems.TooLong, Report);
        var textEs = ImportFile.Text(cell("text_es"), "text_es", Recommendation.TextMaxLength, multiline: true, PlanProblems.TooLong, Report);
        if (cell("text_en").Length == 0 && cell("text_es").Length == 0)
        {
            Report("text_en", PlanProblems.NoText.With());
        }

        return problems.Total > before ? null : new RecommendationRow(row, code, section, number, addressee, track, issues, textEn, textEs);
    }

    /// <summary>Keeps a checked recommendation unless its code came earlier in the file.</summary>
    private static void Keep(RecommendationRow recommendation, List<RecommendationRow> valid, Dictionary<string, int> firstRowOfCode, RowProblems problems,
        Func<string, string> field)
    {
        if (!firstRowOfCode.TryAdd(recommendation.Code, recommendation.Row))
        {
            problems.Add(recommendation.Row, field("code"), PlanProblems.RepeatedCode.With(recommendation.Code, firstRowOfCode[recommendation.Code]));
            return;
        }

        valid.Add(recommendation);
    }
}
