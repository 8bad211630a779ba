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
            Assert.Contains(entries, e => e.Action == AuditAction.SignInFailed && e.Actor == "nobody-here");
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
            Assert.True(verification.Intact, $"broken at {verification.FirstBreak}");
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
}
