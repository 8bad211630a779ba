using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>The institutional-memory pages: engagements with participants and attachments, people, posts, timelines.</summary>
public abstract partial class MemoryPageTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    /// <summary>The smallest file the attachment check takes for a PDF.</summary>
    internal static readonly byte[] TinyPdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task An_editor_creates_an_engagement_with_two_participants_whose_posts_come_from_their_tenures()
    {
        app.SkipIfUnavailable();
        using var client = await app.UiAs(TestUsers.MxEditor, "en-US");
        var response = await FormPost.SubmitAsync(client, "/Engagements/Edit", new()
        {
            ["Input.TitleEn"] = "Test call between presidents", ["Input.TitleEs"] = "Llamada de prueba entre presidentes",
            ["Input.Kind"] = "Call", ["Input.Start"] = "2010-05-19T10:00", ["Input.End"] = "2010-05-19T10:30",
            ["Input.TimeZone"] = "America/Mexico_City", ["Input.Place"] = "Mexico City – Washington",
            ["Input.Participants[0].Person"] = "FELIPE-CALDERON", ["Input.Participants[0].Lead"] = "true", ["Input.Participants[0].Role"] = "host",
            ["Input.Participants[1].Person"] = "BARACK-OBAMA", ["Input.Participants[1].Lead"] = "true",
            ["Input.Participants[2].Person"] = "", ["Input.Participants[2].Post"] = "",
            ["Input.Confidentiality"] = "Shared", ["Input.OwnerSide"] = "MX", ["GrantsText"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Engagements/Details/", location, StringComparison.Ordinal);

        var details = await client.GetStringAsync(location);
        var participants = Section(details, "participants");
        Assert.Contains("Felipe Calderón", participants, StringComparison.Ordinal);
        Assert.Contains("President of Mexico", participants, StringComparison.Ordinal);
        Assert.Contains("Barack Obama", participants, StringComparison.Ordinal);
        Assert.Contains("President of the United States", participants, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(participants, "from tenure</span>"));
        Assert.Equal(2, Regex.Count(participants, ">Lead</span>"));
        // The place's zone; a reader in New York also sees their own hour.
        Assert.Contains("America/Mexico_City", details, StringComparison.Ordinal);
        client.DefaultRequestHeaders.Add("Cookie", "puente-tz=America/New_York");
        var inNewYork = await client.GetStringAsync(location);
        Assert.Contains("(America/New_York)", inNewYork, StringComparison.Ordinal);
        client.DefaultRequestHeaders.Remove("Cookie");

        // Spanish, and the list.
        var list = await client.GetStringAsync("/Engagements?q=presidents");
        Assert.Contains("Test call between presidents", list, StringComparison.Ordinal);

        // An attachment through the page: uploaded as a form, downloaded as a file that is never shown inline.
        var id = location["/Engagements/Details/".Length..];
        var token = await FormPost.TokenAsync(client, $"/Engagements/Attachments/{id}");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(TinyPdf), "file", "minutes.pdf" },
        };
        var uploaded = await client.PostAsync($"/Engagements/Attachments/{id}?handler=Upload", upload);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var link = AttachmentLink().Match(await client.GetStringAsync(location));
        Assert.True(link.Success);
        var download = await client.GetAsync(link.Value.Trim('"'));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(TinyPdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Viewers_get_no_edit_page_of_people_posts_or_engagements()
    {
        app.SkipIfUnavailable();
        using var client = await app.UiAs(TestUsers.MxViewer);
        foreach (var page in new[] { "/Engagements/Edit", "/People/Edit", "/Posts/Edit", "/Posts/Tenures/US-PRESIDENT", "/Engagements/Attachments/BGC-2012-10-03",
                     "/Engagements/Edit?handler=Suggest&q=pres" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("id=\"new-engagement\"", await client.GetStringAsync("/Engagements"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_participant_picker_suggests_only_people_and_posts_the_editor_may_read()
    {
        app.SkipIfUnavailable();
        using (var us = await app.ApiAs(TestUsers.UsEditor))
        {
            var created = await us.PostAsJsonAsync("/api/v1/people", new
            {
                code = "ZQX-US-ONLY", name = "Zqx Internal Contact", confidentiality = "Internal", ownerSide = "US",
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var mexican = await app.UiAs(TestUsers.MxEditor);
        var hidden = await Suggest(mexican, "zqx");
        Assert.Empty(hidden);
        var found = await Suggest(mexican, "calder");
        Assert.Contains(found, s => s.GetProperty("type").GetString() == "person" && s.GetProperty("code").GetString() == "FELIPE-CALDERON");
        Assert.True(found.Count <= 10);
        var posts = await Suggest(mexican, "president");
        Assert.Contains(posts, s => s.GetProperty("type").GetString() == "post" && s.GetProperty("code").GetString() == "US-PRESIDENT");

        using var american = await app.UiAs(TestUsers.UsEditor);
        Assert.Contains(await Suggest(american, "zqx"), s => s.GetProperty("code").GetString() == "ZQX-US-ONLY");
    }

    [Fact]
    public async Task The_border_governors_conference_states_its_last_session_and_its_timeline_lists_the_sessions()
    {
        app.SkipIfUnavailable();
        using var client = await app.UiAs(TestUsers.UsAnalyst, "en-US");
        var page = await client.GetStringAsync("/Mechanisms/Details/BGC");
        Assert.Contains("2012-10-03", Section(page, "last-session", "p"), StringComparison.Ordinal);
        Assert.Contains("id=\"sessions\"", page, StringComparison.Ordinal);

        var timeline = await client.GetAsync("/Timelines/mechanism/BGC");
        Assert.Equal(HttpStatusCode.OK, timeline.StatusCode);
        var html = await timeline.Content.ReadAsStringAsync();
        Assert.Contains("id=\"timeline\"", html, StringComparison.Ordinal);
        Assert.True(html.Contains("no event data for these dates", StringComparison.Ordinal) || html.Contains("id=\"events-busy\"", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Timelines/planet/BGC")).StatusCode);

        var post = await client.GetStringAsync("/Posts/Details/MX-PRESIDENT?on=2010-05-19");
        Assert.Contains("Felipe Calderón", Section(post, "holder", "p"), StringComparison.Ordinal);
        Assert.Contains("Barack Obama", Section(post, "counterparts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tenure_form_answers_with_its_field_errors_in_the_readers_language()
    {
        app.SkipIfUnavailable();
        using var client = await app.UiAs(TestUsers.MxEditor, "es-MX");
        var response = await FormPost.SubmitAsync(client, "/Posts/Tenures/MX-PRESIDENT", new()
        {
            ["Tenure.Person"] = "", ["Tenure.From"] = "", ["Tenure.Confidentiality"] = "Shared", ["Tenure.OwnerSide"] = "MX",
        }, "/Posts/Tenures/MX-PRESIDENT?handler=AddTenure");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Indique la persona (su código).", html, StringComparison.Ordinal);
        Assert.Contains("Indique una fecha (AAAA-MM-DD).", html, StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> Suggest(HttpClient client, string q)
    {
        var response = await client.GetAsync($"/Engagements/Edit?handler=Suggest&q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>The element with the id, up to its closing tag (tables by default).</summary>
    private static string Section(string html, string id, string tag = "table")
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No #{id}.");
        var end = html.IndexOf($"</{tag}>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [GeneratedRegex("\"/Engagements/Attachment/[0-9a-f-]+/[0-9a-f-]+\"")]
    private static partial Regex AttachmentLink();
}
