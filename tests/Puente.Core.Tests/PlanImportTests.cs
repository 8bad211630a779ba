using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Core.Plans;
using Puente.Core.Text;

namespace Puente.Core.Tests;

public sealed class PlanImportTests
{
    private const string Header = "plan_code,plan_name_en,plan_name_es,code,section,number,addressee,track,issues,text_en,text_es";

    private static PlanImportTable Csv(string text) => PlanImport.Parse(Encoding.UTF8.GetBytes(text), PlanFileFormat.Csv);

    private static PlanImportTable Json(string text) => PlanImport.Parse(Encoding.UTF8.GetBytes(text), PlanFileFormat.Json);

    private static string Problems(PlanImportTable table) => string.Join("; ", table.Problems.Listed.Select(p => $"{p.Row}/{p.Field}: {p.Message}"));

    [Fact]
    public void A_csv_plan_reads_its_fields_with_quoted_commas_line_breaks_and_a_bom_and_the_plan_given_on_one_row()
    {
        var csv = "\uFEFF" + Header + "\r\n"
            + "sec-plan-2026,\"Security plan, 2026\",\"Plan de seguridad, 2026\",s-01,1,1,both,security,FENTANYL;arms,\"Share data, \"\"fast\"\"\nand often\",Compartir datos\r\n"
            + ",,,S-02,1,2,MX,,,Only English,\r\n"
            + "\r\n"
            + "SEC-PLAN-2026,,,S-10,2,10,Regional,,,,Solo español\r\n";
        var table = Csv(csv);
        Assert.False(table.Problems.Any, Problems(table));
        Assert.False(table.Refused);
        Assert.Equal(new PlanHeader("SEC-PLAN-2026", "Security plan, 2026", "Plan de seguridad, 2026", "", "", Confidentiality.Shared, Side.Joint), table.Plan);
        Assert.Equal(3, table.Rows);
        var first = table.Valid[0];
        Assert.Equal((2, "S-01", "1", 1, Addressee.BOTH, "SECURITY"), (first.Row, first.Code, first.Section, first.Number, first.Addressee, first.Track));
        Assert.Equal(["FENTANYL", "ARMS"], first.Issues);
        Assert.Equal("Share data, \"fast\"\nand often", first.TextEn);
        Assert.Equal(5, table.Valid[2].Row); // the blank line is a row of the spreadsheet too
        Assert.Equal(("", "Solo español", Addressee.REGIONAL), (table.Valid[2].TextEn, table.Valid[2].TextEs, table.Valid[2].Addressee));
    }

    [Fact]
    public void Every_bad_cell_is_reported_with_its_row_and_column_and_the_good_rows_are_kept()
    {
        var csv = Header + ",plan_confidentiality\n"
            + "P-1,Plan,Plan,A-1,I,1,MX,,,Text,Texto,Internal\n"
            + "P-1,Plan,Plan,a b,I,0,Canada,TR ACK,X;Y Z,,,\n"
            + "P-2,Other,Plan,A-3,,1,US,,,\u202Eevil,,Shared\n"
            + "P-1,Plan,Plan,A-1,I,2,US,,,Again,Otra vez,\n";
        var table = Csv(csv);
        Assert.False(table.Refused);
        var problems = table.Problems.Listed.Select(p => (p.Row, p.Field, p.Problem.Code)).ToList();
        Assert.Equal(
        [
            (3, "code", "planImport.notACode"),
            (3, "number", "planImport.notANumber"),
            (3, "addressee", "planImport.unknownAddressee"),
            (3, "track", "planImport.notACode"),
            (3, "issues", "planImport.notACode"),
            (3, "text_en", "planImport.noText"),
            (4, "plan_code", "planImport.planValueDiffers"),
            (4, "plan_name_en", "planImport.planValueDiffers"),
            (4, "plan_confidentiality", "planImport.planValueDiffers"),
            (4, "section", "planImport.required"),
            (4, "text_en", "text.bidiControl"),
            (5, "code", "planImport.repeatedCode"),
        ], problems);
        Assert.Equal("A-1", Assert.Single(table.Valid).Code);
        Assert.Equal(Confidentiality.Internal, table.Plan!.Confidentiality);
    }

