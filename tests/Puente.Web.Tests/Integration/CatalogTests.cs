using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Data.Seeding;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

public abstract class CatalogTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    private static readonly string[] Sections = ["I", "II", "III", "IV", "V", "VI", "VII", "Conclusion"];

    [Fact]
    public async Task An_actor_read_for_pages_and_the_API_has_every_field_of_the_stored_actor()
    {
        // ActorService selects the fields its views show (decision 0028); a field added to Actor must be selected too.
        app.SkipIfUnavailable();
        var (scope, db) = app.Database();
        await using var _ = scope;
        var stored = await db.Actors.AsNoTracking().Include(a => a.Track).Include(a => a.Parent)
            .OrderBy(a => a.Code).FirstAsync(a => a.ParentId != null && a.TrackId != null);
        var read = await scope.ServiceProvider.GetRequiredService<Features.Actors.ActorService>().FindAsync(stored.Code, track: false, CancellationToken.None);

        Assert.NotNull(read);
        var fields = typeof(Puente.Core.Catalog.Actor).GetProperties()
            .Where(p => p.CanWrite && (p.PropertyType.IsValueType || p.PropertyType == typeof(string)))
            .ToList();
        Assert.True(fields.Count >= 20, $"only {fields.Count} fields compared");
        foreach (var field in fields)
        {
            Assert.True(Equals(field.GetValue(stored), field.GetValue(read)), $"{field.Name} differs");
        }

        Assert.Equal((stored.Track!.Id, stored.Track.Code, stored.Track.NameEn, stored.Track.NameEs),
            (read.Track!.Id, read.Track.Code, read.Track.NameEn, read.Track.NameEs));
        Assert.Equal((stored.Parent!.Id, stored.Parent.Code, stored.Parent.NameEn, stored.Parent.NameEs),
            (read.Parent!.Id, read.Parent.Code, read.Parent.NameEn, read.Parent.NameEs));
    }

    [Fact]
    public async Task Every_recommendation_is_traceable_to_its_section_in_both_languages()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.MxViewer);
        var page = await GetJson(client, "/api/v1/recommendations?pageSize=200");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 50, $"only {items.Count} recommendations");
        Assert.Equal(items.Count, page.GetProperty("total").GetInt32());
        foreach (var r in items)
        {
            var code = r.GetProperty("code").GetString()!;
            var section = r.GetProperty("section").GetString();
            Assert.Contains(section, Sections);
            Assert.StartsWith(section == "Conclusion" ? "CONCL-" : section + "-", code, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("textEn").GetString()), code);
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("textEs").GetString()), code);
            Assert.Contains(r.GetProperty("addressee").GetString(), new[] { "MX", "US", "BOTH", "REGIONAL" });
        }

        // Every body of the paper that makes recommendations is represented.
        foreach (var section in new[] { "I", "III", "IV", "V", "VI", "VII" })
        {
            Assert.Contains(items, r => r.GetProperty("section").GetString() == section);
        }
    }

    [Fact]
    public async Task The_catalog_holds_the_tracks_issues_mechanisms_and_posts_the_paper_names()
    {
        app.SkipIfUnavailable();
        using var client = await app.ApiAs(TestUsers.UsAnalyst);
        var tracks = (await GetJson(client, "/api/v1/tracks")).GetProperty("items").EnumerateArray().Select(t => t.GetProperty("code").GetString()).ToList();
        Assert.Equal(["INSTITUTIONAL", "EXECUTIVE", "ADMINISTRATIVE", "PARLIAMENTARY-JUDICIAL", "LOCAL", "SUBSTATE", "MINILATERAL-MULTILATERAL",
            "INTEREST-GROUP", "PUBLIC-DIPLOMACY", "DIASPORA-CONSULAR", "GLOBAL-REGIONAL", "WATER"], tracks);

        var issues = (await GetJson(client, "/api/v1/issues")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(15, issues.Count);
        Assert.Equal(["HUMAN-RIGHTS", "MIGRATION", "USMCA-LABOR"],
            issues.Where(i => i.GetProperty("earlyCrisisRisk").GetBoolean()).Select(i => i.GetProperty("code").GetString()).Order());

        var mechanisms = (await GetJson(client, "/api/v1/mechanisms?pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(m => m.GetProperty("code").GetString()).ToList();
        foreach (var code in new[] { "HLED", "IPM", "BGC", "BNC", "FOBESII", "CEO-DIALOGUE", "NALS", "G20", "APEC", "SOA", "UNSC", "IBWC-CILA", "CDP-CA" })
        {
            Assert.Contains(code, mechanisms);
        }

        var hled = await GetJson(client, "/api/v1/mechanisms/HLED");
        Assert.Equal(["MX", "US"], hled.GetProperty("participants").EnumerateArray().Select(p => p.GetString()).Order());
        Assert.Equal("INSTITUTIONAL", hled.GetProperty("track").GetString());

        var consulates = await GetJson(client, "/api/v1/actors?country=MX&type=Consulate&pageSize=200");
        Assert.Equal(53, consulates.GetProperty("total").GetInt32()); // ../shared/reference/posts.md
        var usPosts = await GetJson(client, "/api/v1/actors?country=US&type=ConsularAgency&pageSize=200");
        Assert.Equal(9, usPosts.GetProperty("total").GetInt32());
        var borderStates = await GetJson(client, "/api/v1/actors?type=State&pageSize=200");
        Assert.Equal(10, borderStates.GetProperty("total").GetInt32());
        foreach (var ally in new[] { "ACLU", "LULAC", "MALDEF", "UNIDOSUS" })
        {
            var found = await GetJson(client, $"/api/v1/actors?q={ally}&type=CivilSociety");
            Assert.True(found.GetProperty("total").GetInt32() >= 1, ally);
        }
    }

    [Fact]
    public async Task Names_come_in_the_request_language_with_both_originals()
    {
        app.SkipIfUnavailable();
        using var spanish = await app.ApiAs(TestUsers.MxViewer, "es-MX,es;q=0.9");
        var water = await GetJson(spanish, "/api/v1/tracks/WATER");
        Assert.Equal(water.GetProperty("nameEs").GetString(), water.GetProperty("name").GetString());
        Assert.NotEqual(water.GetProperty("nameEn").GetString(), water.GetProperty("nameEs").GetString());

        using var english = await app.ApiAs(TestUsers.MxViewer, "en-US");
        var again = await GetJson(english, "/api/v1/tracks/WATER");
        Assert.Equal(again.GetProperty("nameEn").GetString(), again.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Seeding_again_adds_no_duplicates_keeps_local_edits_and_applies_upgrades()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.Database();
        await using (scope)
        {
            var before = await db.Actors.CountAsync();
            var report = await scope.ServiceProvider.GetRequiredService<CatalogSeeder>().SeedAsync();
            Assert.Equal(0, report.Created);
            Assert.Equal(before, await db.Actors.CountAsync());

            // A person's edit (not the system) detaches the record from the catalog...
            var embassy = await db.Actors.SingleAsync(a => a.Code == "US-EMB-MEXICO-CITY");
            embassy.SeedHash = null;
            embassy.NameEn = "Locally renamed embassy";
            // ...while a record still as seeded is upgraded when its catalog entry changes (simulated: an older hash).
            var sre = await db.Actors.SingleAsync(a => a.Code == "MX-SRE");
            var original = sre.NameEn;
            sre.NameEn = "Old release name";
            sre.SeedHash = new string('0', 64);
            await db.SaveChangesAsync();

            report = await scope.ServiceProvider.GetRequiredService<CatalogSeeder>().SeedAsync();
            Assert.Equal(0, report.Created);
            Assert.Equal(1, report.Updated);
            db.ChangeTracker.Clear();
            Assert.Equal("Locally renamed embassy", (await db.Actors.SingleAsync(a => a.Code == "US-EMB-MEXICO-CITY")).NameEn);
            Assert.Equal(original, (await db.Actors.SingleAsync(a => a.Code == "MX-SRE")).NameEn);
            Assert.Equal(before, await db.Actors.CountAsync());
        }
    }

    [Fact]
    public async Task Administrations_are_data_and_the_current_ones_are_known()
    {
        app.SkipIfUnavailable();
        var (scope, db) = app.Database();
        await using (scope)
        {
            var day = new DateOnly(2026, 11, 23);
            var inOffice = (await db.Administrations.ToListAsync()).Where(a => a.IsInOffice(day)).Select(a => a.Code).Order().ToList();
            Assert.Equal(["MX-SHEINBAUM", "US-TRUMP-2"], inOffice);
            var inauguration = new DateOnly(2025, 1, 20);
            Assert.Equal(["US-TRUMP-2"], (await db.Administrations.Where(a => a.Country == "US").ToListAsync())
                .Where(a => a.IsInOffice(inauguration)).Select(a => a.Code));
        }
    }

    private static async Task<JsonElement> GetJson(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
