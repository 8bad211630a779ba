using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Core.Access;
using Puente.Core.Audit;
using Puente.Data.Audit;
using Puente.Data.Identity;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

public abstract class AuditTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    [Fact]
    public async Task Sign_ins_failed_sign_ins_and_role_changes_are_in_the_trail()
    {
        app.SkipIfUnavailable();
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "joint-viewer", password = TestUsers.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "joint-viewer", password = "not-the-password" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "nobody-here", password = "x" })).StatusCode);

        var (scope, db) = app.Database();
        await using (scope)
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "joint-viewer");
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var result = await accounts.UpdateAsync(user.Id, Roles.Analyst, Side.Joint, [], "Joint viewer", false, Viewer.System);
            Assert.True(result.Succeeded);

            var entries = await db.AuditEntries.Where(a => a.EntityType == "Account").OrderBy(a => a.Id).ToListAsync();
            Assert.Contains(entries, e => e.Action == AuditAction.SignIn && e.Actor == "joint-viewer");
            Assert.Contains(entries, e => e.Action == AuditAction.SignInFailed && e.Actor == "joint-viewer");
            // An unknown name is recorded by its length and digest, never as typed (it may be a password typed in the wrong field).
            Assert.Contains(entries, e => e.Action == AuditAction.SignInFailed && e.Actor == Puente.Web.Hosting.AuditingSignInManager.UnknownName("nobody-here"));
            Assert.DoesNotContain(entries, e => e.Actor.Contains("nobody-here", StringComparison.Ordinal) || (e.RecordLabel ?? "").Contains("nobody-here", StringComparison.Ordinal));
            var roleChange = Assert.Single(entries, e => e.Action == AuditAction.RoleChanged && e.RecordLabel == "joint-viewer");
            Assert.Contains("\"Role\":\"Viewer\"", roleChange.Before, StringComparison.Ordinal);
            Assert.Contains("\"Role\":\"Analyst\"", roleChange.After, StringComparison.Ordinal);
            // No password, hashed or not, is ever written to the trail.
            Assert.DoesNotContain(entries, e => (e.Before + e.After).Contains(TestUsers.Password, StringComparison.Ordinal)
                || (e.Before + e.After).Contains("not-the-password", StringComparison.Ordinal)
                || (e.Before + e.After).Contains("PasswordHash", StringComparison.Ordinal));
            Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
        }
    }

    [Fact]
    public async Task Concurrent_writers_keep_one_unbroken_chain()
    {
        app.SkipIfUnavailable();
        var writers = Enumerable.Range(0, 8).Select(async w =>
        {
            for (var i = 0; i < 5; i++)
            {
                var (scope, db) = app.Database();
                await using (scope)
                {
                    db.Actors.Add(new Core.Catalog.Actor { Code = $"CONC-{w}-{i}", NameEn = $"Concurrent {w}.{i}", Country = "MX" });
                    await db.SaveChangesAsync();
                }
            }
        });
        await Task.WhenAll(writers);

        var (s, context) = app.Database();
        await using (s)
        {
            Assert.Equal(40, await context.Actors.CountAsync(a => a.Code.StartsWith("CONC-")));
            Assert.Equal(40, await context.AuditEntries.CountAsync(a => a.RecordLabel!.StartsWith("CONC-")));
            var verification = await AuditVerifier.VerifyAsync(context);
            Assert.True(verification.Intact, $"broken at {verification.FirstBreak}, {verification.Anchor.Problem}");
            // Anchors written out of commit order never move back: the anchor ends at the last entry.
            Assert.Equal(verification.Anchor.LastEntryId, verification.Anchor.AnchoredHeadId);
        }
    }

    [Fact]
    public async Task The_application_refuses_to_alter_or_delete_audit_entries()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.Database();
        await using (scope)
        {
            var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
            entry.Actor = "someone else";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task The_verifier_finds_the_first_entry_altered_in_the_database()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.Database();
        await using (scope)
        {
            Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
            var original = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Skip(3).FirstAsync();
            var target = original.Id;
            // Tamper behind the application's back, as someone with database access would.
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"RecordLabel\" = 'forged' WHERE \"Id\" = {target}");
            var result = await AuditVerifier.VerifyAsync(db);
            Assert.False(result.Intact);
            Assert.Equal(target, result.FirstBreak!.EntryId);
            Assert.Equal(AuditBreakKind.ContentAltered, result.FirstBreak.Kind);
            Assert.Equal(3, result.EntriesChecked);

            // Re-hashing the altered entry to hide it breaks the next link instead.
            var altered = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == target);
            var forgedHash = AuditChain.ComputeHash(altered.ToFacts(), altered.PreviousHash);
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Hash\" = {forgedHash} WHERE \"Id\" = {target}");
            result = await AuditVerifier.VerifyAsync(db);
            Assert.Equal(AuditBreakKind.PreviousHashMismatch, result.FirstBreak!.Kind);
            Assert.True(result.FirstBreak.EntryId > target);

            // Put the entry back: the chain holds again (the other tests of this application rely on it).
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"RecordLabel\" = {original.RecordLabel}, \"Hash\" = {original.Hash} WHERE \"Id\" = {target}");
            Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public async Task Verify_names_the_missing_entries_when_the_last_ones_are_deleted(int count)
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.Database();
        await using (scope)
        {
            var before = await AuditVerifier.VerifyAsync(db);
            Assert.True(before.Intact, $"{before.FirstBreak} {before.Anchor.Problem}");
            var last = before.Anchor.LastEntryId;
            Assert.Equal(last, before.Anchor.AnchoredHeadId);

            var deleted = await AuditTampering.DeleteFromAsync(db, last - count + 1);
            var result = await AuditVerifier.VerifyAsync(db);
            Assert.False(result.Intact);
            Assert.Null(result.FirstBreak); // the chain left in the database is unbroken: only the anchor shows the loss
            Assert.Equal(last - count, result.EntriesChecked);
            Assert.Equal(AuditProblems.EntriesMissing, result.Anchor.Problem!.Kind);
            Assert.Equal([last - count + 1, last], result.Anchor.Problem.Arguments);
            Assert.StartsWith($"entries {last - count + 1} to {last} are missing", result.Anchor.Problem.ToString(), StringComparison.Ordinal);

            await AuditTampering.PutBackAsync(db, deleted);
            Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
        }
    }

    [Fact]
    public async Task Verify_names_every_entry_missing_when_all_are_deleted()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.Database();
        await using (scope)
        {
            var last = (await AuditVerifier.VerifyAsync(db)).Anchor.LastEntryId;
            var deleted = await AuditTampering.DeleteFromAsync(db, 1);

            var result = await AuditVerifier.VerifyAsync(db);
            Assert.False(result.Intact);
            Assert.Equal(0, result.EntriesChecked);
            Assert.Equal(AuditProblems.EntriesMissing, result.Anchor.Problem!.Kind);
            Assert.Equal([1L, last], result.Anchor.Problem.Arguments);

            await AuditTampering.PutBackAsync(db, deleted);
            Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
        }
    }

    [Fact]
    public async Task Verify_finds_an_entry_rewritten_with_the_later_hashes_recomputed_and_later_saves_do_not_hide_it()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.Database();
        await using (scope)
        {
            var last = (await AuditVerifier.VerifyAsync(db)).Anchor.LastEntryId;
            var originals = await AuditTampering.RewriteAsync(db, 3, "forged");
            Assert.Equal("forged", (await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == 3)).RecordLabel);

            var result = await AuditVerifier.VerifyAsync(db);
            Assert.False(result.Intact);
            Assert.Null(result.FirstBreak); // every link in the database holds: the old verifier said "intact"
            Assert.Equal(AuditProblems.HeadChanged, result.Anchor.Problem!.Kind);
            Assert.Equal([last], result.Anchor.Problem.Arguments);

            // The application keeps working, but the anchor does not move past a history that no longer continues it.
            var anchorText = await File.ReadAllTextAsync(db.AnchorStore!.AnchorPath);
            db.Actors.Add(new Core.Catalog.Actor { Code = "FORGE-AFTER", NameEn = "Saved after the forgery", Country = "MX" });
            await db.SaveChangesAsync();
            Assert.Equal(anchorText, await File.ReadAllTextAsync(db.AnchorStore.AnchorPath));
            result = await AuditVerifier.VerifyAsync(db);
            Assert.Equal(AuditProblems.HeadChanged, result.Anchor.Problem!.Kind);
            Assert.Equal(last + 1, result.Anchor.LastEntryId);

            await AuditTampering.DeleteFromAsync(db, last + 1);
            await AuditTampering.RestoreAsync(db, originals);
            Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
        }
    }

    [Fact]
    public async Task A_rolled_back_append_leaves_the_anchor_and_an_anchor_left_behind_by_a_crash_is_tolerated()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.Database();
        await using (scope)
        {
            var path = db.AnchorStore!.AnchorPath;
            var anchored = await File.ReadAllTextAsync(path);
            var last = (await AuditVerifier.VerifyAsync(db)).Anchor.LastEntryId;

            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.Actors.Add(new Core.Catalog.Actor { Code = "ROLLED-BACK", NameEn = "Never committed", Country = "MX" });
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }

            db.ChangeTracker.Clear();
            Assert.Equal(anchored, await File.ReadAllTextAsync(path));
            Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);

            // A commit moves the anchor; put the old anchor back, as if the process died between commit and anchor write.
            db.Actors.Add(new Core.Catalog.Actor { Code = "CRASH-1", NameEn = "Committed, anchor lost", Country = "MX" });
            await db.SaveChangesAsync();
            Assert.NotEqual(anchored, await File.ReadAllTextAsync(path));
            await File.WriteAllTextAsync(path, anchored);
            var behind = await AuditVerifier.VerifyAsync(db);
            Assert.True(behind.Intact, $"{behind.Anchor.Problem}");
            Assert.Equal(last, behind.Anchor.AnchoredHeadId);
            Assert.Equal(1, behind.Anchor.EntriesAfterAnchor);

            // The next commit catches the anchor up.
            db.Actors.Add(new Core.Catalog.Actor { Code = "CRASH-2", NameEn = "Committed after", Country = "MX" });
            await db.SaveChangesAsync();
            var caughtUp = await AuditVerifier.VerifyAsync(db);
            Assert.True(caughtUp.Intact);
            Assert.Equal(last + 2, caughtUp.Anchor.AnchoredHeadId);
        }
    }

    [Fact]
    public async Task An_anchor_edited_without_its_key_is_refused_and_the_key_is_private()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.Database();
        await using (scope)
        {
            var store = db.AnchorStore!;
            var text = await File.ReadAllTextAsync(store.AnchorPath);
            var head = (await AuditVerifier.VerifyAsync(db)).Anchor.AnchoredHeadId!.Value;
            // Someone who deleted the last entries moves the anchor back to match, without the key.
            await File.WriteAllTextAsync(store.AnchorPath, text.Replace($" {head} ", $" {head - 1} ", StringComparison.Ordinal));
            var result = await AuditVerifier.VerifyAsync(db);
            Assert.False(result.Intact);
            Assert.Equal(AuditProblems.AnchorSignature, result.Anchor.Problem!.Kind);

            await File.WriteAllTextAsync(store.AnchorPath, text);
            Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.KeyPath));
            }
        }
    }

    [Fact]
    public async Task The_audit_page_shows_the_anchored_head_and_what_is_missing()
    {
        app.SkipIfUnavailable();
        using var admin = await app.UiAs(TestUsers.MxAdmin);
        var (scope, db) = app.Database();
        await using (scope)
        {
            var page = await (await FormPost.SubmitAsync(admin, "/Admin/Audit", [])).Content.ReadAsStringAsync();
            var last = (await AuditVerifier.VerifyAsync(db)).Anchor.LastEntryId;
            Assert.Contains($"the anchored head, entry {last}, has the anchored hash", page, StringComparison.Ordinal);

            var deleted = await AuditTampering.DeleteFromAsync(db, last);
            page = await (await FormPost.SubmitAsync(admin, "/Admin/Audit", [])).Content.ReadAsStringAsync();
            await AuditTampering.PutBackAsync(db, deleted);
            Assert.Contains($"entries {last} to {last} are missing", page, StringComparison.Ordinal);
            Assert.Contains("alert-danger", page, StringComparison.Ordinal);
        }
    }
}
