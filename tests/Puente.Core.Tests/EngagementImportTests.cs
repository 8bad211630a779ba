using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Puente.Core.Access;
using Puente.Core.Memory;
using Puente.Core.Text;

namespace Puente.Core.Tests;

public sealed class EngagementImportTests
{
    private const string Header = "code,kind,title_en,title_es,start,end,time_zone,place,mechanism,session,tracks,issues,summary_en,summary_es,"
        + "outcomes_en,outcomes_es,sources,certainty,certainty_note,confidentiality,owner_side,participants";

    private static EngagementImportTable Parse(string text) => EngagementImport.Parse(Encoding.UTF8.GetBytes(text));

    /// <summary>A minimal valid file: the header and rows of kind, title, start and zone.</summary>
    private static string Minimal(params string[] rows) => "kind,title_en,start,time_zone\n" + string.Join('\n', rows) + "\n";

    [Fact]
    public void A_full_row_with_quoted_commas_quotes_and_line_breaks_and_a_bom_reads_every_field()
    {
        var csv = "\uFEFF" + Header + "\r\n"
            + "e-2024-hlsd,MechanismSession,\"Security Dialogue, third session\",\"Diálogo de Seguridad, tercera sesión\",2024-03-10T09:30,2024-03-10T17:00,"
            + "America/Mexico_City,\"Ciudad de México\",HLSD,3,SECURITY;migration,FENTANYL,\"Line one\nline \"\"two\"\"\",,,,"
            + "https://a.example/x https://b.example/y;http://c.example,Verified,two sources,Internal,MX,"
            + "\"person:ALICIA-BARCENA!lead;post:US-SECRETARY-OF-STATE!lead=Secretary, of State;delegation:us:cabinet=USTR\"\r\n";
        var table = Parse(csv);
        Assert.False(table.Problems.Any, string.Join("; ", table.Problems.Listed));
        var row = Assert.Single(table.Valid);
        Assert.Equal(2, row.Row);
        Assert.Equal("E-2024-HLSD", row.Code);
        Assert.Equal(EngagementKind.MechanismSession, row.Kind);
        Assert.Equal("Security Dialogue, third session", row.TitleEn);
        Assert.Equal("Diálogo de Seguridad, tercera sesión", row.TitleEs);
        Assert.Equal(new DateTime(2024, 3, 10, 9, 30, 0), row.StartLocal);
        Assert.False(row.AllDay);
        Assert.Equal(new DateTime(2024, 3, 10, 15, 30, 0), row.StartUtc); // UTC-6, no daylight saving since 2022
        Assert.Equal("HLSD", row.Mechanism);
        Assert.Equal(3, row.Session);
        Assert.Equal(["SECURITY", "MIGRATION"], row.Tracks);
        Assert.Equal(["FENTANYL"], row.Issues);
        Assert.Equal("Line one\nline \"two\"", row.SummaryEn);
        Assert.Equal(["https://a.example/x", "https://b.example/y", "http://c.example"], row.Sources);
        Assert.Equal(Certainty.Verified, row.Certainty);
        Assert.Equal("two sources", row.CertaintyNote);
        Assert.Equal(Confidentiality.Internal, row.Confidentiality);
        Assert.Equal(Side.MX, row.OwnerSide);
        Assert.Equal(
        [
            new ParticipantRow("ALICIA-BARCENA", null, "", null, true, ""),
            new ParticipantRow(null, "US-SECRETARY-OF-STATE", "", null, true, "Secretary, of State"),
            new ParticipantRow(null, null, "US", Seniority.Cabinet, false, "USTR"),
        ], row.Participants);
    }

    [Fact]
    public void A_date_is_all_day_at_local_midnight_and_the_end_defaults_to_the_start()
    {
        var row = Assert.Single(Parse(Minimal("Call,Llamada,2025-01-20,America/New_York")).Valid);
        Assert.True(row.AllDay);
        Assert.Equal(new DateTime(2025, 1, 20), row.StartLocal);
        Assert.Equal(row.StartLocal, row.EndLocal);
        Assert.Equal(new DateTime(2025, 1, 20, 5, 0, 0), row.StartUtc);
        Assert.Null(row.Code);
        Assert.Equal(Confidentiality.Shared, row.Confidentiality);
        Assert.Equal(Side.Joint, row.OwnerSide);
    }

