using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>Issue 10: what the host tells a browser and an API client about itself, and what it refuses to read.</summary>
public abstract class HardeningTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    private const string Actor = "\"type\": \"Agency\", \"country\": \"MX\", \"level\": \"Federal\"";

    [Fact]
    public async Task A_taken_code_gets_one_neutral_answer_that_does_not_reveal_a_hidden_record()
    {
        app.SkipIfUnavailable();
        using var mexican = await app.ApiAs(TestUsers.MxEditor);
        var hidden = await mexican.PostAsJsonAsync("/api/v1/actors", new
        {
            code = "MX-HIDDEN-WORK", nameEn = "Hidden", type = "Agency", country = "MX", level = "Federal",
            confidentiality = "Internal", ownerSide = "MX",
        });
        Assert.Equal(HttpStatusCode.Created, hidden.StatusCode);

        using var american = await app.ApiAs(TestUsers.UsEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await american.GetAsync("/api/v1/actors/MX-HIDDEN-WORK")).StatusCode);
        var onHidden = await CodeErrorAsync(american, "MX-HIDDEN-WORK");
        var onVisible = await CodeErrorAsync(american, "MX-SRE");
        Assert.Equal("The code 'MX-HIDDEN-WORK' cannot be used. Choose another.", onHidden);
        Assert.Equal(onHidden.Replace("MX-HIDDEN-WORK", "MX-SRE", StringComparison.Ordinal), onVisible);

        using var page = await app.UiAs(TestUsers.UsEditor, "es-MX");
        var form = await FormPost.SubmitAsync(page, "/Actors/Edit", new()
        {
            ["Input.Code"] = "MX-HIDDEN-WORK", ["Input.NameEn"] = "Probe", ["Input.Type"] = "Agency", ["Input.Country"] = "US", ["Input.Level"] = "Federal",
            ["Input.Confidentiality"] = "Shared", ["Input.OwnerSide"] = "US", ["GrantsText"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync());
        Assert.Contains("El código 'MX-HIDDEN-WORK' no se puede usar. Elija otro.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("en uso", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Account/Login", false)]
    [InlineData("/Actors", true)]
    [InlineData("/no-such-page", true)]
    [InlineData("/api/v1/actors", true)]
    [InlineData("/api/v1/actors/NO-SUCH-CODE", true)]
    [InlineData("/health/ready", false)]
    public async Task Pages_and_the_api_carry_the_security_headers(string url, bool signedIn)
    {
        app.SkipIfUnavailable();
        using var client = !signedIn ? app.Anonymous()
            : url.StartsWith("/api", StringComparison.Ordinal) ? await app.ApiAs(TestUsers.MxViewer) : await app.UiAs(TestUsers.MxViewer);
        var response = await client.GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Pages_have_no_inline_styles_or_scripts_the_policy_would_block()
    {
        app.SkipIfUnavailable();
        using var client = await app.UiAs(TestUsers.MxEditor);
        foreach (var url in new[] { "/", "/Actors", "/Actors/Edit", "/Mechanisms", "/Water", "/Water/Record", "/Events", "/Events/Narrative", "/Plans",
                     "/Plans/WHITE-PAPER-2025", "/Recommendations/III-04", "/Recommendations/III-04/Status" })
        {
            var html = await client.GetStringAsync(url);
            Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
            // Scripts come from files (script-src 'self'); an inline one would be blocked.
            Assert.DoesNotMatch(@"(?i)<script(?![^>]*\bsrc=)", html);
            Assert.DoesNotContain(" onclick=", html, StringComparison.OrdinalIgnoreCase);
        }

        using var anonymous = app.Anonymous();
        Assert.DoesNotContain("style=", await anonymous.GetStringAsync("/Account/Login"), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("203.0.113.7", false)]
    public async Task The_sign_in_cookie_is_secure_behind_a_trusted_tls_proxy_only(string remote, bool secure)
    {
        app.SkipIfUnavailable();
        var address = IPAddress.Parse(remote);
        var get = await app.Factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = address;
            c.Request.Method = "GET";
            c.Request.Path = "/Account/Login";
            c.Request.Headers["X-Forwarded-Proto"] = "https";
        });
        var antiforgery = get.Response.Headers.SetCookie.Select(v => v!.Split(';')[0]).Single(v => v.StartsWith("Puente.Antiforgery=", StringComparison.Ordinal));
        var token = System.Text.RegularExpressions.Regex.Match(await new StreamReader(get.Response.Body).ReadToEndAsync(),
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var form = Encoding.UTF8.GetBytes(await new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = TestUsers.MxViewer.Name, ["Input.Password"] = TestUsers.Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }).ReadAsStringAsync());
        var post = await app.Factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = address;
            c.Request.Method = "POST";
            c.Request.Path = "/Account/Login";
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers.Cookie = antiforgery;
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.ContentLength = form.Length;
            c.Request.Body = new MemoryStream(form);
        });
        Assert.Equal(StatusCodes.Status302Found, post.Response.StatusCode);
        var auth = post.Response.Headers.SetCookie.Single(v => v!.StartsWith("Puente.Auth=", StringComparison.Ordinal))!;
        Assert.Equal(secure, auth.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string, string, string> NumericAndListEnums => new()
    {
        // url, body, the field the problem must name
        { "/api/v1/actors", "{\"code\": \"ENUM-1\", \"nameEn\": \"x\", " + Actor + ", \"confidentiality\": \"+1\"}", "confidentiality" },
        { "/api/v1/actors", "{\"code\": \"ENUM-2\", \"nameEn\": \"x\", " + Actor + ", \"confidentiality\": \"Shared, Internal\"}", "confidentiality" },
        { "/api/v1/actors", "{\"code\": \"ENUM-3\", \"nameEn\": \"x\", \"type\": \"+1\", \"country\": \"MX\", \"level\": \"Federal\"}", "type" },
        { "/api/v1/actors", "{\"code\": \"ENUM-4\", \"nameEn\": \"x\", \"type\": \"Agency\", \"country\": \"MX\", \"level\": \"Federal, State\"}", "level" },
        { "/api/v1/mechanisms", "{\"code\": \"ENUM-5\", \"nameEn\": \"x\", \"participants\": [\"MX\", \"US\"], \"cadence\": \"+1\"}", "cadence" },
        { "/api/v1/water/riogrande/storage-readings", "{\"date\": \"2028-03-01\", \"reservoir\": \"+1\", \"usOwnedAf\": 1, \"usCapacityAf\": 1}", "reservoir" },
        { "/api/v1/water/colorado/reserve", "{\"date\": \"2024-03-01\", \"kind\": \"+1\", \"volumeAf\": 1}", "kind" },
        { "/api/v1/water/riogrande/deliveries", "{\"date\": \"2025-11-03\", \"volume\": 1, \"unit\": \"AF\", \"source\": \"+1\"}", "source" },
        { "/api/v1/water/riogrande/deliveries", "{\"date\": \"9999-12-31\", \"volume\": 1, \"unit\": \"AF\", \"source\": \"Conchos\"}", "date" },
        { "/api/v1/water/colorado/reserve", "{\"date\": \"0001-01-01\", \"kind\": \"Deferral\", \"volumeAf\": 1}", "date" },
        { "/api/v1/actors", "{\"code\": \"TEXT-1\", \"nameEn\": \"\\u200B\\u200B\\u200B\", " + Actor + "}", "nameEn" },
        { "/api/v1/actors", "{\"code\": \"TEXT-2\", \"nameEn\": \"Embassy\\u0000\", " + Actor + "}", "nameEn" },
        { "/api/v1/actors", "{\"code\": \"TEXT-3\", \"nameEn\": \"Embassy \\u202Egnp.exe\", " + Actor + "}", "nameEn" },
        { "/api/v1/actors", "{\"code\": \"TEXT-4\", \"nameEn\": \"Embassy\", \"descriptionEs\": \"bell\\u0007\", " + Actor + "}", "descriptionEs" },
        { "/api/v1/actors", "{\"code\": \"TEXT-5\", \"nameEn\": \"Embassy\", \"city\": \"\\u2066x\\u2069\", " + Actor + "}", "city" },
    };

    [Theory]
    [MemberData(nameof(NumericAndListEnums))]
    public async Task Numbers_lists_far_dates_and_invisible_or_control_text_are_refused(string url, string body, string field)
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.MxEditor);
        var response = await client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        using var problem = JsonDocument.Parse(text);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors do not name {field}: {text}");
    }

    [Fact]
    public async Task A_description_keeps_its_line_breaks()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.MxEditor);
        var response = await client.PostAsJsonAsync("/api/v1/actors", new
        {
            code = "TEXT-LINES", nameEn = "Lines", descriptionEn = "First line\nSecond line\twith a tab", type = "Agency", country = "MX", level = "Federal",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("en-US", "The request body is larger than the 1 MB this endpoint accepts.")]
    [InlineData("es-MX", "El cuerpo de la solicitud supera los 1 MB que acepta este endpoint.")]
    public async Task A_json_body_over_one_megabyte_is_refused_with_413(string language, string title)
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.MxEditor, language);
        var body = "{\"code\": \"HUGE\", \"nameEn\": \"x\", \"descriptionEn\": \"" + new string('x', 1_000_001) + "\", " + Actor + "}";
        var response = await client.PostAsync("/api/v1/actors", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_csv_import_reads_up_to_five_megabytes()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.MxEditor);
        // Two megabytes is more than the JSON limit but within the import's: it is read and judged (a bad header).
        var twoMegabytes = "x" + new string(',', 2_000_000) + "\n";
        var read = await client.PostAsync("/api/v1/water/riogrande/deliveries/import", new StringContent(twoMegabytes, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, read.StatusCode);

        var sixMegabytes = "x" + new string(',', 6_000_000) + "\n";
        var refused = await client.PostAsync("/api/v1/water/riogrande/deliveries/import", new StringContent(sixMegabytes, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("The request body is larger than the 5 MB this endpoint accepts.", problem.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("en-US", "This endpoint accepts text/csv only: send the body with that Content-Type.")]
    [InlineData("es-MX", "Este endpoint solo acepta text/csv: envíe el cuerpo con ese Content-Type.")]
    public async Task The_import_sent_as_json_is_told_to_send_csv(string language, string title)
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.MxEditor, language);
        var response = await client.PostAsync("/api/v1/water/riogrande/deliveries/import",
            new StringContent("{\"date\": \"2025-11-03\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());

        var form = await client.PostAsync("/api/v1/actors", new StringContent("code=X", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        using var json = JsonDocument.Parse(await form.Content.ReadAsStringAsync());
        Assert.Contains("application/json", json.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    private static async Task<string> CodeErrorAsync(HttpClient client, string code)
    {
        var response = await client.PostAsJsonAsync("/api/v1/actors", new { code, nameEn = "Probe", type = "Agency", country = "US", level = "Federal" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").GetProperty("code")[0].GetString()!;
    }
}
