using System.Globalization;
using nietras.SeparatedValues;
using Puente.Core.Access;
using Puente.Core.Catalog;
using Puente.Core.Records;
using Puente.Core.Text;

namespace Puente.Core.Memory;

/// <summary>
/// Reads an engagement table: UTF-8 CSV (RFC 4180; a byte-order mark is allowed), one engagement per row, the header
/// naming the columns (any order; <see cref="Columns"/>, of which <see cref="RequiredColumns"/> must be present) — the
/// format is documented in docs/engagement-import.md. Every row is checked as the engagement form checks it (kinds,
/// local dates or date-times, IANA zones, clock-change gaps, lengths, sources, codes' form, participants' syntax), except
/// what needs the database. Rows are numbered as a spreadsheet numbers them: the header is row 1, whatever line breaks
/// quoted fields hold. Bounds: <see cref="MaxBytes"/> (callers refuse larger files before reading them),
/// <see cref="MaxRows"/> rows, and a report of the first <see cref="MaxListedProblems"/> problems with the total.
/// </summary>
public static class EngagementImport
{
    /// <summary>The largest file accepted: 20 MB.</summary>
    public const int MaxBytes = 20_000_000;

    /// <summary>The most data rows read; a longer file is refused as a whole.</summary>
    public const int MaxRows = 50_000;

    /// <summary>The most problems a report lists; the rest are counted.</summary>
    public const int MaxListedProblems = 100;

    /// <summary>The highest session number, as the form has it.</summary>
    public const int SessionMax = 10_000;