    [Theory]
    [InlineData("code,section\nA,I\n", "header", "planImport.missingColumn")]
    [InlineData(Header + ",colour\n", "header", "planImport.unknownColumn")]
    [InlineData(Header + ",code\n", "header", "planImport.repeatedColumn")]
    [InlineData("", "header", "planImport.noHeader")]
    [InlineData(Header + "\n,,,A-1,I,1,MX,,,Text,\n", "plan_code", "planImport.noPlanCode")]
    [InlineData(Header + "\nP-1,,,A-1,I,1,MX,,,Text,\n", "plan_name_en", "planImport.noPlanName")]
    [InlineData(Header + ",plan_confidentiality\nP-1,Plan,,A-1,I,1,MX,,,Text,,Restricted\n", "plan_confidentiality", "planImport.restrictedNotImported")]
    [InlineData(Header + ",plan_owner_side\nP-1,Plan,,A-1,I,1,MX,,,Text,,Canada\n", "plan_owner_side", "planImport.unknownSide")]
    [InlineData(Header + "\nplan 1,Plan,,A-1,I,1,MX,,,Text,\n", "plan_code", "planImport.notACode")]
    public void A_file_whose_header_or_plan_cannot_be_read_is_refused_as_a_whole(string csv, string field, string code)
    {
        var table = Csv(csv);
        Assert.True(table.Refused);
        Assert.Null(table.Plan);
        Assert.Contains(table.Problems.Listed, p => p.Field == field && p.Problem.Code == code);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_naming_where()
    {
        var latin1 = Encoding.Latin1.GetBytes(Header + "\nP-1,Plan,,A-1,I,1,MX,,,Política,\n");
        var table = PlanImport.Parse(latin1, PlanFileFormat.Csv);
        Assert.True(table.Refused);
        var problem = Assert.Single(table.Problems.Listed);
        Assert.Equal(("file", "planImport.notUtf8"), (problem.Field, problem.Problem.Code));
        Assert.Contains("line 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_larger_than_the_bound_is_refused_unread() =>
        Assert.Equal("planImport.fileTooLarge", Assert.Single(PlanImport.Parse(new byte[PlanImport.MaxBytes + 1], PlanFileFormat.Json).Problems.Listed).Problem.Code);

    [Fact]
    public void More_recommendations_than_a_plan_holds_refuse_the_file()
    {
        var rows = string.Concat(Enumerable.Range(1, Plan.MaxRecommendations + 1).Select(i => $"P-1,Plan,,R-{i},I,{(i % 9000) + 1},MX,,,Text,\n"));
        var table = Csv(Header + "\n" + rows);
        Assert.True(table.Refused);
        Assert.Equal("planImport.tooManyRows", Assert.Single(table.Problems.Listed).Problem.Code);
    }

    [Fact]
    public void Of_many_bad_rows_the_first_hundred_problems_are_listed_in_row_order_and_all_are_counted()
    {
        var rows = string.Concat(Enumerable.Range(1, 300).Select(i => $"P-1,Plan,,R-{i},I,1,Nobody,,,Text,\n"));
        var table = Csv(Header + "\n" + rows);
        Assert.Equal(300, table.Problems.Total);
        Assert.Equal(PlanImport.MaxListedProblems, table.Problems.Listed.Count);
        Assert.Equal(Enumerable.Range(2, 100), table.Problems.Listed.Select(p => p.Row));
    }

    [Fact]
    public void A_json_plan_reads_its_fields_and_names_each_bad_property_by_recommendation()
    {
        var json = """
            {
              "code": "p-json", "nameEn": "JSON plan", "nameEs": "", "confidentiality": "internal", "ownerSide": "US",
              "recommendations": [
                { "code": "J-1", "section": "A", "number": 1, "addressee": "US", "track": null, "issues": ["water"], "textEn": "One", "textEs": "Uno" },
                { "code": "J-2", "section": "A", "number": "2", "addressee": "Mars", "textEn": "Two", "colour": "red" },
                { "code": "J-3", "section": "A", "number": 3, "addressee": "MX", "issues": "WATER", "textEs": "Tres" },
                { "code": "J-4", "section": "A", "number": 4, "addressee": "MX" },
                "J-5"
              ]
            }
            """;
        var table = Json(json);
        Assert.False(table.Refused, Problems(table));
        Assert.Equal(new PlanHeader("P-JSON", "JSON plan", "", "", "", Confidentiality.Internal, Side.US), table.Plan);
        var one = Assert.Single(table.Valid);
        Assert.Equal((1, "J-1", null, "WATER"), (one.Row, one.Code, one.Track, one.Issues.Single()));
        Assert.Equal(
        [
            (2, "number", "planImport.wrongType"),
            (2, "colour", "planImport.unknownProperty"),
            (3, "issues", "planImport.wrongType"),
            (4, "textEn", "planImport.noText"),
            (5, "recommendations", "planImport.notAnObject"),
        ], table.Problems.Listed.Select(p => (p.Row, p.Field, p.Problem.Code)));
    }

    [Theory]
    [InlineData("{ \"code\": \"P\", ", "file", "planImport.notJson")]
    [InlineData("[1, 2]", "file", "planImport.notAnObject")]
    [InlineData("{ \"nameEn\": \"No code\" }", "code", "planImport.noPlanCode")]
    [InlineData("{ \"code\": \"P\", \"nameEn\": \"N\", \"owner\": \"MX\" }", "owner", "planImport.unknownProperty")]
    [InlineData("{ \"code\": \"P\", \"nameEn\": \"N\", \"recommendations\": {} }", "recommendations", "planImport.wrongType")]
    public void A_json_file_whose_plan_cannot_be_read_is_refused(string json, string field, string code)
    {
        var table = Json(json);
        Assert.True(table.Refused);
        Assert.Contains(table.Problems.Listed, p => p.Row == 0 && p.Field == field && p.Problem.Code == code);
    }

    [Fact]
    public void A_plan_without_recommendations_exports_and_imports_in_both_formats()
    {
        var plan = new PlanFile(new PlanHeader("EMPTY", "Empty", "Vacío", "", "", Confidentiality.Internal, Side.MX), []);
        foreach (var format in Enum.GetValues<PlanFileFormat>())
        {
            var table = PlanImport.Parse(PlanExport.Write(plan, format), format);
            Assert.False(table.Problems.Any, Problems(table));
            Assert.Equal(plan.Plan, table.Plan);
            Assert.Empty(table.Valid);
        }
    }

    /// <summary>Text as people write it: accents, commas, quotes, semicolons, and (when multi-line) line breaks.</summary>
    private static Gen<string> TextGen(int max, bool multiline) =>
        Gen.Elements([.. "abcXYZ áéñÑü,\"';-.()¿?<>&" + (multiline ? "\n" : "")]).ListOf()
            .Select(cs => new string([.. cs.Take(max)]).Trim())
            .Where(s => s.Length == 0 || !PlainText.IsInvisible(s));

    private static Gen<RecommendationRow> RowGen(int index) =>
        from section in Gen.Elements("I", "III", "Conclusion", "2", "10", "A.1")
        from number in Gen.Choose(1, Recommendation.NumberMax)
        from addressee in Gen.Elements(Enum.GetValues<Addressee>())
        from track in Gen.Elements<string?>(null, "WATER", "SECURITY")
        from issues in Gen.Elements("MIGRATION", "FENTANYL", "WATER").ListOf().Select(l => l.Distinct().ToArray())
        from textEn in TextGen(300, multiline: true)
        from textEs in TextGen(300, multiline: true)
        select new RecommendationRow(0, $"R-{index}", section, number, addressee, track, issues, textEn.Length + textEs.Length == 0 ? "T" : textEn, textEs);

    private static Gen<PlanFile> PlanGen =>
        from nameEn in TextGen(100, multiline: false)
        from nameEs in TextGen(100, multiline: false)
        from description in TextGen(400, multiline: true)
        from confidentiality in Gen.Elements(Confidentiality.Shared, Confidentiality.Internal)
        from side in Gen.Elements(Enum.GetValues<Side>())
        from count in Gen.Choose(0, 12)
        from rows in Gen.CollectToArray(Enumerable.Range(1, count).Select(RowGen))
        select new PlanFile(new PlanHeader("P-" + count, nameEn.Length + nameEs.Length == 0 ? "N" : nameEn, nameEs, description, "", confidentiality, side),
            [.. PlanExport.Ordered(rows)]);

    private static (string, string, int, Addressee, string?, string, string) Fields(RecommendationRow r) =>
        (r.Code, r.Section, r.Number, r.Addressee, r.Track, r.TextEn, r.TextEs);

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Any_plan_exported_in_either_format_imports_back_the_same() =>
        Prop.ForAll(PlanGen.ToArbitrary(), plan => Enum.GetValues<PlanFileFormat>().All(format =>
        {
            var table = PlanImport.Parse(PlanExport.Write(plan, format), format);
            return !table.Problems.Any && table.Plan == plan.Plan && table.Valid.Count == plan.Recommendations.Count
                && table.Valid.Zip(plan.Recommendations).All(p => Fields(p.First) == Fields(p.Second) && p.First.Issues.SequenceEqual(p.Second.Issues))
                && PlanExport.Write(new PlanFile(table.Plan!, table.Valid), format).SequenceEqual(PlanExport.Write(plan, format));
        }));
}
