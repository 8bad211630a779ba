using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

public abstract class BadInputTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    public static TheoryData<string, string, string> BadBodies => new()
    {
        // name, body, the field the problem must name
        { "malformed JSON", "{\"code\": \"BAD-1\", \"nameEn\": ", "" },
        { "wrong JSON type", "{\"code\": \"BAD-2\", \"nameEn\": 5, \"type\": \"Agency\", \"country\": \"MX\", \"level\": \"Federal\"}", "nameEn" },
        { "over-long name", "{\"code\": \"BAD-3\", \"nameEn\": \"" + new string('x', 301) + "\", \"type\": \"Agency\", \"country\": \"MX\", \"level\": \"Federal\"}", "nameEn" },
        { "over-long code", "{\"code\": \"" + new string('A', 41) + "\", \"nameEn\": \"x\", \"type\": \"Agency\", \"country\": \"MX\", \"level\": \"Federal\"}", "code" },
        { "unknown type", "{\"code\": \"BAD-4\", \"nameEn\": \"x\", \"type\": \"Spaceship\", \"country\": \"MX\", \"level\": \"Federal\"}", "type" },
        { "numeric enum", "{\"code\": \"BAD-5\", \"nameEn\": \"x\", \"type\": \"3\", \"country\": \"MX\", \"level\": \"Federal\"}", "type" },
        { "unknown country", "{\"code\": \"BAD-6\", \"nameEn\": \"x\", \"type\": \"Agency\", \"country\": \"FR\", \"level\": \"Federal\"}", "country" },
        { "unknown confidentiality", "{\"code\": \"BAD-7\", \"nameEn\": \"x\", \"type\": \"Agency\", \"country\": \"MX\", \"level\": \"Federal\", \"confidentiality\": \"Secret\"}", "confidentiality" },
        { "unknown track", "{\"code\": \"BAD-8\", \"nameEn\": \"x\", \"type\": \"Agency\", \"country\": \"MX\", \"level\": \"Federal\", \"trackCode\": \"NOPE\"}", "trackCode" },
        { "unknown parent", "{\"code\": \"BAD-9\", \"nameEn\": \"x\", \"type\": \"Agency\", \"country\": \"MX\", \"level\": \"Federal\", \"parentCode\": \"NOPE\"}", "parentCode" },
        { "bad grant", "{\"code\": \"BAD-10\", \"nameEn\": \"x\", \"type\": \"Agency\", \"country\": \"MX\", \"level\": \"Federal\", \"confidentiality\": \"Restricted\", \"grants\": [\"everyone\"]}", "grants" },
        { "no name", "{\"code\": \"BAD-11\", \"type\": \"Agency\", \"country\": \"MX\", \"level\": \"Federal\"}", "nameEn" },
        { "duplicate code", "{\"code\": \"MX-SRE\", \"nameEn\": \"x\", \"type\": \"Agency\", \"country\": \"MX\", \"level\": \"Federal\"}", "code" },
        { "not an object", "[1, 2, 3]", "" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_actor_is_refused_with_problem_details_naming_the_field_and_nothing_is_written(string name, string body, string field)
    {
        app.SkipIfUnavailable();
        var before = await CountAsync();
        using var client = await app.ApiAs(TestUsers.MxEditor);
        var response = await client.PostAsync("/api/v1/actors", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
        if (field.Length > 0)
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{name}: errors do not name {field}: {problem.RootElement}");
        }

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Unknown_ids_and_codes_get_404_problem_details()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.MxEditor);
        foreach (var url in new[] { $"/api/v1/actors/{Guid.NewGuid()}", "/api/v1/actors/NO-SUCH-CODE", $"/api/v1/mechanisms/{Guid.NewGuid()}",
                     "/api/v1/tracks/NOPE", "/api/v1/issues/NOPE", "/api/v1/recommendations/IX-99", "/api/v1/administrations/NOPE",
                     "/api/v1/actors/NO-SUCH-CODE/history" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var put = await client.PutAsJsonAsync($"/api/v1/actors/{Guid.NewGuid()}", new { code = "X", nameEn = "x", type = "Agency", country = "MX", level = "Federal", version = 1 });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    [Fact]
    public async Task Bad_paging_and_the_wrong_content_type_are_refused()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.MxViewer, "es-MX");
        var response = await client.GetAsync("/api/v1/actors?page=0&pageSize=100000");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("page", out _));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("pageSize", out _));
        Assert.Equal("La solicitud tiene campos no válidos.", problem.RootElement.GetProperty("title").GetString());

        // A page number whose offset would overflow is refused by name, on every paged list (it was a 500 on PostgreSQL).
        foreach (var url in new[] { "/api/v1/actors", "/api/v1/tracks", "/api/v1/water/riogrande/deliveries", "/api/v1/water/colorado/reserve" })
        {
            var far = await client.GetAsync(url + "?page=20000000&pageSize=200");
            Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
            Assert.Contains("Las páginas llegan hasta la 100000.", await far.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var ui = await app.UiAs(TestUsers.MxViewer);
        Assert.Equal(HttpStatusCode.OK, (await ui.GetAsync("/Actors?page=2147483647")).StatusCode);

        using var editor = await app.ApiAs(TestUsers.MxEditor);
        var form = await editor.PostAsync("/api/v1/actors", new StringContent("code=X", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_gets_401_and_repeated_failures_lock_the_account()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.Database();
        await using (scope)
        {
            var accounts = scope.ServiceProvider.GetRequiredService<Data.Identity.AccountService>();
            await accounts.CreateAsync(new Data.Identity.NewAccount("lock-me", "Viewer", Core.Access.Side.MX, TestUsers.Password), Core.Access.Viewer.System);
        }

        using var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "lock-me", password = "Wrong-Passw0rd-123" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "lock-me", password = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var missing = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    private async Task<int> CountAsync()
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            return await db.Actors.CountAsync() + await db.AuditEntries.CountAsync(a => a.RecordId != null);
        }
    }
}