    /// <summary>The columns, in their documented order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "code", "kind", "title_en", "title_es", "start", "end", "time_zone", "place", "mechanism", "session", "tracks", "issues",
        "summary_en", "summary_es", "outcomes_en", "outcomes_es", "sources", "certainty", "certainty_note", "confidentiality",
        "owner_side", "participants",
    ];

    /// <summary>The columns a header must name (a title is required in one language, checked per row).</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["kind", "start", "time_zone"];

    private static readonly ImportProblemKinds Kinds = new(EngagementImportProblems.Utf16, EngagementImportProblems.NotUtf8, EngagementImportProblems.UnknownColumn, EngagementImportProblems.RepeatedColumn,
        EngagementImportProblems.MissingColumn, EngagementImportProblems.TooLong);

    /// <summary>Reads and checks a whole file.</summary>
    public static EngagementImportTable Parse(ReadOnlySpan<byte> content)
    {
        var problems = new RowProblems(MaxListedProblems);
        var valid = new List<EngagementRow>();
        if (content.Length > MaxBytes)
        {
            problems.Add(1, "file", EngagementImportProblems.FileTooLarge.With(MaxBytes / 1_000_000));
            return new EngagementImportTable(valid, problems, 0, Refused: true);
        }

        if (ImportFile.Decode(content, 1, problems, Kinds) is not { } text)
        {
            return new EngagementImportTable(valid, problems, 0, Refused: true);
        }

        // The separator is fixed: Sep's detection could take the ';' inside the participants cells for it.
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), HasHeader = false, Unescape = true, DisableColCountCheck = true })
            .FromText(text);
        Dictionary<string, int>? columns = null;
        var firstRowOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = 0;
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in reader)
        {
            var row = record.RowIndex + 1;
            if (columns is null)
            {
                columns = ImportFile.Header(record, Columns, RequiredColumns, problems, Kinds);
                if (columns is null)
                {
                    return new EngagementImportTable(valid, problems, 0, Refused: true);
                }

                continue;
            }

            if (ImportFile.IsBlank(record))
            {
                continue;
            }

            if (++rows > MaxRows)
            {
                problems.Add(row, "row", EngagementImportProblems.TooManyRows.With(MaxRows));
                return new EngagementImportTable([], problems, rows - 1, Refused: true);
            }

            if (record.Span.Count('"') % 2 != 0)
            {
                problems.Add(row, "row", EngagementImportProblems.UnclosedQuote.With());
                continue;
            }

            if (record.ColCount != columns.Count)
            {
                problems.Add(row, "row", EngagementImportProblems.FieldCount.With(columns.Count, record.ColCount));
                continue;
            }

            cells.Clear();
            foreach (var (name, index) in columns)
            {
                cells[name] = record[index].ToString();
            }

            if (Check(row, cells, problems) is not { } engagement)
            {
                continue;
            }

            if (engagement.Code is { } code && !firstRowOfCode.TryAdd(code, row))
            {
                problems.Add(row, "code", EngagementImportProblems.RepeatedCode.With(code, firstRowOfCode[code]));
                continue;
            }

            valid.Add(engagement);
        }

        if (columns is null)
        {
            problems.Add(1, "header", EngagementImportProblems.NoHeader.With());
            return new EngagementImportTable(valid, problems, 0, Refused: true);
        }

        return new EngagementImportTable(valid, problems, rows, Refused: false);
    }

    /// <summary>
    /// Checks one row's cells (column name → text; absent columns are empty) and returns the engagement, or null with its
    /// problems reported.
    /// </summary>
    public static EngagementRow? Check(int row, IReadOnlyDictionary<string, string> cells, RowProblems problems)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Total;
        string Cell(string name) => cells.TryGetValue(name, out var value) ? value.Trim() : "";
        void Report(string field, Problem problem) => problems.Add(row, field, problem);

        string? code = null;
        if (Cell("code") is { Length: > 0 } codeText)
        {
            code = CatalogCode.Normalize(codeText);
            if (!CatalogCode.IsValid(code))
            {
                Report("code", EngagementImportProblems.NotACode.With(ImportFile.Echo(codeText)));
            }
        }

        var kind = default(EngagementKind);
        var kindText = Cell("kind");
        if (kindText.Length == 0)
        {
            Report("kind", EngagementImportProblems.Required.With());
        }
        else if (!EnumText.TryParse(kindText, out kind))
        {
            Report("kind", EngagementImportProblems.UnknownKind.With(ImportFile.Echo(kindText), string.Join(", ", Enum.GetNames<EngagementKind>())));
        }

        var titleEn = ImportFile.Text(Cell("title_en"), "title_en", BilingualRecord.NameMaxLength, multiline: false, EngagementImportProblems.TooLong, Report);
        var titleEs = ImportFile.Text(Cell("title_es"), "title_es", BilingualRecord.NameMaxLength, multiline: false, EngagementImportProblems.TooLong, Report);
        if (Cell("title_en").Length == 0 && Cell("title_es").Length == 0)
        {
            Report("title_en", EngagementImportProblems.NoTitle.With());
        }

        var summaryEn = ImportFile.Text(Cell("summary_en"), "summary_en", BilingualRecord.DescriptionMaxLength, multiline: true, EngagementImportProblems.TooLong, Report);
        var summaryEs = ImportFile.Text(Cell("summary_es"), "summary_es", BilingualRecord.DescriptionMaxLength, multiline: true, EngagementImportProblems.TooLong, Report);
        var outcomesEn = ImportFile.Text(Cell("outcomes_en"), "outcomes_en", Engagement.OutcomesMaxLength, multiline: true, EngagementImportProblems.TooLong, Report);
        var outcomesEs = ImportFile.Text(Cell("outcomes_es"), "outcomes_es", Engagement.OutcomesMaxLength, multiline: true, EngagementImportProblems.TooLong, Report);
        var place = ImportFile.Text(Cell("place"), "place", Engagement.PlaceMaxLength, multiline: false, EngagementImportProblems.TooLong, Report);

        var zoneText = Cell("time_zone");
        var zone = LocalTime.Zone(zoneText);
        if (zoneText.Length == 0)
        {
            Report("time_zone", EngagementImportProblems.Required.With());
        }
        else if (zone is null)
        {
            Report("time_zone", EngagementImportProblems.UnknownZone.With(ImportFile.Echo(zoneText)));
        }

        var start = LocalDateTime(Cell("start"), "start", required: true, Report);
        var end = LocalDateTime(Cell("end"), "end", required: false, Report) ?? start;
        if (start is not null && end is not null && start.Value.AllDay != end.Value.AllDay)
        {
            Report("end", EngagementImportProblems.MixedPrecision.With());
        }
        else if (start is not null && end is not null && end.Value.Value < start.Value.Value)
        {
            Report("end", EngagementImportProblems.EndBeforeStart.With());
        }

        DateTime? startUtc = null, endUtc = null;
        if (zone is not null && start is not null && end is not null)
        {
            startUtc = LocalTime.ToUtc(start.Value.Value, zone);
            endUtc = LocalTime.ToUtc(end.Value.Value, zone);
            if (startUtc is null || endUtc is null)
            {
                Report(startUtc is null ? "start" : "end", EngagementImportProblems.SkippedTime.With(zone.Id));
            }
        }

        string? mechanism = null;
        if (Cell("mechanism") is { Length: > 0 } mechanismText)
        {
            mechanism = CatalogCode.Normalize(mechanismText);
            if (!CatalogCode.IsValid(mechanism))
            {
                Report("mechanism", EngagementImportProblems.NotACode.With(ImportFile.Echo(mechanismText)));
            }
        }

        int? session = null;
        if (Cell("session") is { Length: > 0 } sessionText)
        {
            if (!int.TryParse(sessionText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > SessionMax)
            {
                Report("session", EngagementImportProblems.NotASession.With(ImportFile.Echo(sessionText), SessionMax));
            }
            else if (mechanism is null)
            {
                Report("session", EngagementImportProblems.SessionWithoutMechanism.With());
            }
            else
            {
                session = number;
            }
        }

        var tracks = Codes(Cell("tracks"), "tracks", Report);
        var issues = Codes(Cell("issues"), "issues", Report);
        var sources = Sources(Cell("sources"), Report);

        var certainty = Certainty.Unrated;
        if (Cell("certainty") is { Length: > 0 } certaintyText && !EnumText.TryParse(certaintyText, out certainty))
        {
            Report("certainty", EngagementImportProblems.UnknownCertainty.With(ImportFile.Echo(certaintyText)));
        }

        var certaintyNote = ImportFile.Text(Cell("certainty_note"), "certainty_note", Engagement.CertaintyNoteMaxLength, multiline: false, EngagementImportProblems.TooLong, Report);

        var confidentiality = Confidentiality.Shared;
        if (Cell("confidentiality") is { Length: > 0 } confidentialityText)
        {
            if (!EnumText.TryParse(confidentialityText, out confidentiality))
            {
                Report("confidentiality", EngagementImportProblems.UnknownConfidentiality.With(ImportFile.Echo(confidentialityText)));
            }
            else if (confidentiality == Confidentiality.Restricted)
            {
                Report("confidentiality", EngagementImportProblems.RestrictedNotImported.With());
            }
        }

        var side = Side.Joint;
        if (Cell("owner_side") is { Length: > 0 } sideText && !EnumText.TryParse(sideText, out side))
        {
            Report("owner_side", EngagementImportProblems.UnknownSide.With(ImportFile.Echo(sideText)));
        }

        var participants = Participants(Cell("participants"), Report);

        if (problems.Total > before)
        {
            return null;
        }

        return new EngagementRow
        {
            Row = row,
            Code = code,
            Kind = kind,
            TitleEn = titleEn,
            TitleEs = titleEs,
            SummaryEn = summaryEn,
            SummaryEs = summaryEs,
            OutcomesEn = outcomesEn,
            OutcomesEs = outcomesEs,
            StartLocal = start!.Value.Value,
            EndLocal = end!.Value.Value,
            AllDay = start.Value.AllDay,
            TimeZone = zone!.Id,
            StartUtc = startUtc!.Value,
            EndUtc = endUtc!.Value,
            Place = place,
            Mechanism = mechanism,
            Session = session,
            Tracks = tracks,
            Issues = issues,
            Sources = sources,
            Certainty = certainty,
            CertaintyNote = certaintyNote.Length == 0 ? null : certaintyNote,
            Confidentiality = confidentiality,
            OwnerSide = side,
            Participants = participants,
        };
    }

    /// <summary>A date (all day, local midnight) or a local date and time, as the form takes them.</summary>
    private static (DateTime Value, bool AllDay)? LocalDateTime(string text, string field, bool required, Action<string, Problem> report)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                report(field, EngagementImportProblems.Required.With());
            }

            return null;
        }

        if (LocalTime.ParseLocal(text) is { } local)
        {
            return local;
        }

        report(field, EngagementImportProblems.NotALocalTime.With(ImportFile.Echo(text)));
        return null;
    }

    /// <summary>Codes separated by ';' (blanks ignored), normalized, at most <see cref="Engagement.MaxCodes"/>.</summary>
    private static List<string> Codes(string text, string field, Action<string, Problem> report)
    {
        var codes = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(CatalogCode.Normalize).ToList();
        if (codes.Count > Engagement.MaxCodes)
        {
            report(field, EngagementImportProblems.TooManyCodes.With(Engagement.MaxCodes, codes.Count));
            return [];
        }

        foreach (var code in codes.Where(c => !CatalogCode.IsValid(c)))
        {
            report(field, EngagementImportProblems.NotACode.With(ImportFile.Echo(code)));
        }

        return [.. codes.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Web addresses separated by spaces or ';', at most <see cref="Engagement.MaxSources"/>.</summary>
    private static List<string> Sources(string text, Action<string, Problem> report)
    {
        var sources = text.Split([' ', ';', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (sources.Count > Engagement.MaxSources)
        {
            report("sources", EngagementImportProblems.TooManySources.With(Engagement.MaxSources, sources.Count));
            return [];
        }

        foreach (var source in sources)
        {
            if (source.Length > Engagement.SourceMaxLength)
            {
                report("sources", EngagementImportProblems.TooLong.With(Engagement.SourceMaxLength));
            }
            else if (PlainText.Check(source, multiline: false) is { } problem)
            {
                report("sources", problem);
            }
            else if (!WebAddress.IsValid(source))
            {
                report("sources", EngagementImportProblems.NotAWebAddress.With(ImportFile.Echo(source)));
            }
        }

        return sources;
    }

    /// <summary>
    /// Participants separated by ';': <c>person:CODE</c>, <c>post:CODE</c> or <c>delegation:COUNTRY:SENIORITY</c>, then
    /// optionally <c>!lead</c>, then optionally <c>=Role text</c> (the rest of the entry, so a role cannot hold ';').
    /// </summary>
    private static List<ParticipantRow> Participants(string text, Action<string, Problem> report)
    {
        var entries = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length > Participant.MaxPerEngagement)
        {
            report("participants", EngagementImportProblems.TooManyParticipants.With(Participant.MaxPerEngagement, entries.Length));
            return [];
        }

        var result = new List<ParticipantRow>();
        for (var i = 0; i < entries.Length; i++)
        {
            if (ParseParticipant(i + 1, entries[i], report) is { } participant)
            {
                result.Add(participant);
            }
        }

        return result;
    }

    private static ParticipantRow? ParseParticipant(int number, string entry, Action<string, Problem> report)
    {
        var head = entry;
        var role = "";
        if (entry.IndexOf('=', StringComparison.Ordinal) is var equals and >= 0)
        {
            head = entry[..equals].Trim();
            role = entry[(equals + 1)..].Trim();
            if (role.Length > Participant.RoleMaxLength)
            {
                report("participants", EngagementImportProblems.RoleTooLong.With(number, Participant.RoleMaxLength));
                return null;
            }

            if (PlainText.Check(role, multiline: false) is not null || (role.Length > 0 && PlainText.IsInvisible(role)))
            {
                report("participants", EngagementImportProblems.RoleNotPlain.With(number));
                return null;
            }
        }

        const string LeadMark = "!lead";
        var lead = head.EndsWith(LeadMark, StringComparison.OrdinalIgnoreCase);
        if (lead)
        {
            head = head[..^LeadMark.Length].Trim();
        }

        var parts = head.Split(':', StringSplitOptions.TrimEntries);
        var type = parts[0].ToLowerInvariant();
        if (type is "person" or "post" && parts.Length == 2 && CatalogCode.IsValid(CatalogCode.Normalize(parts[1])))
        {
            var code = CatalogCode.Normalize(parts[1]);
            return type == "person" ? new ParticipantRow(code, null, "", null, lead, role) : new ParticipantRow(null, code, "", null, lead, role);
        }

        if (type != "delegation" || parts.Length != 3)
        {
            report("participants", EngagementImportProblems.ParticipantSyntax.With(number, ImportFile.Echo(entry)));
            return null;
        }

        var country = parts[1].ToUpperInvariant();
        if (!Countries.ActorCountries.Contains(country))
        {
            report("participants", EngagementImportProblems.UnknownCountry.With(number, ImportFile.Echo(parts[1]), string.Join(", ", Countries.ActorCountries)));
            return null;
        }

        if (!EnumText.TryParse<Seniority>(parts[2], out var seniority))
        {
            report("participants", EngagementImportProblems.UnknownSeniority.With(number, ImportFile.Echo(parts[2]), string.Join(", ", Enum.GetNames<Seniority>())));
            return null;
        }

        return new ParticipantRow(null, null, country, seniority, lead, role);
    }
}
