using System.Net;
using System.Net.Http.Json;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

public abstract class UiTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    [Fact]
    public async Task Accept_language_chooses_spanish_and_the_language_cookie_overrides_it()
    {
        app.SkipIfUnavailable();
        using var spanish = app.Anonymous("es-ES,es;q=0.9,en;q=0.5");
        var html = await spanish.GetStringAsync("/Account/Login");
        Assert.Contains("Iniciar sesión", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"es\"", html, StringComparison.Ordinal);

        using var client = await app.UiAs(TestUsers.MxViewer, "en-US");
        Assert.Contains("Mechanisms", await client.GetStringAsync("/"), StringComparison.Ordinal);
        var switched = await FormPost.SubmitAsync(client, "/", new() { ["culture"] = "es-MX", ["returnUrl"] = "/Catalog" }, "/Culture");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Catalog", switched.Headers.Location!.OriginalString);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        var catalog = await client.GetStringAsync("/Catalog");
        Assert.Contains("Mecanismos", catalog, StringComparison.Ordinal);
        // Dates follow the culture: Sheinbaum's term began 1 October 2024.
        Assert.Contains("01/10/2024", catalog, StringComparison.Ordinal);
        switched = await FormPost.SubmitAsync(client, "/Catalog", new() { ["culture"] = "en-US", ["returnUrl"] = "/Catalog" }, "/Culture");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("10/1/2024", await client.GetStringAsync("/Catalog"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_without_the_anti_forgery_token_are_refused()
    {
        app.SkipIfUnavailable();
        using var client = app.Anonymous();
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "mx-editor",
            ["Input.Password"] = TestUsers.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("Puente.Auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_generated_administrator_must_change_the_password_before_anything_else()
    {
        app.SkipIfUnavailable();
        var file = Path.Combine(app.DataDirectory, "initial-admin-password");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var password = (await File.ReadAllTextAsync(file)).Trim();
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var login = await FormPost.SubmitAsync(client, "/Account/Login", new() { ["Input.UserName"] = "admin", ["Input.Password"] = password });
        Assert.Equal("/Account/ChangePassword", login.Headers.Location!.OriginalString);
        var elsewhere = await client.GetAsync("/Actors");
        Assert.Equal("/Account/ChangePassword", elsewhere.Headers.Location!.OriginalString);

        // The API refuses the generated password too.
        var token = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password });
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);

        var weak = await FormPost.SubmitAsync(client, "/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = password, ["Input.NewPassword"] = "alllowercaseletters", ["Input.ConfirmPassword"] = "alllowercaseletters",
        });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("upper-case", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await FormPost.SubmitAsync(client, "/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = password, ["Input.NewPassword"] = "Admin-Chosen-2026", ["Input.ConfirmPassword"] = "Admin-Chosen-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Actors")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = "Admin-Chosen-2026" })).StatusCode);

        // An account the administrator creates must first replace the password the administrator chose (AccountTests).
        var created = await FormPost.SubmitAsync(client, "/Admin/Users", new()
        {
            ["Input.UserName"] = "new-analyst", ["Input.DisplayName"] = "New Analyst", ["Input.Role"] = "Analyst", ["Input.Side"] = "US",
            ["Input.Groups"] = "trade", ["Input.Password"] = "Given-Passw0rd-1",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var apiLogin = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "new-analyst", password = "Given-Passw0rd-1" });
        Assert.Equal(HttpStatusCode.Forbidden, apiLogin.StatusCode);
    }

    [Fact]
    public async Task An_editor_creates_an_actor_in_the_form_and_its_page_shows_the_history()
    {
        app.SkipIfUnavailable();
        using var client = await app.UiAs(TestUsers.UsEditor, "en-US");
        var response = await FormPost.SubmitAsync(client, "/Actors/Edit", new()
        {
            ["Input.Code"] = "US-TEST-OFFICE", ["Input.NameEn"] = "Test liaison office", ["Input.NameEs"] = "Oficina de enlace de prueba",
            ["Input.Type"] = "Agency", ["Input.Country"] = "US", ["Input.Level"] = "Federal", ["Input.TrackCode"] = "ADMINISTRATIVE",
            ["Input.Confidentiality"] = "Internal", ["Input.OwnerSide"] = "US", ["GrantsText"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Test liaison office", details, StringComparison.Ordinal);
        Assert.Contains("id=\"history\"", details, StringComparison.Ordinal);
        Assert.Contains("Created", details, StringComparison.Ordinal);

        var invalid = await FormPost.SubmitAsync(client, "/Actors/Edit", new()
        {
            ["Input.Code"] = "bad code!", ["Input.NameEn"] = "", ["Input.Type"] = "Agency", ["Input.Country"] = "US", ["Input.Level"] = "Federal",
        });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("A code is 1–40 upper-case letters", html, StringComparison.Ordinal);
        Assert.Contains("Give a name in English or Spanish.", html, StringComparison.Ordinal);

        using var mexican = await app.UiAs(TestUsers.MxEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await mexican.GetAsync(response.Headers.Location!.OriginalString)).StatusCode);
    }

    [Fact]
    public async Task Viewers_do_not_get_edit_forms()
    {
        app.SkipIfUnavailable();
        using var client = await app.UiAs(TestUsers.MxViewer);
        var response = await client.GetAsync("/Actors/Edit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-actor\"", await client.GetStringAsync("/Actors"), StringComparison.Ordinal);
    }
}
