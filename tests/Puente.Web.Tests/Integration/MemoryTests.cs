using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Core.Memory;
using Puente.Data.Seeding;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// The institutional memory as its users meet it: the seeded history answers the questions the issue names (sessions,
/// holders, counterparts), engagements keep their participants, attachments and contact details to those who may read
/// them, and bad input is refused with the field named.
/// </summary>
public abstract class MemoryTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task The_seeded_history_lists_the_HLED_sessions_in_date_order_and_the_BGC_last_met_in_2012()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.UsAnalyst);
        var hled = await Json(await client.GetAsync("/api/v1/mechanisms/HLED/sessions"));
        var starts = hled.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.True(starts.Count >= 6, $"{starts.Count} HLED sessions");
        Assert.Equal(starts.OrderBy(s => s), starts);
        Assert.Equal(new DateOnly(2013, 9, 20), DateOnly.FromDateTime(starts[0].DateTime));
        Assert.Equal(1, hled.GetProperty("items")[0].GetProperty("session").GetInt32());

        var bgc = await Json(await client.GetAsync("/api/v1/mechanisms/BGC/sessions"));
        var last = bgc.GetProperty("items").EnumerateArray().Last();
        Assert.Equal(2012, last.GetProperty("start").GetDateTimeOffset().Year);
        var bnc = await Json(await client.GetAsync("/api/v1/mechanisms/BNC/sessions"));
        Assert.Equal(new DateOnly(2006, 3, 24), DateOnly.FromDateTime(bnc.GetProperty("items").EnumerateArray().Last().GetProperty("start").GetDateTimeOffset().DateTime));
    }

    [Fact]
    public async Task A_spanish_reader_gets_the_seeded_roles_and_notes_in_spanish()
    {
        app.SkipIfUnavailable();
        using var es = await app.ApiAs(TestUsers.MxViewer, "es-MX");
        var bgc = await Json(await es.GetAsync("/api/v1/engagements/BGC-2012-10-03"));
        var lead = bgc.GetProperty("participants").EnumerateArray().First(p => p.GetProperty("lead").GetBoolean());
        Assert.Equal("Gobernadora de Nuevo México (anfitriona)", lead.GetProperty("role").GetString());
        Assert.Equal("Governor of New Mexico (host)", lead.GetProperty("roleEn").GetString());
        using var en = await app.ApiAs(TestUsers.MxViewer, "en-US");
        var english = await Json(await en.GetAsync("/api/v1/engagements/BGC-2012-10-03"));
        Assert.Equal("Governor of New Mexico (host)", english.GetProperty("participants").EnumerateArray().First(p => p.GetProperty("lead").GetBoolean()).GetProperty("role").GetString());

        var tenures = await Json(await es.GetAsync("/api/v1/posts/MX-FOREIGN-SECRETARY/tenures"));
        var espinosa = tenures.GetProperty("items").EnumerateArray().First(t => t.GetProperty("person").GetProperty("code").GetString() == "PATRICIA-ESPINOSA");
        Assert.Equal(espinosa.GetProperty("noteEs").GetString(), espinosa.GetProperty("note").GetString());
        Assert.False(string.IsNullOrEmpty(espinosa.GetProperty("noteEs").GetString()));
    }

    [Theory]
    [InlineData("MX-FOREIGN-SECRETARY", "2010-05-01", "Patricia Espinosa Cantellano", false)]
    [InlineData("US-SECRETARY-OF-STATE", "2018-04-10", "John J. Sullivan", true)]
    [InlineData("US-AMBASSADOR-MX", "2025-03-01", "Mark C. Johnson", true)]
    [InlineData("MX-PRESIDENT", "2024-09-30", "Andrés Manuel López Obrador", false)]
    [InlineData("MX-PRESIDENT", "2024-10-01", "Claudia Sheinbaum", false)]
    public async Task The_holder_of_a_seeded_post_on_a_day_comes_from_the_tenures(string post, string on, string name, bool acting)
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.MxViewer);
        var answer = await Json(await client.GetAsync($"/api/v1/posts/{post}/holder?on={on}"));
        Assert.Equal(post, answer.GetProperty("post").GetProperty("code").GetString());
        Assert.Equal(on, answer.GetProperty("on").GetString());
        var holder = answer.GetProperty("holder");
        Assert.StartsWith(name, holder.GetProperty("person").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(acting, holder.GetProperty("acting").GetBoolean());
    }

    [Fact]
    public async Task Every_seeded_post_pair_has_its_counterpart_both_ways_and_a_holder_on_each_side_for_sample_days_since_2006()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.UsEditor);
        string[] posts = ["MX-PRESIDENT", "US-PRESIDENT", "MX-FOREIGN-SECRETARY", "US-SECRETARY-OF-STATE", "MX-AMBASSADOR-US", "US-AMBASSADOR-MX",
            "MX-ECONOMY-SECRETARY", "US-COMMERCE-SECRETARY", "MX-SECURITY-SECRETARY", "US-HOMELAND-SECURITY-SECRETARY"];
        foreach (var day in new[] { "2008-03-03", "2014-07-07", "2019-06-10", "2023-03-15" })
        {
            foreach (var post in posts)
            {
                var answer = await Json(await client.GetAsync($"/api/v1/posts/{post}/counterparts?on={day}"));
                var item = Assert.Single(answer.GetProperty("items").EnumerateArray());
                var other = item.GetProperty("post").GetProperty("code").GetString()!;
                Assert.NotEqual(post[..2], other[..2]);
                Assert.Equal(JsonValueKind.Object, item.GetProperty("holder").ValueKind);
                var back = await Json(await client.GetAsync($"/api/v1/posts/{other}/counterparts?on={day}"));
                Assert.Equal(post, back.GetProperty("items")[0].GetProperty("post").GetProperty("code").GetString());
            }
        }
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_keeps_an_engagement_a_person_edited()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var seeded = await Json(await mx.GetAsync("/api/v1/engagements/BGC-2012-10-03"));
        var edit = await mx.PutAsJsonAsync($"/api/v1/engagements/BGC-2012-10-03", new
        {
            code = "BGC-2012-10-03", titleEn = "Border Governors Conference XXX (edited)", titleEs = seeded.GetProperty("nameEs").GetString(),
            kind = "MechanismSession", start = "2012-10-03", end = "2012-10-04", timeZone = "America/Denver", mechanism = "BGC",
            version = seeded.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        var (scope, db) = app.Database();
        await using (scope)
        {
            var before = await db.Set<Engagement>().IgnoreQueryFilters().CountAsync();
            var report = await scope.ServiceProvider.GetRequiredService<MemorySeeder>().SeedAsync();
            Assert.Equal(0, report.Created);
            Assert.True(report.KeptLocalEdits >= 1);
            Assert.Equal(before, await db.Set<Engagement>().IgnoreQueryFilters().CountAsync());
        }

        var after = await Json(await mx.GetAsync("/api/v1/engagements/BGC-2012-10-03"));
        Assert.Equal("Border Governors Conference XXX (edited)", after.GetProperty("nameEn").GetString());
    }

    [Fact]
    public async Task An_engagement_created_through_the_api_answers_201_with_its_id_its_start_in_the_places_zone_and_each_participants_post()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var response = await mx.PostAsJsonAsync("/api/v1/engagements", new
        {
            kind = "MinisterialMeeting", titleEn = "Security ministerial", titleEs = "Reunión ministerial de seguridad",
            start = "2023-10-05T10:00", end = "2023-10-05T13:30", timeZone = "America/Mexico_City", mechanism = "HLSD",
            summaryEn = "Review of the framework", summaryEs = "Revisión del marco", confidentiality = "Shared", ownerSide = "MX",
            participants = new object[]
            {
                new { person = "ALICIA-BARCENA", lead = true },
                new { post = "US-SECRETARY-OF-STATE", lead = true },
                new { side = "US", seniority = "Cabinet", role = "Attorney General" },
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await Json(response);
        Assert.True(Guid.TryParse(created.GetProperty("id").GetString(), out _));
        Assert.Equal("2023-10-05T10:00:00-06:00", created.GetProperty("start").GetString());
        var participants = created.GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal(3, participants.Count);
        Assert.Equal("MX-FOREIGN-SECRETARY", participants[0].GetProperty("post").GetProperty("code").GetString());
        Assert.True(participants[0].GetProperty("postFromTenure").GetBoolean());
        Assert.Equal(("US", "Cabinet"), (participants[2].GetProperty("country").GetString(), participants[2].GetProperty("seniority").GetString()));

        // The person's timeline and the post's (through the tenure that day) now include it.
        using var us = await app.ApiAs(TestUsers.UsAnalyst);
        var timeline = await Json(await us.GetAsync("/api/v1/timelines/post/MX-FOREIGN-SECRETARY?from=2023-10-01&to=2023-10-31"));
        Assert.Contains(timeline.GetProperty("items").EnumerateArray(), i => i.GetProperty("title").GetString() == "Security ministerial");
    }

    [Fact]
    public async Task Bad_engagement_input_names_the_field_and_writes_nothing()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        async Task<JsonElement> Refused(object body)
        {
            var response = await mx.PostAsJsonAsync("/api/v1/engagements", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await Json(response)).GetProperty("errors");
        }

        Assert.True((await Refused(new { kind = "Party", titleEn = "x", start = "2024-01-01", timeZone = "America/Mexico_City" })).TryGetProperty("kind", out _));
        Assert.True((await Refused(new { kind = "Call", titleEn = "x", start = "2024-01-01", timeZone = "Mexico City" })).TryGetProperty("timeZone", out _));
        // 02:30 on the day the U.S. clocks spring forward does not exist in New York.
        Assert.True((await Refused(new { kind = "Call", titleEn = "x", start = "2024-03-10T02:30", end = "2024-03-10T03:30", timeZone = "America/New_York" })).TryGetProperty("start", out _));
        Assert.True((await Refused(new { kind = "Call", titleEn = "x", start = "2024-01-02", end = "2024-01-01", timeZone = "UTC" })).TryGetProperty("end", out _));
        Assert.True((await Refused(new { kind = "Call", titleEn = "x", start = "2024-01-01", timeZone = "UTC", participants = new[] { new { person = "NO-SUCH-PERSON" } } })).TryGetProperty("participants[0]", out _));
        Assert.True((await Refused(new { kind = "Call", titleEn = "x", start = "2024-01-01", timeZone = "UTC", participants = new[] { new { side = "US" } } })).TryGetProperty("participants[0]", out _));
        Assert.True((await Refused(new { kind = "Call", titleEn = "x", start = "2024-01-01", timeZone = "UTC", sources = new[] { "javascript:alert(1)" } })).TryGetProperty("sources", out _));
        Assert.True((await Refused(new { kind = "Call", titleEn = "x", start = "2024-01-01", timeZone = "UTC", session = 3 })).TryGetProperty("session", out _));
        var list = await Json(await mx.GetAsync("/api/v1/engagements?q=x&from=2024-01-01&to=2024-01-02"));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_internal_engagement_and_its_participants_stay_with_its_side_in_lists_counts_and_timelines()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        using var us = await app.ApiAs(TestUsers.UsAnalyst);
        const string Listed = "/api/v1/engagements?person=JUAN-RAMON-DE-LA-FUENTE&from=2025-02-01&to=2025-02-28";
        var before = (await Json(await us.GetAsync("/api/v1/timelines/person/JUAN-RAMON-DE-LA-FUENTE"))).GetProperty("total").GetInt32();
        var listedBefore = (await Json(await us.GetAsync(Listed))).GetProperty("total").GetInt32();
        var response = await mx.PostAsJsonAsync("/api/v1/engagements", new
        {
            kind = "Call", titleEn = "Internal prep call", titleEs = "Llamada interna", start = "2025-02-03T09:00", end = "2025-02-03T09:30",
            timeZone = "America/Mexico_City", confidentiality = "Internal", ownerSide = "MX",
            participants = new[] { new { person = "JUAN-RAMON-DE-LA-FUENTE", lead = true } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Json(response)).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await us.GetAsync($"/api/v1/engagements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await us.GetAsync($"/api/v1/engagements/{id}/history")).StatusCode);
        Assert.Equal(before, (await Json(await us.GetAsync("/api/v1/timelines/person/JUAN-RAMON-DE-LA-FUENTE"))).GetProperty("total").GetInt32());
        Assert.Equal(listedBefore, (await Json(await us.GetAsync(Listed))).GetProperty("total").GetInt32());
        using var mxViewer = await app.ApiAs(TestUsers.MxViewer);
        Assert.Equal(before + 1, (await Json(await mxViewer.GetAsync("/api/v1/timelines/person/JUAN-RAMON-DE-LA-FUENTE"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_participant_must_be_readable_by_everyone_who_reads_the_engagement()
    {
        app.SkipIfUnavailable();
        using var us = await app.ApiAs(TestUsers.UsEditor);
        Assert.Equal(HttpStatusCode.Created, (await us.PostAsJsonAsync("/api/v1/people", new
        {
            code = "US-INTERNAL-ENVOY", name = "Internal Envoy", confidentiality = "Internal", ownerSide = "US",
        })).StatusCode);
        var shared = await us.PostAsJsonAsync("/api/v1/engagements", new
        {
            kind = "Visit", titleEn = "Shared visit naming a U.S.-internal person", start = "2024-04-04", timeZone = "America/New_York",
            confidentiality = "Shared", ownerSide = "US",
            participants = new object[] { new { person = "ALICIA-BARCENA", lead = true }, new { person = "US-INTERNAL-ENVOY", lead = true } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, shared.StatusCode);
        Assert.True((await Json(shared)).GetProperty("errors").TryGetProperty("participants[1]", out _));

        // Internal to the same side as the person: allowed.
        var internalVisit = await us.PostAsJsonAsync("/api/v1/engagements", new
        {
            kind = "Visit", titleEn = "U.S.-internal visit", start = "2024-04-05", timeZone = "America/New_York",
            confidentiality = "Internal", ownerSide = "US", participants = new object[] { new { person = "US-INTERNAL-ENVOY" } },
        });
        Assert.Equal(HttpStatusCode.Created, internalVisit.StatusCode);
    }

    [Fact]
    public async Task An_edit_by_someone_who_cannot_read_a_participant_keeps_that_participant_and_never_shows_it()
    {
        app.SkipIfUnavailable();
        using var us = await app.ApiAs(TestUsers.UsEditor);
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        Assert.Equal(HttpStatusCode.Created, (await us.PostAsJsonAsync("/api/v1/people", new { code = "US-LATER-INTERNAL", name = "Later Internal" })).StatusCode);
        var created = await Json(await us.PostAsJsonAsync("/api/v1/engagements", new
        {
            kind = "Visit", titleEn = "Shared visit with a participant made internal later", start = "2024-04-04", timeZone = "America/New_York",
            confidentiality = "Shared", ownerSide = "US",
            participants = new object[] { new { person = "ALICIA-BARCENA", lead = true }, new { person = "US-LATER-INTERNAL", lead = true } },
        }));
        var id = created.GetProperty("id").GetString();
        // The United States later makes the person internal.
        var person = await Json(await us.GetAsync("/api/v1/people/US-LATER-INTERNAL"));
        Assert.Equal(HttpStatusCode.OK, (await us.PutAsJsonAsync("/api/v1/people/US-LATER-INTERNAL", new
        {
            code = "US-LATER-INTERNAL", name = "Later Internal", confidentiality = "Internal", ownerSide = "US", version = person.GetProperty("version").GetInt32(),
        })).StatusCode);

        // Mexico sees one participant; nothing says another exists.
        var seen = await Json(await mx.GetAsync($"/api/v1/engagements/{id}"));
        var visible = Assert.Single(seen.GetProperty("participants").EnumerateArray());
        Assert.Equal("ALICIA-BARCENA", visible.GetProperty("person").GetProperty("code").GetString());
        Assert.DoesNotContain("Later Internal", seen.ToString(), StringComparison.Ordinal);

        // A Mexican editor replaces the participants they see; the hidden one stays.
        var edit = await mx.PutAsJsonAsync($"/api/v1/engagements/{id}", new
        {
            kind = "Visit", titleEn = "Shared visit with a participant made internal later", start = "2024-04-04", timeZone = "America/New_York",
            version = seen.GetProperty("version").GetInt32(),
            participants = new object[] { new { person = "ALICIA-BARCENA", lead = true }, new { post = "US-SECRETARY-OF-STATE" } },
        });
        Assert.True(edit.StatusCode == HttpStatusCode.OK, await edit.Content.ReadAsStringAsync());
        var after = await Json(await us.GetAsync($"/api/v1/engagements/{id}"));
        var codes = after.GetProperty("participants").EnumerateArray()
            .Select(p => p.GetProperty("person").ValueKind == JsonValueKind.Object ? p.GetProperty("person").GetProperty("code").GetString() : p.GetProperty("post").GetProperty("code").GetString())
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["ALICIA-BARCENA", "US-LATER-INTERNAL", "US-SECRETARY-OF-STATE"], codes);
    }

    [Fact]
    public async Task A_deleted_seeded_tenure_stays_deleted_and_one_side_cannot_delete_the_others_tenure()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        using var us = await app.ApiAs(TestUsers.UsEditor);
        // The newest seeded tenure (2026): no other test asks about that year.
        var tenures = await Json(await mx.GetAsync("/api/v1/posts/US-HOMELAND-SECURITY-SECRETARY/tenures"));
        var seeded = tenures.GetProperty("items").EnumerateArray().First();
        Assert.Equal(2026, DateOnly.Parse(seeded.GetProperty("from").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Year);
        var seededId = seeded.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await mx.DeleteAsync($"/api/v1/posts/US-HOMELAND-SECURITY-SECRETARY/tenures/{seededId}")).StatusCode);

        var (scope, _) = app.Database();
        await using (scope)
        {
            await scope.ServiceProvider.GetRequiredService<MemorySeeder>().SeedAsync();
        }

        var again = await Json(await mx.GetAsync("/api/v1/posts/US-HOMELAND-SECURITY-SECRETARY/tenures"));
        Assert.Equal(tenures.GetProperty("total").GetInt32() - 1, again.GetProperty("total").GetInt32());

        // A Mexican editor's own tenure: the United States cannot remove it (it answers as for a record it cannot find).
        var mine = await mx.PostAsJsonAsync("/api/v1/posts/MX-ECONOMY-SECRETARY/tenures", new { person = "ALICIA-BARCENA", from = "1990-01-01", to = "1990-02-01" });
        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        var mineId = (await Json(mine)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await us.DeleteAsync($"/api/v1/posts/MX-ECONOMY-SECRETARY/tenures/{mineId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await mx.DeleteAsync($"/api/v1/posts/MX-ECONOMY-SECRETARY/tenures/{mineId}")).StatusCode);
    }

    [Fact]
    public async Task Each_sides_contact_details_are_read_and_replaced_only_by_that_side()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        using var us = await app.ApiAs(TestUsers.UsEditor);
        var created = await mx.PostAsJsonAsync("/api/v1/people", new
        {
            code = "CONTACT-PROBE", name = "Dña. Contact Probe", contacts = new[] { new { kind = "Email", value = "probe@sre.gob.mx" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var usView = await us.GetStringAsync("/api/v1/people/CONTACT-PROBE");
        Assert.DoesNotContain("probe@sre.gob.mx", usView, StringComparison.Ordinal);
        Assert.DoesNotContain("probe@sre.gob.mx", await us.GetStringAsync("/api/v1/people/CONTACT-PROBE/history"), StringComparison.Ordinal);

        // The U.S. side adds its own; the Mexican detail is untouched and still unseen by the U.S.
        var version = (await Json(await us.GetAsync("/api/v1/people/CONTACT-PROBE"))).GetProperty("version").GetInt32();
        var usEdit = await us.PutAsJsonAsync("/api/v1/people/CONTACT-PROBE", new
        {
            code = "CONTACT-PROBE", name = "Dña. Contact Probe", version, contacts = new[] { new { kind = "Phone", value = "+1 202 555 0100" } },
        });
        Assert.Equal(HttpStatusCode.OK, usEdit.StatusCode);
        var usContacts = (await Json(usEdit)).GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("value").GetString()).ToList();
        Assert.Equal(["+1 202 555 0100"], usContacts);
        var mxContacts = (await Json(await mx.GetAsync("/api/v1/people/CONTACT-PROBE"))).GetProperty("contacts").EnumerateArray()
            .Select(c => c.GetProperty("value").GetString()).ToList();
        Assert.Equal(["probe@sre.gob.mx"], mxContacts);
        Assert.Equal(HttpStatusCode.BadRequest, (await mx.PostAsJsonAsync("/api/v1/people", new
        {
            code = "CONTACT-BAD", name = "Bad", contacts = new[] { new { kind = "Email", value = "not an address" } },
        })).StatusCode);
    }

    [Fact]
    public async Task Attachments_are_typed_by_content_bounded_downloaded_as_files_and_every_download_is_audited()
    {
        app.SkipIfUnavailable();
        using var mx = await app.ApiAs(TestUsers.MxEditor);
        var engagement = await Json(await mx.PostAsJsonAsync("/api/v1/engagements", new
        {
            kind = "Visit", titleEn = "Attachment probe", start = "2022-05-05", timeZone = "America/Mexico_City", confidentiality = "Internal", ownerSide = "MX",
        }));
        var id = engagement.GetProperty("id").GetString();

        async Task<HttpResponseMessage> Upload(string name, byte[] bytes)
        {
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return await mx.PostAsync($"/api/v1/engagements/{id}/attachments?fileName={Uri.EscapeDataString(name)}", content);
        }

        // An executable named .pdf is refused; a PDF named .exe is kept as a PDF.
        var exe = await Upload("minutes.pdf", [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains("not a PDF", await exe.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var pdf = await Upload("../minutes.exe", "%PDF-1.4\n1 0 obj\n%%EOF\n"u8.ToArray());
        Assert.Equal(HttpStatusCode.Created, pdf.StatusCode);
        var attachment = await Json(pdf);
        Assert.Equal(("minutes.pdf", "Pdf"), (attachment.GetProperty("fileName").GetString(), attachment.GetProperty("type").GetString()));

        var tooLarge = await Upload("big.txt", new byte[(int)AttachmentTypes.MaxBytes + 1]);
        Assert.True(tooLarge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode.ToString());

        var download = await mx.GetAsync(attachment.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);

        // The other side cannot download it, nor upload to it; a viewer of the owning side cannot upload.
        using var us = await app.ApiAs(TestUsers.UsEditor);
        Assert.Equal(HttpStatusCode.NotFound, (await us.GetAsync(attachment.GetProperty("url").GetString())).StatusCode);
        using var mxViewer = await app.ApiAs(TestUsers.MxViewer);
        using var body = new ByteArrayContent("hello"u8.ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await mxViewer.PostAsync($"/api/v1/engagements/{id}/attachments?fileName=a.txt", body)).StatusCode);

        var history = await mx.GetStringAsync($"/api/v1/engagements/{id}/history");
        Assert.Contains("Downloaded", history, StringComparison.Ordinal);
        Assert.Contains("minutes.pdf", history, StringComparison.Ordinal);
    }
}