    [Theory]
    [InlineData("kind", "Party", "engagementImport.unknownKind")]
    [InlineData("kind", "1", "engagementImport.unknownKind")]
    [InlineData("kind", "", "engagementImport.required")]
    [InlineData("start", "2024-13-01", "engagementImport.notALocalTime")]
    [InlineData("start", "1899-12-31", "engagementImport.notALocalTime")]
    [InlineData("start", "2024-03-10T25:00", "engagementImport.notALocalTime")]
    [InlineData("start", "", "engagementImport.required")]
    [InlineData("time_zone", "Eastern Standard Time", "engagementImport.unknownZone")]
    [InlineData("time_zone", "Mars/Olympus", "engagementImport.unknownZone")]
    [InlineData("end", "2024-05-01T10:00", "engagementImport.mixedPrecision")]
    [InlineData("end", "2024-04-30", "engagementImport.endBeforeStart")]
    [InlineData("code", "E 1", "engagementImport.notACode")]
    [InlineData("title_en", "Bad\u0001title", "text.controlCharacter")]
    [InlineData("title_en", "Evil\u202Etitle", "text.bidiControl")]
    [InlineData("title_en", "Two\nlines", "text.controlCharacter")]
    [InlineData("place", "\u200B", "text.invisible")]
    [InlineData("session", "5", "engagementImport.sessionWithoutMechanism")]
    [InlineData("session", "0", "engagementImport.notASession")]
    [InlineData("session", "10001", "engagementImport.notASession")]
    [InlineData("session", "+3", "engagementImport.notASession")]
    [InlineData("mechanism", "NOT A CODE", "engagementImport.notACode")]
    [InlineData("sources", "ftp://files.example/a", "engagementImport.notAWebAddress")]
    [InlineData("sources", "javascript:alert(1)", "engagementImport.notAWebAddress")]
    [InlineData("sources", "www.example.org", "engagementImport.notAWebAddress")]
    [InlineData("certainty", "Sure", "engagementImport.unknownCertainty")]
    [InlineData("confidentiality", "Secret", "engagementImport.unknownConfidentiality")]
    [InlineData("confidentiality", "Restricted", "engagementImport.restrictedNotImported")]
    [InlineData("owner_side", "CA", "engagementImport.unknownSide")]
    [InlineData("participants", "member:X", "engagementImport.participantSyntax")]
    [InlineData("participants", "person:", "engagementImport.participantSyntax")]
    [InlineData("participants", "person:A:B", "engagementImport.participantSyntax")]
    [InlineData("participants", "delegation:US", "engagementImport.participantSyntax")]
    [InlineData("participants", "delegation:FR:Cabinet", "engagementImport.unknownCountry")]
    [InlineData("participants", "delegation:US:Boss", "engagementImport.unknownSeniority")]
    [InlineData("participants", "person:X=Co\u0007chair", "engagementImport.roleNotPlain")]
    public void A_bad_cell_is_reported_with_its_row_field_and_code(string field, string value, string code)
    {
        var cells = new Dictionary<string, string>
        {
            ["kind"] = "Visit", ["title_en"] = "Visit", ["start"] = "2024-05-01", ["time_zone"] = "America/Mexico_City", [field] = value,
        };
        var csv = string.Join(',', cells.Keys) + "\n" + string.Join(',', cells.Values.Select(Quote)) + "\n";
        var table = Parse(csv);
        Assert.Empty(table.Valid);
        var problem = Assert.Single(table.Problems.Listed);
        Assert.Equal((2, field, code), (problem.Row, problem.Field, problem.Problem.Code));
    }

    [Theory]
    [InlineData("title_en", BilingualLimit)]
    [InlineData("summary_en", 4000)]
    [InlineData("outcomes_es", 4000)]
    [InlineData("place", 200)]
    [InlineData("certainty_note", 300)]
    public void A_cell_longer_than_the_record_holds_is_refused(string field, int max)
    {
        var ok = Parse($"kind,start,time_zone,title_es,{field}\nCall,2024-05-01,UTC,T,{new string('a', max)}\n");
        Assert.Single(ok.Valid);
        var table = Parse($"kind,start,time_zone,title_es,{field}\nCall,2024-05-01,UTC,T,{new string('a', max + 1)}\n");
        var problem = Assert.Single(table.Problems.Listed);
        Assert.Equal((field, "engagementImport.tooLong"), (problem.Field, problem.Problem.Code));
    }

    private const int BilingualLimit = 300;

