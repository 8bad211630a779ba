using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Puente.Core.Access;
using Puente.Data.Access;
using Puente.Data.Identity;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>Sign-in answers that do not tell which accounts exist, and tokens and cookies that follow their account.</summary>
public abstract partial class AccountTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    private const string SignInFailed = "Wrong user name or password, or the account is locked (for a while after repeated failed sign-ins, or by an administrator).";

    [Fact]
    public async Task A_role_change_in_the_admin_page_takes_the_old_rights_from_tokens_and_cookies_within_30_seconds()
    {
        app.SkipIfUnavailable();
        var (host, time) = HostWithFakeClock();
        await using (host)
        {
            var id = await CreateAsync(host, "demoted-editor", Roles.Editor);
            using var api = await TokenClientAsync(host, "demoted-editor");
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/actors", Actor("REVOKE-ROLE-1"))).StatusCode);
            using var ui = await CookieClientAsync(host, "demoted-editor");
            Assert.Equal(HttpStatusCode.OK, (await ui.GetAsync("/Actors/Edit")).StatusCode);

            using var admin = await CookieClientAsync(host, TestUsers.MxAdmin.Name);
            var saved = await FormPost.SubmitAsync(admin, $"/Admin/Users/Edit/{id}", new()
            {
                ["Input.DisplayName"] = "demoted-editor", ["Input.Role"] = Roles.Viewer, ["Input.Side"] = "MX", ["Input.Groups"] = "",
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            time.Advance(TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsJsonAsync("/api/v1/actors", Actor("REVOKE-ROLE-2"))).StatusCode);
            var edit = await ui.GetAsync("/Actors/Edit");
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
            Assert.StartsWith("/Account/Login", edit.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

            // Signing in again gives the new role's rights, and no more.
            using var again = await TokenClientAsync(host, "demoted-editor");
            Assert.Equal(HttpStatusCode.Forbidden, (await again.PostAsJsonAsync("/api/v1/actors", Actor("REVOKE-ROLE-3"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/actors")).StatusCode);
        }
    }

    [Fact]
    public async Task A_lock_or_a_password_change_ends_the_accounts_tokens_within_30_seconds()
    {
        app.SkipIfUnavailable();
        var (host, time) = HostWithFakeClock();
        await using (host)
        {
            await CreateAsync(host, "locked-later", Roles.Editor);
            await CreateAsync(host, "changes-password", Roles.Editor);
            using var locked = await TokenClientAsync(host, "locked-later");
            using var changed = await TokenClientAsync(host, "changes-password");
            using var bystander = await TokenClientAsync(host, TestUsers.MxEditor.Name);
            foreach (var client in new[] { locked, changed, bystander })
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/actors")).StatusCode);
            }

            await using (var scope = host.Services.CreateAsyncScope())
            {
                // What `puente users lock` does.
                scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
                Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().SetLockedAsync("locked-later", true, Viewer.System)).Succeeded);
            }

            using var ui = await CookieClientAsync(host, "changes-password");
            var change = await FormPost.SubmitAsync(ui, "/Account/ChangePassword", new()
            {
                ["Input.CurrentPassword"] = TestUsers.Password, ["Input.NewPassword"] = "Changed-Passw0rd-2026", ["Input.ConfirmPassword"] = "Changed-Passw0rd-2026",
            });
            Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

            time.Advance(TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.Unauthorized, (await locked.GetAsync("/api/v1/actors")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await changed.GetAsync("/api/v1/actors")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await bystander.GetAsync("/api/v1/actors")).StatusCode);
            // The session in which the password was changed goes on.
            Assert.Equal(HttpStatusCode.OK, (await ui.GetAsync("/Actors")).StatusCode);
        }
    }

    [Fact]
    public async Task An_unknown_name_a_wrong_password_and_a_locked_account_get_the_same_answer_in_the_api_and_the_ui()
    {
        app.SkipIfUnavailable();
        await CreateAsync(app.Factory, "probe-known", Roles.Viewer);
        await CreateAsync(app.Factory, "probe-locked", Roles.Viewer);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().SetLockedAsync("probe-locked", true, Viewer.System)).Succeeded);
        }

        (string Name, string Password)[] attempts = [("probe-nobody", "Wrong-Passw0rd-1"), ("probe-known", "Wrong-Passw0rd-1"), ("probe-locked", TestUsers.Password)];
        using var client = app.Anonymous("en-US");
        var answers = new List<string>();
        foreach (var (name, password) in attempts)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = name, password });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            answers.Add(WithoutTraceId(await response.Content.ReadAsStringAsync()));
        }

        Assert.Single(answers.Distinct());
        Assert.Contains(SignInFailed, answers[0], StringComparison.Ordinal);

        var pages = new List<string>();
        foreach (var (name, password) in attempts)
        {
            using var browser = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
            var response = await FormPost.SubmitAsync(browser, "/Account/Login", new() { ["Input.UserName"] = name, ["Input.Password"] = password });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var summary = ValidationSummary().Match(await response.Content.ReadAsStringAsync());
            Assert.True(summary.Success);
            pages.Add(summary.Value);
        }

        Assert.Single(pages.Distinct());
        Assert.Contains(SignInFailed, System.Net.WebUtility.HtmlDecode(pages[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_right_password_hears_that_it_must_be_changed_and_accounts_made_in_the_admin_page_must_change_it()
    {
        app.SkipIfUnavailable();
        using var client = app.Anonymous("en-US");
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "nobody-at-all", password = "Wrong-Passw0rd-1" });
        // The generated administrator with a wrong password: the same answer as an unknown name, not "change the password".
        var admin = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = "Wrong-Passw0rd-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, admin.StatusCode);
        Assert.Equal(WithoutTraceId(await unknown.Content.ReadAsStringAsync()), WithoutTraceId(await admin.Content.ReadAsStringAsync()));

        using var administrator = await app.UiAs(TestUsers.MxAdmin, "en-US");
        var created = await FormPost.SubmitAsync(administrator, "/Admin/Users", new()
        {
            ["Input.UserName"] = "made-in-ui", ["Input.DisplayName"] = "Made in UI", ["Input.Role"] = "Editor", ["Input.Side"] = "US",
            ["Input.Groups"] = "", ["Input.Password"] = "Given-Passw0rd-1",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "made-in-ui", password = "Wrong-Passw0rd-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "made-in-ui", password = "Given-Passw0rd-1" });
        Assert.Equal(HttpStatusCode.Forbidden, right.StatusCode);
        Assert.Contains("Change your password in the web interface first.", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var user = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await FormPost.SubmitAsync(user, "/Account/Login", new() { ["Input.UserName"] = "made-in-ui", ["Input.Password"] = "Given-Passw0rd-1" });
        Assert.Equal("/Account/ChangePassword", login.Headers.Location!.OriginalString);
        Assert.Equal("/Account/ChangePassword", (await user.GetAsync("/Actors")).Headers.Location!.OriginalString);
        var changed = await FormPost.SubmitAsync(user, "/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = "Given-Passw0rd-1", ["Input.NewPassword"] = "Own-Passw0rd-2026", ["Input.ConfirmPassword"] = "Own-Passw0rd-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "made-in-ui", password = "Own-Passw0rd-2026" })).StatusCode);
    }

    /// <summary>A second host on the same database whose clock the test moves (for the 30-second bound).</summary>
    private (WebApplicationFactory<Program> Host, FakeTimeProvider Time) HostWithFakeClock()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        return (app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time))), time);
    }

    [Fact]
    public async Task Changing_an_account_during_a_sign_in_lockout_does_not_lock_it_for_good()
    {
        app.SkipIfUnavailable();
        await CreateAsync(app.Factory, "briefly-locked", Roles.Editor);
        using (var client = app.Anonymous())
        {
            for (var i = 0; i < 6; i++)
            {
                await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "briefly-locked", password = "wrong-password-1" });
            }
        }

        await using var scope = app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PuenteUser>>();
        var lockedUntil = (await users.FindByNameAsync("briefly-locked"))!.LockoutEnd;
        Assert.True(lockedUntil > TimeProvider.System.GetUtcNow() && lockedUntil < TimeProvider.System.GetUtcNow().AddDays(1), $"a sign-in lockout ends soon: {lockedUntil}");

        // What `puente users role` and saving the admin page do: the lockout keeps its end, the account is not locked for good.
        Assert.True((await scope.ServiceProvider.GetRequiredService<AccountService>().SetRoleAsync("briefly-locked", Roles.Viewer, Viewer.System)).Succeeded);
        var after = await users.FindByNameAsync("briefly-locked");
        Assert.Equal(lockedUntil, after!.LockoutEnd);
        Assert.False(AccountService.IsLockedByAdministrator(after));
    }

    private static async Task<string> CreateAsync(WebApplicationFactory<Program> host, string name, string role)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewAccount(name, role, Side.MX, TestUsers.Password), Viewer.System);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        return result.User!.Id;
    }

    private static async Task<HttpClient> TokenClientAsync(WebApplicationFactory<Program> host, string name)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = name, password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<HttpClient> CookieClientAsync(WebApplicationFactory<Program> host, string name)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await FormPost.SubmitAsync(client, "/Account/Login", new() { ["Input.UserName"] = name, ["Input.Password"] = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static object Actor(string code) => new { code, nameEn = "Revocation probe", type = "Agency", country = "MX", level = "Federal" };

    /// <summary>The problem body without its trace id, which differs for every request whoever asks.</summary>
    private static string WithoutTraceId(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }

    [GeneratedRegex("<div class=\"[^\"]*validation-summary-errors[^\"]*\"[^>]*>.*?</div>", RegexOptions.Singleline)]
    private static partial Regex ValidationSummary();
}
