using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

public abstract class RecordApiTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    [Fact]
    public async Task Parallel_creates_of_one_code_write_one_record_and_the_others_hear_409_or_400_never_500()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.MxEditor);
        var responses = await Task.WhenAll(Enumerable.Range(0, 7).Select(i => client.PostAsJsonAsync("/api/v1/actors",
            new { code = "MX-RACE-1", nameEn = "Race " + i, type = "Agency", country = "MX", level = "Federal" })));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created),
            r => Assert.True(r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest, r.StatusCode.ToString()));
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Contains("This code cannot be used. Choose another.", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_editor_cannot_take_or_hide_the_other_sides_record_and_omitted_access_fields_keep_their_values()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        using var us = await app.ApiAs(TestUsers.UsEditor);
        var body = new { code = "MX-OWNED-1", nameEn = "Owned by MX", type = "Agency", country = "MX", level = "Federal" };
        Assert.Equal(HttpStatusCode.Created, (await mx.PostAsJsonAsync("/api/v1/actors", body)).StatusCode);

        // A U.S. editor makes it Internal without naming a side: refused, and Mexico still reads it.
        var hide = await us.PutAsJsonAsync("/api/v1/actors/MX-OWNED-1", new { body.code, body.nameEn, body.type, body.country, body.level, confidentiality = "Internal", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, hide.StatusCode);
        Assert.Contains("Only the owning side can change who may read this record.", await hide.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var take = await us.PutAsJsonAsync("/api/v1/actors/MX-OWNED-1", new { body.code, body.nameEn, body.type, body.country, body.level, ownerSide = "US", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, take.StatusCode);
        using var mxViewer = await app.ApiAs(TestUsers.MxViewer);
        var read = await Json(await mxViewer.GetAsync("/api/v1/actors/MX-OWNED-1"));
        Assert.Equal(("Shared", "MX", 1), (read.GetProperty("confidentiality").GetString(), read.GetProperty("ownerSide").GetString(), read.GetProperty("version").GetInt32()));

        // The U.S. editor may still correct its content; the access stays as it was.
        var edit = await us.PutAsJsonAsync("/api/v1/actors/MX-OWNED-1", new { body.code, nameEn = "Owned by MX (corrected)", body.type, body.country, body.level, version = 1 });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(("Shared", "MX"), ((await Json(edit)).GetProperty("confidentiality").GetString(), (await Json(edit)).GetProperty("ownerSide").GetString()));

        // The owner makes it Internal; a later edit that omits the access fields keeps it Internal (not Shared).
        Assert.Equal(HttpStatusCode.OK, (await mx.PutAsJsonAsync("/api/v1/actors/MX-OWNED-1", new { body.code, body.nameEn, body.type, body.country, body.level, confidentiality = "Internal", version = 2 })).StatusCode);
        var again = await mx.PutAsJsonAsync("/api/v1/actors/MX-OWNED-1", new { body.code, nameEn = "Owned by MX, v4", body.type, body.country, body.level, version = 3 });
        Assert.Equal("Internal", (await Json(again)).GetProperty("confidentiality").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await us.GetAsync("/api/v1/actors/MX-OWNED-1")).StatusCode);
    }

    [Fact]
    public async Task An_edit_by_someone_who_cannot_read_the_parent_keeps_the_parent()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        using var us = await app.ApiAs(TestUsers.UsEditor);
        Assert.Equal(HttpStatusCode.Created, (await mx.PostAsJsonAsync("/api/v1/actors", new { code = "MX-HIDDEN-PARENT", nameEn = "Internal unit", type = "Agency", country = "MX", level = "Federal", confidentiality = "Internal" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await mx.PostAsJsonAsync("/api/v1/actors", new { code = "MX-VISIBLE-CHILD", nameEn = "Office", type = "Agency", country = "MX", level = "Federal", parentCode = "MX-HIDDEN-PARENT" })).StatusCode);

        var seen = await Json(await us.GetAsync("/api/v1/actors/MX-VISIBLE-CHILD"));
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("parentCode").ValueKind);
        var edit = await us.PutAsJsonAsync("/api/v1/actors/MX-VISIBLE-CHILD", new { code = "MX-VISIBLE-CHILD", nameEn = "Office (corrected)", type = "Agency", country = "MX", level = "Federal", version = 1 });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        var after = await Json(await mx.GetAsync("/api/v1/actors/MX-VISIBLE-CHILD"));
        Assert.Equal(("Office (corrected)", "MX-HIDDEN-PARENT"), (after.GetProperty("nameEn").GetString(), after.GetProperty("parentCode").GetString()));
    }

    [Fact]
    public async Task An_editor_corrects_a_binational_record_without_changing_its_side()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var bgc = await Json(await mx.GetAsync("/api/v1/mechanisms/BGC"));
        Assert.Equal("Joint", bgc.GetProperty("ownerSide").GetString());
        var edit = await mx.PutAsJsonAsync("/api/v1/mechanisms/BGC", new
        {
            code = "BGC", nameEn = bgc.GetProperty("nameEn").GetString(), nameEs = bgc.GetProperty("nameEs").GetString(),
            descriptionEn = "Corrected by an MX editor.", participants = new[] { "MX", "US" }, cadence = bgc.GetProperty("cadence").GetString(),
            trackCode = bgc.GetProperty("track").GetString(), ownerSide = "Joint", confidentiality = "Shared", version = bgc.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal("Joint", (await Json(edit)).GetProperty("ownerSide").GetString());
    }

    [Fact]
    public async Task An_editor_creates_and_updates_an_actor_and_its_history_shows_both()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.MxEditor);
        var created = await client.PostAsJsonAsync("/api/v1/actors", new
        {
            code = "mx-cons-test-1", nameEn = "Test consulate", nameEs = "", type = "Consulate", country = "MX", level = "Federal",
            trackCode = "DIASPORA-CONSULAR", parentCode = "MX-SRE", city = "Yuma", region = "AZ",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var actor = await Json(created);
        Assert.Equal("MX-CONS-TEST-1", actor.GetProperty("code").GetString());
        Assert.Equal(1, actor.GetProperty("version").GetInt32());
        Assert.Equal("MX-SRE", actor.GetProperty("parentCode").GetString());
        Assert.Equal($"/api/v1/actors/{actor.GetProperty("id").GetString()}", created.Headers.Location!.OriginalString);

        // Spanish name empty: a Spanish reader gets the English one.
        using var spanish = await app.ApiAs(TestUsers.MxViewer, "es-MX");
        var read = await Json(await spanish.GetAsync("/api/v1/actors/MX-CONS-TEST-1"));
        Assert.Equal("Test consulate", read.GetProperty("name").GetString());

        var updated = await client.PutAsJsonAsync("/api/v1/actors/MX-CONS-TEST-1", new
        {
            code = "MX-CONS-TEST-1", nameEn = "Test consulate", nameEs = "Consulado de prueba", type = "Consulate", country = "MX",
            level = "Federal", trackCode = "DIASPORA-CONSULAR", city = "Yuma", region = "AZ", version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, (await Json(updated)).GetProperty("version").GetInt32());
        read = await Json(await spanish.GetAsync("/api/v1/actors/MX-CONS-TEST-1"));
        Assert.Equal("Consulado de prueba", read.GetProperty("name").GetString());

        var history = (await Json(await client.GetAsync("/api/v1/actors/MX-CONS-TEST-1/history"))).EnumerateArray().ToList();
        Assert.Equal(["Updated", "Created"], history.Select(h => h.GetProperty("action").GetString()));
        Assert.All(history, h => Assert.Equal("mx-editor", h.GetProperty("actor").GetString()));
        Assert.Contains("\"NameEs\":\"\"", history[0].GetProperty("before").GetString(), StringComparison.Ordinal);
        Assert.Contains("Consulado de prueba", history[0].GetProperty("after").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_based_on_an_old_version_is_refused_with_409_and_changes_nothing()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.UsEditor);
        var body = new Dictionary<string, object?>
        {
            ["code"] = "TEST-DIALOGUE", ["nameEn"] = "Test dialogue", ["nameEs"] = "Diálogo de prueba", ["participants"] = new[] { "MX", "US" },
            ["cadence"] = "Annual", ["trackCode"] = "INSTITUTIONAL",
        };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/mechanisms", body)).StatusCode);
        body["nameEn"] = "First edit";
        body["version"] = 1;
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/mechanisms/TEST-DIALOGUE", body)).StatusCode);
        body["nameEn"] = "Stale edit";
        var conflict = await client.PutAsJsonAsync("/api/v1/mechanisms/TEST-DIALOGUE", body);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        var current = await Json(await client.GetAsync("/api/v1/mechanisms/TEST-DIALOGUE"));
        Assert.Equal("First edit", current.GetProperty("nameEn").GetString());
        Assert.Equal(2, current.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Viewers_and_analysts_cannot_write_and_get_403()
    {
        app.SkipIfUnavailable();
        foreach (var user in new[] { TestUsers.MxViewer, TestUsers.UsAnalyst })
        {
            using var client = await app.ApiAs(user);
            var post = await client.PostAsJsonAsync("/api/v1/actors", new { code = "NOPE-" + user.Name.ToUpperInvariant(), nameEn = "x", type = "Agency", country = "MX", level = "Federal" });
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            var put = await client.PutAsJsonAsync("/api/v1/mechanisms/HLED", new { code = "HLED", nameEn = "x", participants = new[] { "MX" }, cadence = "Annual", version = 1 });
            Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        }

        using var editor = await app.ApiAs(TestUsers.MxEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/api/v1/actors/NOPE-MX-VIEWER")).StatusCode);
        Assert.Equal(1, (await Json(await editor.GetAsync("/api/v1/mechanisms/HLED"))).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_editor_restricts_a_record_to_a_group_and_only_that_group_and_the_editor_read_it()
    {
        app.SkipIfUnavailable();
        using var editor = await app.ApiAs(TestUsers.UsEditor);
        var created = await editor.PostAsJsonAsync("/api/v1/actors", new
        {
            code = "WATER-CONTACT", nameEn = "Water contact", type = "Other", country = "US", level = "Federal",
            confidentiality = "Restricted", grants = new[] { "group:water" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var water = await app.ApiAs(TestUsers.WaterAnalyst);
        using var other = await app.ApiAs(TestUsers.UsAnalyst);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/v1/actors/WATER-CONTACT")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await water.GetAsync("/api/v1/actors/WATER-CONTACT")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/v1/actors/WATER-CONTACT")).StatusCode);
    }

    [Fact]
    public async Task A_non_administrator_cannot_file_a_record_for_the_other_side()
    {
        app.SkipIfUnavailable();
        using var editor = await app.ApiAs(TestUsers.MxEditor);
        var response = await editor.PostAsJsonAsync("/api/v1/actors", new
        {
            code = "OTHER-SIDE", nameEn = "x", type = "Other", country = "MX", level = "Federal", confidentiality = "Internal", ownerSide = "US",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Json(response)).GetProperty("errors").TryGetProperty("ownerSide", out _));
    }

    [Fact]
    public async Task A_token_expires_in_an_hour_and_a_refresh_token_gets_a_new_one()
    {
        app.SkipIfUnavailable();
        using var anonymous = app.Anonymous();
        var login = await Json(await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { userName = "mx-viewer", password = TestUsers.Password }));
        Assert.Equal("Bearer", login.GetProperty("tokenType").GetString());
        Assert.Equal(3600, login.GetProperty("expiresIn").GetInt32());
        var refreshed = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var token = (await Json(refreshed)).GetProperty("accessToken").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tracks");
        request.Headers.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(request)).StatusCode);
        var forged = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" });
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task Lists_are_paged_with_items_and_total()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.JointViewer);
        var first = await Json(await client.GetAsync("/api/v1/actors?page=1&pageSize=10"));
        var second = await Json(await client.GetAsync("/api/v1/actors?page=2&pageSize=10"));
        Assert.Equal(10, first.GetProperty("items").GetArrayLength());
        Assert.Equal(first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
        Assert.True(first.GetProperty("total").GetInt32() > 100);
        var firstCodes = first.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("code").GetString());
        var secondCodes = second.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("code").GetString());
        Assert.Empty(firstCodes.Intersect(secondCodes));
    }

    [Fact]
    public async Task Health_and_the_api_description_are_served()
    {
        app.SkipIfUnavailable();
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        var openApi = await Json(await client.GetAsync("/openapi/v1.json"));
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/auth/login", "/api/v1/actors", "/api/v1/actors/{id}", "/api/v1/mechanisms", "/api/v1/tracks", "/api/v1/issues", "/api/v1/recommendations" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        var reference = await client.GetAsync("/api/reference/");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