    [Fact]
    public void Limits_on_sources_codes_and_participants_are_the_forms()
    {
        var sources = string.Join(' ', Enumerable.Range(0, 11).Select(i => $"https://s.example/{i}"));
        var tracks = string.Join(';', Enumerable.Range(0, 21).Select(i => $"T{i}"));
        var participants = string.Join(';', Enumerable.Range(0, 201).Select(_ => "delegation:MX:Cabinet"));
        var table = Parse($"kind,title_en,start,time_zone,sources,tracks,participants\nCall,T,2024-05-01,UTC,{sources},{tracks},{participants}\n");
        Assert.Equal(["engagementImport.tooManyCodes", "engagementImport.tooManySources", "engagementImport.tooManyParticipants"],
            table.Problems.Listed.Select(p => p.Problem.Code));

        var atLimit = Parse($"kind,title_en,start,time_zone,sources,tracks,participants\nCall,T,2024-05-01,UTC,"
            + $"{string.Join(';', Enumerable.Range(0, 10).Select(i => $"https://s.example/{i}"))},{string.Join(';', Enumerable.Range(0, 20).Select(i => $"T{i}"))},"
            + $"{string.Join(';', Enumerable.Range(0, 200).Select(_ => "delegation:MX:Cabinet"))}\n");
        Assert.Equal(200, Assert.Single(atLimit.Valid).Participants.Count);
    }

    [Fact]
    public void A_local_time_the_clocks_skip_is_refused_and_one_they_repeat_is_taken()
    {
        var gap = Parse(Minimal("Call,T,2024-03-10T02:30,America/New_York"));
        Assert.Equal(("start", "engagementImport.skippedTime"), (gap.Problems.Listed[0].Field, gap.Problems.Listed[0].Problem.Code));
        var endInGap = Parse("kind,title_en,start,end,time_zone\nCall,T,2024-03-10T01:00,2024-03-10T02:15,America/New_York\n");
        Assert.Equal("end", Assert.Single(endInGap.Problems.Listed).Field);
        Assert.Single(Parse(Minimal("Call,T,2024-11-03T01:30,America/New_York")).Valid);
    }

    [Fact]
    public void Rows_are_counted_as_a_spreadsheet_counts_them_whatever_line_breaks_cells_hold()
    {
        var table = Parse("kind,title_en,start,time_zone,summary_en\nCall,T,2024-05-01,UTC,\"one\ntwo\nthree\"\n\nCall,T,2024-05-32,UTC,x\n");
        Assert.Equal(2, table.Rows);
        var problem = Assert.Single(table.Problems.Listed);
        Assert.Equal(4, problem.Row); // header 1, the multi-line row 2, the blank row 3
    }

    [Fact]
    public void A_code_repeated_in_the_file_is_a_problem_of_the_later_row()
    {
        var table = Parse("code,kind,title_en,start,time_zone\nE-1,Call,T,2024-05-01,UTC\nE-2,Call,T,2024-05-01,UTC\ne-1,Call,T,2024-05-02,UTC\n");
        Assert.Equal(2, table.Valid.Count);
        var problem = Assert.Single(table.Problems.Listed);
        Assert.Equal((4, "code"), (problem.Row, problem.Field));
        Assert.Equal("the code E-1 is already used in row 2 of this file", problem.Message);
    }

