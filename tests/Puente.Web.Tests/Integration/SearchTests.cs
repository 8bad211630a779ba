using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Memory;
using Puente.Data.Search;
using Puente.Web.Tests.Infrastructure;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// Full-text search as its users meet it (docs/decisions/0049-search.md): accents and case do not matter in either
/// language, words are found by their other forms, titles rank first, a change is searchable as soon as it is saved,
/// attachments are searched by their text, bad queries are answered by field, and nothing unreadable shows or counts.
/// Each test uses an invented word of its own so the seeded records never interfere.
/// </summary>
public abstract class SearchTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<JsonElement> SearchAsync(string q, TestUsers.TestUser? user = null, string? type = null, string language = "en-US")
    {
        using var client = await app.ApiAs(user ?? TestUsers.MxEditor, language);
        var url = "/api/v1/search?q=" + Uri.EscapeDataString(q) + (type is null ? "" : "&type=" + type);
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await Json(response);
    }

    private static List<Guid> Ids(JsonElement result) => [.. result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    private static Engagement NewEngagement(string code, string nameEn, string nameEs, string summaryEn = "", string summaryEs = "") => new()
    {
        Id = Guid.CreateVersion7(), Code = code, NameEn = nameEn, NameEs = nameEs, DescriptionEn = summaryEn, DescriptionEs = summaryEs,
        Kind = EngagementKind.MinisterialMeeting, TimeZone = "America/Mexico_City",
        StartLocal = new DateTime(2021, 3, 1, 10, 0, 0), EndLocal = new DateTime(2021, 3, 1, 12, 0, 0),
        StartUtc = new DateTime(2021, 3, 1, 16, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2021, 3, 1, 18, 0, 0, DateTimeKind.Utc),
        StartDate = new DateOnly(2021, 3, 1),
    };

    private async Task SaveAsync(params object[] records)
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            db.AddRange(records);
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Accents_and_case_do_not_matter_in_either_language()
    {
        app.SkipIfUnavailable();
        var e = NewEngagement("SRCH-ACCENT", "Xolotlan visit to Ciudad Juárez on MIGRATION", "Visita xolotlán a Ciudad Juárez sobre migración y Nación");
        await SaveAsync(e);

        foreach (var q in new[] { "xolotlan juarez", "XOLOTLAN JUAREZ", "Xolotlán Juárez", "xolotlan migracion", "xolotlan MIGRACIÓN", "xolotlan nacion" })
        {
            foreach (var language in new[] { "en-US", "es-MX" })
            {
                Assert.Contains(e.Id, Ids(await SearchAsync(q, language: language)));
            }
        }

        // The title in the reader's language; the match marked in the snippet.
        var es = await SearchAsync("xolotlan", language: "es-MX");
        var item = es.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == e.Id);
        Assert.Equal("Visita xolotlán a Ciudad Juárez sobre migración y Nación", item.GetProperty("title").GetString());
        Assert.Equal("engagement", item.GetProperty("type").GetString());
        Assert.Contains("<mark>xolotlán</mark>", item.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_are_found_by_their_other_forms_in_english_and_spanish()
    {
        app.SkipIfUnavailable();
        var e = NewEngagement("SRCH-STEM", "Quiahuiztlan meeting on negotiations", "Quiahuiztlan: las delegaciones acordaron nuevas negociaciones",
            "The parties agreed to continue meeting", "Las partes decidieron continuar las reuniones");
        await SaveAsync(e);

        foreach (var q in new[] { "quiahuiztlan meetings", "quiahuiztlan negotiation", "quiahuiztlan agreeing",
                     "quiahuiztlan negociación", "quiahuiztlan delegación", "quiahuiztlan acordar", "quiahuiztlan reunión", "quiahuiztlan decidir" })
        {
            Assert.True(Ids(await SearchAsync(q)).Contains(e.Id), $"'{q}' did not find the engagement");
        }

        Assert.Empty(Ids(await SearchAsync("quiahuiztlan elephants")));
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_match_in_the_text()
    {
        app.SkipIfUnavailable();
        var inText = NewEngagement("SRCH-RANK-TEXT", "Working lunch", "Almuerzo de trabajo", "Notes about tepoztlan water works", "Notas sobre tepoztlan");
        var inTitle = NewEngagement("SRCH-RANK-TITLE", "Tepoztlan water talks", "Pláticas de agua en Tepoztlan");
        await SaveAsync(inText, inTitle);

        var ids = Ids(await SearchAsync("tepoztlan"));
        Assert.Equal([inTitle.Id, inText.Id], ids);
    }

    [Fact]
    public async Task A_renamed_record_is_found_by_its_new_name_at_once_and_a_deleted_one_not_at_all()
    {
        app.SkipIfUnavailable();
        var e = NewEngagement("SRCH-RENAME", "Cuauhnahuac dialogue", "Diálogo de Cuauhnahuac");
        await SaveAsync(e);
        Assert.Contains(e.Id, Ids(await SearchAsync("cuauhnahuac")));

        var (scope, db) = app.Database();
        await using (scope)
        {
            var stored = await db.Set<Engagement>().SingleAsync(x => x.Id == e.Id);
            stored.NameEn = "Tlaxcallan dialogue";
            stored.NameEs = "Diálogo de Tlaxcallan";
            await db.SaveChangesAsync();
        }

        Assert.Contains(e.Id, Ids(await SearchAsync("tlaxcallan")));
        Assert.DoesNotContain(e.Id, Ids(await SearchAsync("cuauhnahuac")));

        (scope, db) = app.Database();
        await using (scope)
        {
            db.Remove(await db.Set<Engagement>().SingleAsync(x => x.Id == e.Id));
            await db.SaveChangesAsync();
        }

        var after = await SearchAsync("tlaxcallan");
        Assert.DoesNotContain(e.Id, Ids(after));
        Assert.Equal(0, after.GetProperty("byType").GetProperty("engagement").GetInt32());
    }

    [Fact]
    public async Task The_text_of_plain_text_and_pdf_attachments_is_searched()
    {
        app.SkipIfUnavailable();
        var e = NewEngagement("SRCH-ATTACH", "Attachment holder", "Contenedor de adjuntos");
        var text = new EngagementAttachment { Id = Guid.CreateVersion7(), Code = "A-SRCH-TXT", FileName = "minutes.txt", Type = AttachmentType.Text, Length = 40 };
        var pdf = new EngagementAttachment { Id = Guid.CreateVersion7(), Code = "A-SRCH-PDF", FileName = "minuta.pdf", Type = AttachmentType.Pdf, Length = 1 };
        text.FollowAccessOf(e);
        pdf.FollowAccessOf(e);
        var pdfBytes = Pdf("Minuta de la reunion sobre el acuifero Mimbres y Chicomoztoc");
        await SaveAsync(e, text, pdf,
            new AttachmentContent { AttachmentId = text.Id, Data = System.Text.Encoding.UTF8.GetBytes("The delegations discussed the Huehuetlan aquifer.") },
            new AttachmentContent { AttachmentId = pdf.Id, Data = pdfBytes });

        var found = await SearchAsync("huehuetlan");
        var item = found.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("attachment", item.GetProperty("type").GetString());
        Assert.Equal(text.Id, item.GetProperty("id").GetGuid());
        Assert.Equal($"/Engagements/Attachments/{e.Id}", item.GetProperty("url").GetString());
        Assert.Equal(1, found.GetProperty("byType").GetProperty("attachment").GetInt32());

        Assert.Equal([pdf.Id], Ids(await SearchAsync("chicomoztoc acuiferos", type: "attachment")));
    }

    [Fact]
    public async Task Record_text_is_escaped_in_snippets_and_search_syntax_is_searched_as_words()
    {
        app.SkipIfUnavailable();
        var e = NewEngagement("SRCH-XSS", "Ocotelulco <script>alert(1)</script> NEAR talks", "Pláticas Ocotelulco",
            "Ocotelulco said \"x\" & <b>bold</b> AND OR NOT");
        await SaveAsync(e);

        var result = await SearchAsync("ocotelulco");
        var snippet = result.GetProperty("items")[0].GetProperty("snippet").GetString()!;
        Assert.DoesNotContain("<b>", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", snippet, StringComparison.Ordinal);
        Assert.Contains("&quot;x&quot; &amp;", snippet, StringComparison.Ordinal);

        foreach (var q in new[] { "\"ocotelulco", "ocotelulco*", "(ocotelulco)", "ocotelulco:talks", "^ocotelulco", "-ocotelulco", "ocotelulco NEAR", "ocotelulco AND OR NOT",
                     "ocotelulco NEAR(talks)", "ocotelulco & | ! <->", "ocotelulco' ; --", "ocotelulco'" })
        {
            Assert.True(Ids(await SearchAsync(q)).Contains(e.Id), $"'{q}' did not find the record");
        }

        // Operators are only words: "NOT" is in the text, "elephants" is not.
        Assert.Empty(Ids(await SearchAsync("ocotelulco NOT elephants")));
    }

    [Fact]
    public async Task Bad_queries_are_answered_400_naming_the_field_in_the_readers_language()
    {
        app.SkipIfUnavailable();
        using var en = await app.ApiAs(TestUsers.UsAnalyst, "en-US");
        var cases = new (string Url, string Field)[]
        {
            ("/api/v1/search", "q"),
            ("/api/v1/search?q=", "q"),
            ("/api/v1/search?q=%20%20%20", "q"),
            ("/api/v1/search?q=" + new string('a', 201), "q"),
            ("/api/v1/search?q=%22*()%3A%5E-", "q"),
            ("/api/v1/search?q=water&type=memo", "type"),
            ("/api/v1/search?q=water&page=0", "page"),
            ("/api/v1/search?q=water&page=-1", "page"),
            ("/api/v1/search?q=water&page=abc", "page"),
            ("/api/v1/search?q=water&page=99999999999", "page"),
            ("/api/v1/search?q=water&page=400", "page"),
        };
        foreach (var (url, field) in cases)
        {
            var response = await en.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {body}");
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{url}: {body}");
        }

        using var es = await app.ApiAs(TestUsers.UsAnalyst, "es-MX");
        var spanish = await Json(await es.GetAsync("/api/v1/search?q=water&type=memo"));
        Assert.StartsWith("Tipo desconocido: memo.", spanish.GetProperty("errors").GetProperty("type")[0].GetString(), StringComparison.Ordinal);

        // The page: the same problems, explained.
        using var ui = await app.UiAs(TestUsers.UsAnalyst, "es-MX");
        var page = await ui.GetAsync("/Search?q=%20");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Escriba algo que buscar.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_MX_internal_record_never_shows_or_counts_for_a_US_reader()
    {
        app.SkipIfUnavailable();
        var e = NewEngagement("SRCH-MX-INTERNAL", "Tenochtitlan internal briefing", "Informe interno Tenochtitlan");
        e.Confidentiality = Confidentiality.Internal;
        e.OwnerSide = Side.MX;
        var attachment = new EngagementAttachment { Id = Guid.CreateVersion7(), Code = "A-SRCH-MXI", FileName = "notes.txt", Type = AttachmentType.Text, Length = 20 };
        attachment.FollowAccessOf(e);
        await SaveAsync(e, attachment, new AttachmentContent { AttachmentId = attachment.Id, Data = System.Text.Encoding.UTF8.GetBytes("Tenochtitlan notes") });

        var mx = await SearchAsync("tenochtitlan", TestUsers.MxViewer);
        Assert.Equal(2, mx.GetProperty("total").GetInt32());
        Assert.Equal(1, mx.GetProperty("byType").GetProperty("engagement").GetInt32());
        Assert.Equal(1, mx.GetProperty("byType").GetProperty("attachment").GetInt32());

        foreach (var user in new[] { TestUsers.UsEditor, TestUsers.UsAnalyst, TestUsers.UsAdmin, TestUsers.JointViewer })
        {
            var us = await SearchAsync("tenochtitlan", user);
            Assert.Equal(0, us.GetProperty("total").GetInt32());
            Assert.Empty(us.GetProperty("items").EnumerateArray());
            Assert.All(us.GetProperty("byType").EnumerateObject(), c => Assert.Equal(0, c.Value.GetInt32()));
            Assert.Equal(0, (await SearchAsync("tenochtitlan", user, type: "engagement")).GetProperty("total").GetInt32());

            using var ui = await app.UiAs(user, "en-US");
            var html = await (await ui.GetAsync("/Search?q=tenochtitlan")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("Tenochtitlan internal briefing", html, StringComparison.Ordinal);
            Assert.Contains("id=\"search-none\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_results_page_lists_counts_by_type_and_links_each_result_in_english_and_spanish()
    {
        app.SkipIfUnavailable();
        var e = NewEngagement("SRCH-PAGE", "Cempoala consultation", "Consulta de Cempoala");
        await SaveAsync(e);

        using var en = await app.UiAs(TestUsers.MxViewer, "en-US");
        var html = await (await en.GetAsync("/Search?q=cempoala")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/Engagements/Details/{e.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("Cempoala consultation", html, StringComparison.Ordinal);
        Assert.Contains("id=\"count-engagement\">1<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"search-form\"", html, StringComparison.Ordinal);

        using var es = await app.UiAs(TestUsers.MxViewer, "es-MX");
        var spanish = await (await es.GetAsync("/Search?q=cempoala&type=engagement")).Content.ReadAsStringAsync();
        Assert.Contains("Consulta de Cempoala", spanish, StringComparison.Ordinal);
        Assert.Contains("Encuentros", spanish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindexing_is_idempotent_and_restores_a_lost_entry()
    {
        app.SkipIfUnavailable();
        var e = NewEngagement("SRCH-REINDEX", "Tzintzuntzan review", "Revisión de Tzintzuntzan");
        await SaveAsync(e);
        var (scope, db) = app.Database();
        await using (scope)
        {
            await db.SearchEntries.Where(x => x.RecordId == e.Id).ExecuteDeleteAsync();
        }

        Assert.Empty(Ids(await SearchAsync("tzintzuntzan")));
        (scope, db) = app.Database();
        await using (scope)
        {
            var first = await SearchReindexer.ReindexAsync(db);
            Assert.True(first.Written >= 1);
            var second = await SearchReindexer.ReindexAsync(db);
            Assert.Equal(0, second.Written);
            Assert.Equal(0, second.Removed);
        }

        Assert.Contains(e.Id, Ids(await SearchAsync("tzintzuntzan")));
    }

    private static byte[] Pdf(string line)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        page.AddText(line, 12, new PdfPoint(40, 700), font);
        return builder.Build();
    }
}
