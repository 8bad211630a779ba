using Microsoft.EntityFrameworkCore;
using Puente.Cli;
using Puente.Data;
using Puente.Data.Access;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests;

/// <summary>The puente command against a real SQLite data directory.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("puente-cli-").FullName;

    private async Task<(int Code, string Out, string Err)> RunAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PuenteCli.RunAsync([.. args, "--data-dir", _dir], new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Migrate_add_a_user_and_verify_the_audit_chain_then_detect_tampering()
    {
        var migrate = await RunAsync("", "db", "migrate");
        Assert.Equal(0, migrate.Code);
        Assert.True(File.Exists(Path.Combine(_dir, "initial-admin-password")));
        var password = (await File.ReadAllTextAsync(Path.Combine(_dir, "initial-admin-password"))).Trim();
        Assert.DoesNotContain(password, migrate.Out + migrate.Err, StringComparison.Ordinal);

        var add = await RunAsync("Cli-Passw0rd-2026\n", "users", "add", "maria", "--role", "editor", "--side", "MX", "--groups", "water");
        Assert.Equal(0, add.Code);
        Assert.Contains("Created maria (Editor, MX)", add.Out, StringComparison.Ordinal);

        var duplicate = await RunAsync("Cli-Passw0rd-2026\n", "users", "add", "maria", "--role", "editor", "--side", "MX");
        Assert.Equal(1, duplicate.Code);
        Assert.Contains("already taken", duplicate.Err, StringComparison.Ordinal);

        var badRole = await RunAsync("Cli-Passw0rd-2026\n", "users", "add", "pedro", "--role", "emperor", "--side", "MX");
        Assert.Equal(1, badRole.Code);
        Assert.Contains("Unknown role", badRole.Err, StringComparison.Ordinal);

        var noPassword = await RunAsync("", "users", "add", "pedro", "--role", "viewer", "--side", "US");
        Assert.Equal(1, noPassword.Code);

        var verify = await RunAsync("", "audit", "verify");
        Assert.Equal(0, verify.Code);
        Assert.Contains("intact", verify.Out, StringComparison.Ordinal);

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "puente.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE AuditEntries SET \"After\" = replace(\"After\", 'Editor', 'Administrator') WHERE Action = 'UserCreated' AND RecordLabel = 'maria'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
            command.CommandText = "SELECT Id FROM AuditEntries WHERE Action = 'UserCreated' AND RecordLabel = 'maria'";
            var id = (long)(await command.ExecuteScalarAsync())!;
            var broken = await RunAsync("", "audit", "verify");
            Assert.Equal(1, broken.Code);
            Assert.Contains($"BROKEN at entry {id}", broken.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Audit_verify_fails_naming_entries_rewritten_deleted_from_the_end_or_all_deleted()
    {
        Assert.Equal(0, (await RunAsync("", "db", "migrate")).Code);
        await using var db = new SqlitePuenteDbContext(
            new DbContextOptionsBuilder<SqlitePuenteDbContext>().UseSqlite($"Data Source={Path.Combine(_dir, "puente.db")};Pooling=False").Options);
        db.Bind(ViewerContext.ForSystem(), TimeProvider.System, null);
        var last = (await AuditTampering.EntriesAsync(db))[^1].Id;
        var anchorPath = Path.Combine(_dir, "audit-anchor");

        var intact = await RunAsync("", "audit", "verify");
        Assert.Equal(0, intact.Code);
        Assert.Contains($"Audit chain intact: {last} entries checked.", intact.Out, StringComparison.Ordinal);
        Assert.Contains($"Anchor {anchorPath}: signature valid; anchored head entry {last} found with the anchored hash.", intact.Out, StringComparison.Ordinal);

        // An entry rewritten and every later hash recomputed: each link holds, the anchored head does not.
        var originals = await AuditTampering.RewriteAsync(db, 2, "forged");
        var rewritten = await RunAsync("", "audit", "verify");
        Assert.Equal(1, rewritten.Code);
        Assert.Contains($"Audit trail BROKEN: entry {last}, the anchored head, no longer has the anchored hash", rewritten.Out, StringComparison.Ordinal);
        // A later change through the application (an account, in its own transaction) does not re-anchor the forgery.
        var anchorText = await File.ReadAllTextAsync(anchorPath);
        Assert.Equal(0, (await RunAsync("Cli-Passw0rd-2026\n", "users", "add", "maria", "--role", "editor", "--side", "MX")).Code);
        Assert.Equal(anchorText, await File.ReadAllTextAsync(anchorPath));
        Assert.Equal(1, (await RunAsync("", "audit", "verify")).Code);
        await AuditTampering.DeleteFromAsync(db, last + 1);
        await AuditTampering.RestoreAsync(db, originals);
        Assert.Equal(0, (await RunAsync("", "audit", "verify")).Code);

        await AuditTampering.DeleteFromAsync(db, last);
        var lastDeleted = await RunAsync("", "audit", "verify");
        Assert.Equal(1, lastDeleted.Code);
        Assert.Contains($"Audit trail BROKEN: entries {last} to {last} are missing", lastDeleted.Out, StringComparison.Ordinal);

        await AuditTampering.DeleteFromAsync(db, 1);
        var allDeleted = await RunAsync("", "audit", "verify");
        Assert.Equal(1, allDeleted.Code);
        Assert.Contains($"Audit trail BROKEN: entries 1 to {last} are missing", allDeleted.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("intact", allDeleted.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trail_without_an_anchor_fails_verify_until_migrate_anchors_its_checked_head()
    {
        Assert.Equal(0, (await RunAsync("", "db", "migrate")).Code);
        var anchorPath = Path.Combine(_dir, "audit-anchor");

        // The anchor removed but its key left: reported, and neither a save nor migrate anchors the trail anew.
        File.Delete(anchorPath);
        var removed = await RunAsync("", "audit", "verify");
        Assert.Equal(1, removed.Code);
        Assert.Contains($"Audit trail BROKEN: the audit anchor at {anchorPath} was removed while its key is still there", removed.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("Cli-Passw0rd-2026\n", "users", "add", "after-removal", "--role", "viewer", "--side", "MX")).Code);
        Assert.Equal(0, (await RunAsync("", "db", "migrate")).Code);
        Assert.False(File.Exists(anchorPath));
        Assert.Equal(1, (await RunAsync("", "audit", "verify")).Code);

        File.Delete(Path.Combine(_dir, "audit-anchor.key")); // both gone: as after an upgrade from a version without anchors
        var unanchored = await RunAsync("", "audit", "verify");
        Assert.Equal(1, unanchored.Code);
        Assert.Contains($"Audit trail BROKEN: there is no audit anchor at {anchorPath}", unanchored.Out, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("", "db", "migrate")).Code);
        var anchored = await RunAsync("", "audit", "verify");
        Assert.Equal(0, anchored.Code);
        Assert.Contains("signature valid; anchored head entry", anchored.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_list_role_lock_and_unlock_change_accounts_with_audit_entries_and_refuse_unknown_names_and_roles()
    {
        Assert.Equal(0, (await RunAsync("Cli-Passw0rd-2026\n", "users", "add", "ana", "--role", "editor", "--side", "US", "--groups", "water")).Code);

        var role = await RunAsync("", "users", "role", "ana", "viewer");
        Assert.Equal(0, role.Code);
        Assert.Contains("ana is now Viewer.", role.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("", "users", "lock", "ana")).Code);

        var list = await RunAsync("", "users", "list");
        Assert.Equal(0, list.Code);
        var lines = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("USER", lines[0], StringComparison.Ordinal);
        Assert.Equal(["ana", "Viewer", "US", "water", "locked", "ana"], lines.Single(l => l.StartsWith("ana ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        // The generated administrator has not changed its password yet.
        Assert.Contains("must-change-password", lines.Single(l => l.StartsWith("admin ", StringComparison.Ordinal)), StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("", "users", "unlock", "ana")).Code);
        Assert.Contains("active", (await RunAsync("", "users", "list")).Out.Split('\n').Single(l => l.StartsWith("ana ", StringComparison.Ordinal)), StringComparison.Ordinal);

        var unknownUser = await RunAsync("", "users", "role", "nobody", "viewer");
        Assert.Equal(PuenteCli.Failed, unknownUser.Code);
        Assert.Contains("No user named 'nobody'", unknownUser.Err, StringComparison.Ordinal);
        Assert.Equal(PuenteCli.Failed, (await RunAsync("", "users", "lock", "nobody")).Code);
        Assert.Equal(PuenteCli.Failed, (await RunAsync("", "users", "unlock", "nobody")).Code);
        var unknownRole = await RunAsync("", "users", "role", "ana", "emperor");
        Assert.Equal(PuenteCli.Failed, unknownRole.Code);
        Assert.Contains("Unknown role 'emperor'. Use one of: Administrator, Editor, Analyst, Viewer.", unknownRole.Err, StringComparison.Ordinal);

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "puente.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Action || ' ' || Actor || ' ' || \"After\" FROM AuditEntries WHERE RecordLabel = 'ana' ORDER BY Id";
            var entries = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    entries.Add(reader.GetString(0));
                }
            }

            Assert.Equal(4, entries.Count);
            Assert.StartsWith("UserCreated system", entries[0], StringComparison.Ordinal);
            Assert.StartsWith("RoleChanged system", entries[1], StringComparison.Ordinal);
            Assert.Contains("\"Role\":\"Viewer\"", entries[1], StringComparison.Ordinal);
            Assert.StartsWith("UserUpdated system", entries[2], StringComparison.Ordinal);
            Assert.Contains("\"Locked\":true", entries[2], StringComparison.Ordinal);
            Assert.Contains("\"Locked\":false", entries[3], StringComparison.Ordinal);
        }

        Assert.Equal(0, (await RunAsync("", "audit", "verify")).Code);
    }

    [Fact]
    public async Task Water_commands_answer_with_the_documented_json_keys_and_import_validates()
    {
        var allotment = await RunAsync("", "water", "colorado", "allotment", "--year", "2022", "--elevation", "1065.85", "--format", "json");
        Assert.Equal(0, allotment.Code);
        using (var json = System.Text.Json.JsonDocument.Parse(allotment.Out))
        {
            foreach (var key in new[] { "year", "elevationFt", "tier", "baseAf", "surplusAf", "guidelineReductionAf", "bwscpSavingsAf", "allotmentAf" })
            {
                Assert.True(json.RootElement.TryGetProperty(key, out _), key);
            }

            Assert.Equal(1_420_000m, json.RootElement.GetProperty("allotmentAf").GetDecimal());
        }

        var csv = Path.Combine(_dir, "weekly.csv");
        await File.WriteAllTextAsync(csv, "date,volume,unit,source\n2025-11-03,5000,AF,Conchos\n2025-11-10,x,AF,Conchos\n");
        var refused = await RunAsync("", "water", "riogrande", "import", csv);
        Assert.Equal(1, refused.Code);
        Assert.Contains("row 3, volume", refused.Out, StringComparison.Ordinal);
        Assert.Contains("0 written", refused.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("", "water", "riogrande", "import", csv, "--valid-rows-only")).Code);

        var status = await RunAsync("", "water", "riogrande", "status", "--as-of", "2025-11-30", "--format", "json");
        Assert.Equal(0, status.Code);
        using (var json = System.Text.Json.JsonDocument.Parse(status.Out))
        {
            foreach (var key in new[] { "cycle", "cycleStart", "cycleEnd", "asOf", "deliveredAf", "proratedObligationAf", "balanceAf", "requiredAnnualPaceAf", "projectedEndBalanceAf" })
            {
                Assert.True(json.RootElement.TryGetProperty(key, out _), key);
            }

            Assert.Equal(37, json.RootElement.GetProperty("cycle").GetInt32());
            Assert.Equal(5000m, json.RootElement.GetProperty("deliveredAf").GetDecimal());
        }

        Assert.Equal(1, (await RunAsync("", "water", "colorado", "allotment", "--year", "2027", "--elevation", "1060")).Code);

        var huge = Path.Combine(_dir, "huge.csv");
        await File.WriteAllTextAsync(huge, "date,volume,unit,source\n" + new string('x', 5_000_001));
        var tooLarge = await RunAsync("", "water", "riogrande", "import", huge);
        Assert.Equal(1, tooLarge.Code);
        Assert.Contains("larger than 5 MB", tooLarge.Err, StringComparison.Ordinal);
    }

    private const string EngagementHeader = "code,kind,title_en,title_es,start,end,time_zone,place,mechanism,session,tracks,issues,"
        + "summary_en,summary_es,outcomes_en,outcomes_es,sources,certainty,confidentiality,owner_side,participants";

    private SqlitePuenteDbContext Open(Puente.Core.Access.Viewer viewer)
    {
        var db = new SqlitePuenteDbContext(
            new DbContextOptionsBuilder<SqlitePuenteDbContext>().UseSqlite($"Data Source={Path.Combine(_dir, "puente.db")};Pooling=False").Options);
        db.Bind(new ViewerContext { Viewer = viewer }, TimeProvider.System, null);
        return db;
    }

    private async Task<string> WriteCsvAsync(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        await File.WriteAllTextAsync(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    [Fact]
    public async Task Engagements_import_writes_three_engagements_with_participants_readable_as_their_access_says_and_a_rerun_writes_nothing()
    {
        var csv = await WriteCsvAsync("engagements.csv", EngagementHeader + "\n"
            + "IMP-HLED-1,MechanismSession,\"High-Level Economic Dialogue, session 1\",\"Diálogo Económico de Alto Nivel, sesión 1\",2024-03-10T09:30,2024-03-10T17:00,"
            + "America/Mexico_City,Ciudad de México,HLED,1,EXECUTIVE,MIGRATION,\"Opened the dialogue;\nagreed a work plan.\",,,,https://example.gov/a,Verified,Shared,Joint,"
            + "\"person:ALICIA-BARCENA!lead;post:US-SECRETARY-OF-STATE!lead;delegation:US:Cabinet=USTR\"\n"
            + ",Call,Phone call,,2024-05-02,,America/New_York,,,,,,,,,,,,Shared,,delegation:MX:Cabinet!lead\n"
            + "IMP-MX-INTERNAL,Visit,,Visita,2024-06-01,2024-06-03,America/Tijuana,Tijuana,,,,,,,,,,,Internal,MX,person:ALICIA-BARCENA\n");
        var run = await RunAsync("", "engagements", "import", csv);
        Assert.True(run.Code == 0, run.Out + run.Err);
        Assert.Contains("3 row(s), 3 valid, 3 written", run.Out, StringComparison.Ordinal);

        await using (var db = Open(Puente.Core.Access.Viewer.ForUser("u-us", "ana", Puente.Core.Access.Side.US, [], isAdministrator: false)))
        {
            var seen = await db.Set<Puente.Core.Memory.Engagement>()
                .Where(e => e.Code.StartsWith("IMP-") || e.Code.StartsWith("E-20240502-")).ToListAsync();
            Assert.Equal(2, seen.Count); // the MX-internal one is not the U.S. reader's to see
            var hled = seen.Single(e => e.Code == "IMP-HLED-1");
            Assert.Equal(new DateTime(2024, 3, 10, 15, 30, 0), hled.StartUtc);
            Assert.Equal(1, hled.SessionNumber);
            Assert.Equal("Opened the dialogue;\nagreed a work plan.", hled.DescriptionEn);
            var participants = await db.Set<Puente.Core.Memory.Participant>().Include(p => p.Person).Include(p => p.Post)
                .Where(p => p.ParentId == hled.Id).OrderBy(p => p.SortOrder).ToListAsync();
            Assert.Equal(["ALICIA-BARCENA", "US-SECRETARY-OF-STATE", "US"],
                participants.Select(p => p.Person?.Code ?? p.Post?.Code ?? p.Country));
            Assert.Equal([true, true, false], participants.Select(p => p.Lead));
            Assert.Equal("USTR", participants[2].Role);
            Assert.Matches("^E-20240502-[0-9A-F]{8}$", seen.Single(e => e.Kind == Puente.Core.Memory.EngagementKind.Call).Code);
        }

        await using (var db = Open(Puente.Core.Access.Viewer.ForUser("u-mx", "maria", Puente.Core.Access.Side.MX, [], isAdministrator: false)))
        {
            var internalOne = await db.Set<Puente.Core.Memory.Engagement>().SingleAsync(e => e.Code == "IMP-MX-INTERNAL");
            Assert.True(internalOne.AllDay);
            Assert.Single(await db.Set<Puente.Core.Memory.Participant>().Where(p => p.ParentId == internalOne.Id).ToListAsync());
        }

        var rerun = await RunAsync("", "engagements", "import", csv);
        Assert.Equal(1, rerun.Code);
        Assert.Contains("row 2, code: an engagement with the code IMP-HLED-1 already exists", rerun.Out, StringComparison.Ordinal);
        Assert.Contains("row 4, code: an engagement with the code IMP-MX-INTERNAL already exists", rerun.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("", "audit", "verify")).Code);
    }

    [Fact]
    public async Task Engagements_import_writes_nothing_when_a_row_is_bad_unless_asked_for_the_valid_rows()
    {
        var csv = await WriteCsvAsync("mixed.csv", "code,kind,title_en,start,time_zone,participants\n"
            + "OK-1,Call,Good one,2024-05-01,UTC,delegation:MX:Cabinet\n"
            + "BAD-1,Call,Bad zone,2024-05-01,Mexico City,\n"
            + "BAD-2,Call,Nobody,2024-05-01,UTC,person:NO-SUCH-PERSON\n"
            + "OK-2,Summit,Good two,2024-05-02,UTC,\n");
        var refused = await RunAsync("", "engagements", "import", csv);
        Assert.Equal(PuenteCli.Failed, refused.Code);
        Assert.Contains("row 3, time_zone: 'Mexico City' is not an IANA time zone", refused.Out, StringComparison.Ordinal);
        Assert.Contains("row 4, participants: participant 1: no person has the code 'NO-SUCH-PERSON'", refused.Out, StringComparison.Ordinal);
        Assert.Contains("4 row(s), 2 valid, 0 written", refused.Out, StringComparison.Ordinal);
        Assert.Equal(0, await CountImportedAsync());

        var partial = await RunAsync("", "engagements", "import", csv, "--valid-rows-only");
        Assert.Equal(0, partial.Code);
        Assert.Contains("2 written", partial.Out, StringComparison.Ordinal);
        Assert.Equal(2, await CountImportedAsync());
    }

    private async Task<int> CountImportedAsync()
    {
        await using var db = Open(Puente.Core.Access.Viewer.System);
        return await db.Set<Puente.Core.Memory.Engagement>().CountAsync(e => e.Code.StartsWith("OK-") || e.Code.StartsWith("BAD-"));
    }

    [Fact]
    public async Task Engagements_import_lists_the_first_hundred_of_five_hundred_bad_rows_and_refuses_a_file_that_is_not_utf8()
    {
        var rows = string.Concat(Enumerable.Range(0, 500).Select(i => $"Party,Title {i},2024-05-01,UTC\n"));
        var bad = await RunAsync("", "engagements", "import", await WriteCsvAsync("bad.csv", "kind,title_en,start,time_zone\n" + rows));
        Assert.Equal(PuenteCli.Failed, bad.Code);
        var listed = bad.Out.Split('\n').Where(l => l.StartsWith("row ", StringComparison.Ordinal)).ToList();
        Assert.Equal(100, listed.Count);
        Assert.StartsWith("row 2, kind: 'Party' is not a kind", listed[0], StringComparison.Ordinal);
        Assert.StartsWith("row 101, kind:", listed[^1], StringComparison.Ordinal);
        Assert.Contains("400 more problem(s) not listed (500 in all).", bad.Out, StringComparison.Ordinal);

        var latin1 = Path.Combine(_dir, "latin1.csv");
        await File.WriteAllBytesAsync(latin1, System.Text.Encoding.Latin1.GetBytes("kind,title_en,start,time_zone\nVisit,Reunión,2024-05-01,UTC\n"));
        var refused = await RunAsync("", "engagements", "import", latin1);
        Assert.Equal(PuenteCli.Failed, refused.Code);
        Assert.Contains("not UTF-8", refused.Out, StringComparison.Ordinal);
        Assert.Contains("nothing was written", refused.Out, StringComparison.Ordinal);

        var huge = Path.Combine(_dir, "huge.csv");
        await File.WriteAllTextAsync(huge, "kind,title_en,start,time_zone\n" + new string('x', 20_000_001));
        var tooLarge = await RunAsync("", "engagements", "import", huge);
        Assert.Equal(PuenteCli.Failed, tooLarge.Code);
        Assert.Contains("larger than 20 MB", tooLarge.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plans_import_reports_rows_and_columns_writes_all_or_nothing_and_an_export_imports_back_unchanged()
    {
        const string header = "plan_code,plan_name_en,plan_name_es,plan_confidentiality,plan_owner_side,code,section,number,addressee,track,issues,text_en,text_es";
        var bad = await WriteCsvAsync("plan-bad.csv", header + "\n"
            + "CLI-PLAN,Border plan,Plan fronterizo,Internal,MX,CLI-1,1,1,MX,WATER,MIGRATION;WATER,\"Share data, weekly\",\"Compartir datos, cada semana\"\n"
            + "CLI-PLAN,,,,,CLI-2,1,2,Canada,,,Second,\n"
            + "CLI-PLAN,,,,,I-01,2,1,US,,,The paper's code,\n");
        var refused = await RunAsync("", "plans", "import", bad);
        Assert.Equal(PuenteCli.Failed, refused.Code);
        Assert.Contains("row 3, addressee: 'Canada' is not an addressee", refused.Out, StringComparison.Ordinal);
        Assert.Contains("row 4, code: the recommendation code I-01 cannot be used", refused.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", refused.Out, StringComparison.Ordinal);

        var written = await RunAsync("", "plans", "import", bad, "--valid-rows-only");
        Assert.True(written.Code == 0, written.Out + written.Err);
        Assert.Contains("Plan CLI-PLAN created: 1 recommendation(s) created, 0 updated, 0 unchanged.", written.Out, StringComparison.Ordinal);
        await using (var db = Open(Puente.Core.Access.Viewer.ForUser("u-us", "ana", Puente.Core.Access.Side.US, [], isAdministrator: false)))
        {
            Assert.False(await db.Recommendations.AnyAsync(r => r.Code == "CLI-1")); // the plan is Mexico's internal one, and so are its recommendations
        }

        var json = Path.Combine(_dir, "plan.json");
        var export = await RunAsync("", "plans", "export", "cli-plan", "--format", "json", "--output", json);
        Assert.True(export.Code == 0, export.Err);
        using (var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(json)))
        {
            var r = document.RootElement.GetProperty("recommendations")[0];
            Assert.Equal(("CLI-1", "Share data, weekly", "WATER"), (r.GetProperty("code").GetString(), r.GetProperty("textEn").GetString(), r.GetProperty("track").GetString()));
        }

        var again = await RunAsync("", "plans", "import", json);
        Assert.True(again.Code == 0, again.Out + again.Err);
        Assert.Contains("Plan CLI-PLAN updated: 0 recommendation(s) created, 0 updated, 1 unchanged.", again.Out, StringComparison.Ordinal);
        var csv = await RunAsync("", "plans", "export", "CLI-PLAN");
        Assert.StartsWith("plan_code,plan_name_en,", csv.Out, StringComparison.Ordinal);
        Assert.Contains("\"Share data, weekly\"", csv.Out, StringComparison.Ordinal);

        var jsonBad = Path.Combine(_dir, "plan-bad.json");
        await File.WriteAllTextAsync(jsonBad, """{ "code": "CLI-PLAN", "nameEn": "Border plan", "recommendations": [ { "code": "CLI-1" }, { "code": "CLI-3", "section": "1", "number": 3, "addressee": "Mars", "textEn": "x" } ] }""");
        var jsonRefused = await RunAsync("", "plans", "import", jsonBad);
        Assert.Equal(PuenteCli.Failed, jsonRefused.Code);
        Assert.Contains("recommendation 1, section: is required", jsonRefused.Out, StringComparison.Ordinal);
        Assert.Contains("recommendation 2, addressee: 'Mars' is not an addressee", jsonRefused.Out, StringComparison.Ordinal);
        Assert.Equal(PuenteCli.Failed, (await RunAsync("", "plans", "import", Path.Combine(_dir, "plan.txt"))).Code);
        Assert.Equal(PuenteCli.Failed, (await RunAsync("", "plans", "export", "NO-SUCH-PLAN")).Code);
        Assert.Equal(0, (await RunAsync("", "audit", "verify")).Code);
    }

    [Fact]
    public async Task Indicators_import_creates_an_indicator_from_a_csv_all_rows_or_none_and_list_shows_its_latest_value()
    {
        var bad = await WriteCsvAsync("encounters-bad.csv", "period,value\n2024-01,128877\n2024-02,\"140,644\"\n");
        var describe = new[] { "--indicator", "cli-sw", "--name", "Southwest border encounters", "--name-es", "Encuentros en la frontera suroeste",
            "--unit", "encounters", "--frequency", "month", "--concern", "up", "--source", "CBP monthly operational update" };
        var refused = await RunAsync("", ["indicators", "import", bad, .. describe]);
        Assert.Equal(PuenteCli.Failed, refused.Code);
        Assert.Contains("row 3, value: '140,644' is not a number: write it with a decimal point and no thousands separators", refused.Out, StringComparison.Ordinal);
        Assert.Contains("nothing was written", refused.Out, StringComparison.Ordinal);
        var empty = await RunAsync("", "indicators", "list");
        Assert.Contains("No indicators yet", empty.Out, StringComparison.Ordinal);

        var good = await WriteCsvAsync("encounters.csv", "period,value\n2024-01,128877\n2024-02,140644\n2024-03-31,137480\n");
        var created = await RunAsync("", ["indicators", "import", good, .. describe]);
        Assert.True(created.Code == 0, created.Out + created.Err);
        Assert.Contains("Created indicator CLI-SW (month, encounters): 3 value(s) added, 0 revised, 0 unchanged.", created.Out, StringComparison.Ordinal);
        var again = await RunAsync("", "indicators", "import", good, "--indicator", "CLI-SW");
        Assert.Contains("0 value(s) added, 0 revised, 3 unchanged.", again.Out, StringComparison.Ordinal);

        var list = await RunAsync("", "indicators", "list");
        Assert.Equal(0, list.Code);
        var row = Assert.Single(list.Out.Split('\n'), l => l.StartsWith("CLI-SW ", StringComparison.Ordinal));
        Assert.Matches(@"^CLI-SW +month +3 +2024-03 +137480 +encounters +Shared +Southwest border encounters$", row);

        var missing = await RunAsync("", "indicators", "import", good, "--indicator", "CLI-NEW", "--name", "New");
        Assert.Equal(PuenteCli.Failed, missing.Code);
        Assert.Contains("CLI-NEW is a new indicator: give --name, --unit, --frequency and --concern (missing: --unit, --frequency, --concern).", missing.Err, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("", "audit", "verify")).Code);
    }

    [Fact]
    public async Task A_bad_data_directory_is_a_clear_configuration_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PuenteCli.RunAsync(["db", "migrate", "--data-dir", "/proc/puente-nope"], new StringReader(""), output, error);
        Assert.Equal(PuenteCli.BadConfiguration, code);
        Assert.Contains("Puente:DataDirectory", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Crises_add_marks_a_crisis_naming_each_bad_option_and_list_shows_them_by_first_day()
    {
        var refused = await RunAsync("", "crises", "add", "--code", "MIG-2019", "--start", "2019-06-30", "--end", "2019-05-01", "--issue", "NOT-AN-ISSUE");
        Assert.Equal(PuenteCli.Failed, refused.Code);
        Assert.Contains("--end: the crisis ends (2019-05-01) before it starts (2019-06-30)", refused.Err, StringComparison.Ordinal);
        Assert.Contains("--issue: 'NOT-AN-ISSUE' is not an agenda issue", refused.Err, StringComparison.Ordinal);
        Assert.Contains("--name: give a name in English or Spanish", refused.Err, StringComparison.Ordinal);
        var future = await RunAsync("", "crises", "add", "--code", "MIG-2199", "--start", "2199-01-01", "--end", "2199-01-02", "--issue", "MIGRATION", "--name", "Later");
        Assert.Equal(PuenteCli.Failed, future.Code);
        Assert.Contains("--start: 2199-01-01 is in the future", future.Err, StringComparison.Ordinal);
        Assert.Contains("No crises are marked.", (await RunAsync("", "crises", "list")).Out, StringComparison.Ordinal);

        var added = await RunAsync("", "crises", "add", "--code", "mig-2019", "--start", "2019-05-30", "--end", "2019-06-07", "--issue", "migration",
            "--name", "Tariff threat over migration", "--name-es", "Amenaza arancelaria por migración", "--description", "Threatened tariffs until Mexico acted at its borders.");
        Assert.Equal(0, added.Code);
        Assert.Contains("Marked crisis MIG-2019: 2019-05-30 to 2019-06-07, MIGRATION.", added.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("", "crises", "add", "--code", "WATER-2020", "--start", "2020-09-08", "--end", "2020-10-22", "--issue", "WATER",
            "--name-es", "Protestas en La Boquilla")).Code);
        var again = await RunAsync("", "crises", "add", "--code", "MIG-2019", "--start", "2019-05-30", "--end", "2019-06-07", "--issue", "MIGRATION", "--name", "Again");
        Assert.Equal(PuenteCli.Failed, again.Code);
        Assert.Contains("--code: the code 'MIG-2019' cannot be used", again.Err, StringComparison.Ordinal);

        var list = await RunAsync("", "crises", "list");
        Assert.Equal(0, list.Code);
        var lines = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("MIG-2019", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("WATER-2020", lines[2], StringComparison.Ordinal);
        Assert.Contains("Protestas en La Boquilla", lines[2], StringComparison.Ordinal);
        Assert.Contains("2 crisis(es).", list.Out, StringComparison.Ordinal);
        var json = System.Text.Json.JsonDocument.Parse((await RunAsync("", "crises", "list", "--issue", "WATER", "--format", "json")).Out).RootElement;
        Assert.Equal(1, json.GetArrayLength());
        Assert.Equal("2020-10-22", json[0].GetProperty("end").GetString());
        Assert.Equal("Shared", json[0].GetProperty("confidentiality").GetString());

        // Marked through the one audited save: the chain holds the crisis.
        await using (var db = Open(Puente.Core.Access.Viewer.System))
        {
            var id = await db.Set<Puente.Core.Warning.MarkedCrisis>().Where(c => c.Code == "MIG-2019").Select(c => c.Id).SingleAsync();
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.RecordId == id && a.Action == Puente.Core.Audit.AuditAction.Created));
        }

        Assert.Equal(0, (await RunAsync("", "audit", "verify")).Code);
    }

}