    [Theory]
    [InlineData("kind,title,start,time_zone\n", "engagementImport.unknownColumn")]
    [InlineData("kind,title_en,start,start,time_zone\n", "engagementImport.repeatedColumn")]
    [InlineData("title_en,start,time_zone\n", "engagementImport.missingColumn")]
    [InlineData("", "engagementImport.noHeader")]
    public void A_bad_header_refuses_the_file(string csv, string code)
    {
        var table = Parse(csv.Length == 0 ? "" : csv + "Call,T,2024-05-01,UTC\n");
        Assert.True(table.Refused);
        Assert.Equal(code, table.Problems.Listed[0].Problem.Code);
        Assert.Equal(1, table.Problems.Listed[0].Row);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_saying_where()
    {
        var latin1 = Encoding.Latin1.GetBytes(Minimal("Call,Reunión,2024-05-01,UTC"));
        var table = EngagementImport.Parse(latin1);
        Assert.True(table.Refused);
        Assert.Equal("engagementImport.notUtf8", Assert.Single(table.Problems.Listed).Problem.Code);
        Assert.Contains("line 2", table.Problems.Listed[0].Message, StringComparison.Ordinal);

        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Minimal("Call,T,2024-05-01,UTC"))).ToArray();
        Assert.Equal("engagementImport.utf16", Assert.Single(EngagementImport.Parse(utf16).Problems.Listed).Problem.Code);
    }

    [Fact]
    public void Rows_with_the_wrong_number_of_fields_or_an_unclosed_quote_are_reported()
    {
        var table = Parse(Minimal("Call,T,2024-05-01", "Call,T,2024-05-01,UTC,extra", "Call,\"T,2024-05-01,UTC", "Call,T,2024-05-01,UTC"));
        Assert.Equal(["engagementImport.fieldCount", "engagementImport.fieldCount", "engagementImport.unclosedQuote"],
            table.Problems.Listed.Select(p => p.Problem.Code));
        Assert.Equal([2, 3, 4], table.Problems.Listed.Select(p => p.Row));
    }

    [Fact]
    public void The_report_lists_the_first_hundred_problems_in_row_order_and_counts_all()
    {
        var table = Parse(Minimal([.. Enumerable.Range(0, 500).Select(_ => "Party,T,2024-05-01,UTC")]));
        Assert.Equal(500, table.Problems.Total);
        Assert.Equal(EngagementImport.MaxListedProblems, table.Problems.Listed.Count);
        Assert.Equal(Enumerable.Range(2, 100), table.Problems.Listed.Select(p => p.Row));
        Assert.Equal(400, table.Problems.Unlisted);
    }

    [Fact]
    public void Later_problems_of_earlier_rows_displace_listed_ones_of_later_rows()
    {
        var problems = new RowProblems(2);
        problems.Add(5, "a", TextProblems.Invisible.With());
        problems.Add(9, "a", TextProblems.Invisible.With());
        problems.Add(3, "b", TextProblems.Invisible.With());
        Assert.Equal([3, 5], problems.Listed.Select(p => p.Row));
        Assert.Equal(3, problems.Total);
        Assert.True(problems.HasRow(9));
    }

    [Fact]
    public void A_file_of_more_rows_than_the_bound_is_refused_as_a_whole()
    {
        var rows = new StringBuilder("kind,title_en,start,time_zone\n");
        for (var i = 0; i <= EngagementImport.MaxRows; i++)
        {
            rows.Append("Call,T,2024-05-01,UTC\n");
        }

        var table = Parse(rows.ToString());
        Assert.True(table.Refused);
        Assert.Empty(table.Valid);
        Assert.Equal("engagementImport.tooManyRows", Assert.Single(table.Problems.Listed).Problem.Code);
        Assert.Equal(EngagementImport.MaxRows + 2, table.Problems.Listed[0].Row);
    }

    [Fact]
    public void A_file_larger_than_the_bound_is_refused_unread()
    {
        var table = EngagementImport.Parse(new byte[EngagementImport.MaxBytes + 1]);
        Assert.True(table.Refused);
        Assert.Equal("engagementImport.fileTooLarge", Assert.Single(table.Problems.Listed).Problem.Code);
    }

    internal static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

public sealed class EngagementImportPropertyTests
{
    private static readonly string[] Zones = ["UTC", "America/Mexico_City", "America/New_York", "America/Tijuana", "America/Los_Angeles"];

    /// <summary>Text as people write it: accents, commas, quotes, semicolons, and (when multi-line) line breaks.</summary>
    private static Gen<string> TextGen(int max, bool multiline) =>
        Gen.Elements([.. "abcXYZ áéñÑü,\"';-.()¿?" + (multiline ? "\n" : "")]).ListOf()
            .Select(cs => new string([.. cs.Take(max)]).Trim())
            .Where(s => s.Length == 0 || !PlainText.IsInvisible(s));

    private static Gen<ParticipantRow> ParticipantGen =>
        Gen.OneOf(
            Gen.Elements("ALICIA-BARCENA", "MARCELO-EBRARD", "A.B-1").Select(c => new ParticipantRow(c, null, "", null, false, "")),
            Gen.Elements("US-SECRETARY-OF-STATE", "MX-SRE").Select(c => new ParticipantRow(null, c, "", null, false, "")),
            Gen.Elements([.. Catalog.Countries.ActorCountries]).Zip(Gen.Elements(Enum.GetValues<Seniority>()))
                .Select(t => new ParticipantRow(null, null, t.Item1, t.Item2, false, "")))
        .Zip(ArbMap.Default.GeneratorFor<bool>()).Zip(Gen.Elements("", "USTR", "co-chair", "Vice President"))
        .Select(t => t.Item1.Item1 with { Lead = t.Item1.Item2, Role = t.Item2 });

    private sealed record Input(string? Code, EngagementKind Kind, string TitleEn, string TitleEs, DateOnly Day, int? StartMinute, int Days,
        string Zone, string Summary, string Place, string? Mechanism, int? Session, string[] Tracks, string[] Sources, Certainty Certainty,
        Confidentiality Confidentiality, Side Side, ParticipantRow[] Participants);

