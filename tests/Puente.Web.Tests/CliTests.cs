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
}