    private static Gen<Input> InputGen =>
        from code in Gen.Elements<string?>(null, "E-1", "HLSD-2024.3")
        from kind in Gen.Elements(Enum.GetValues<EngagementKind>())
        from titleEn in TextGen(300, multiline: false)
        from titleEs in TextGen(300, multiline: false)
        from day in Gen.Choose(0, 90_000).Select(d => new DateOnly(1950, 1, 1).AddDays(d))
        from minute in Gen.Elements<int?>(null, 9 * 60, 12 * 60 + 30, 18 * 60 + 5) // daytime: no clock change happens then
        from days in Gen.Choose(0, 5)
        from zone in Gen.Elements(Zones)
        from summary in TextGen(4000, multiline: true)
        from place in TextGen(200, multiline: false)
        from mechanism in Gen.Elements<string?>(null, "HLSD", "BINATIONAL-COMMISSION")
        from session in Gen.Choose(0, 10_000)
        from tracks in Gen.Elements("SECURITY", "MIGRATION", "WATER", "TRADE").ListOf().Select(l => l.Take(20).Distinct().ToArray())
        from sources in Gen.Choose(0, 9999).Select(i => $"https://example.org/{i}?q=a,b").ListOf().Select(l => l.Take(10).ToArray())
        from certainty in Gen.Elements(Enum.GetValues<Certainty>())
        from confidentiality in Gen.Elements(Confidentiality.Shared, Confidentiality.Internal)
        from side in Gen.Elements(Enum.GetValues<Side>())
        from participants in ParticipantGen.ListOf().Select(l => l.Take(30).ToArray())
        select new Input(code, kind, titleEn.Length == 0 && titleEs.Length == 0 ? "T" : titleEn, titleEs, day, minute, days, zone, summary, place,
            mechanism, mechanism is null || session == 0 ? null : session, tracks, sources, certainty, confidentiality, side, participants);

    private static string Cell(ParticipantRow p) =>
        (p.Person is not null ? $"person:{p.Person}" : p.Post is not null ? $"post:{p.Post}" : $"delegation:{p.Country}:{p.Seniority}")
        + (p.Lead ? "!lead" : "") + (p.Role.Length > 0 ? "=" + p.Role : "");

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Any_valid_row_written_as_a_spreadsheet_writes_it_reads_back_the_same() =>
        Prop.ForAll(InputGen.ToArbitrary(), i =>
        {
            var start = i.Day.ToDateTime(TimeOnly.MinValue).AddMinutes(i.StartMinute ?? 0);
            var end = start.AddDays(i.Days);
            var format = i.StartMinute is null ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm";
            var cells = new Dictionary<string, string>
            {
                ["code"] = i.Code?.ToLowerInvariant() ?? "", ["kind"] = i.Kind.ToString(), ["title_en"] = i.TitleEn, ["title_es"] = i.TitleEs,
                ["start"] = start.ToString(format, CultureInfo.InvariantCulture), ["end"] = end.ToString(format, CultureInfo.InvariantCulture),
                ["time_zone"] = i.Zone, ["place"] = i.Place, ["mechanism"] = i.Mechanism ?? "",
                ["session"] = i.Session?.ToString(CultureInfo.InvariantCulture) ?? "", ["tracks"] = string.Join(';', i.Tracks),
                ["summary_es"] = i.Summary, ["sources"] = string.Join(' ', i.Sources), ["certainty"] = i.Certainty.ToString(),
                ["confidentiality"] = i.Confidentiality.ToString(), ["owner_side"] = i.Side.ToString(),
                ["participants"] = string.Join(';', i.Participants.Select(Cell)),
            };
            var csv = string.Join(',', cells.Keys) + "\r\n" + string.Join(',', cells.Values.Select(EngagementImportTests.Quote)) + "\r\n";
            var table = EngagementImport.Parse(Encoding.UTF8.GetBytes(csv));
            if (table.Valid.Count != 1)
            {
                return false.Label(string.Join("; ", table.Problems.Listed));
            }

            var r = table.Valid[0];
            var zone = LocalTime.Zone(i.Zone)!;
            return (r.Row == 2 && r.Code == i.Code && r.Kind == i.Kind && r.TitleEn == i.TitleEn && r.TitleEs == i.TitleEs
                && r.StartLocal == start && r.EndLocal == end && r.AllDay == (i.StartMinute is null) && r.TimeZone == zone.Id
                && r.StartUtc == TimeZoneInfo.ConvertTimeToUtc(start, zone) && r.SummaryEs == i.Summary && r.Place == i.Place
                && r.Mechanism == i.Mechanism && r.Session == i.Session && r.Tracks.SequenceEqual(i.Tracks) && r.Sources.SequenceEqual(i.Sources)
                && r.Certainty == i.Certainty && r.Confidentiality == i.Confidentiality && r.OwnerSide == i.Side
                && r.Participants.SequenceEqual(i.Participants)).Label(csv);
        });
}
