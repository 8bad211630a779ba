using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Catalog;
using Puente.Core.Plans;
using Puente.Core.Records;
using Puente.Core.Text;

namespace Puente.Data.Seeding;

/// <summary>What one seeding run did.</summary>
public sealed record SeedReport(int Created, int Updated, int Unchanged, int KeptLocalEdits);

/// <summary>
/// Loads the white paper's catalog from the data files embedded from <c>Catalog/*.json</c> and upserts it by code.
/// A record is updated only while it still holds what seeding last wrote (its <see cref="ContentRecord.SeedHash"/>);
/// a record a person edited keeps the person's values. Entries are never deleted by seeding.
/// </summary>
public sealed class CatalogSeeder(PuenteDbContext db)
{
    public static IReadOnlyList<string> Sections => PlanSections.Paper;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = false };

    private readonly SeedUpsert _upsert = new();

    /// <summary>Seeds everything in one transaction (with its audit entries).</summary>
    /// <exception cref="InvalidDataException">A data file is malformed; the message names the file and entry.</exception>
    public async Task<SeedReport> SeedAsync(CancellationToken cancellationToken = default)
    {
        _upsert.Reset();

        var tracks = await _upsert.UpsertAsync(db.Tracks, Load<TrackEntry>("tracks.json"), e => e.Code, e => e.Section, (t, e, _) =>
        {
            t.SortOrder = e.Order;
            t.NameEn = e.NameEn;
            t.NameEs = e.NameEs;
            t.DescriptionEn = e.DescriptionEn ?? "";
            t.DescriptionEs = e.DescriptionEs ?? "";
        }, cancellationToken);

        await _upsert.UpsertAsync(db.AgendaIssues, Load<IssueEntry>("issues.json"), e => e.Code, e => e.Section, (t, e, _) =>
        {
            t.NameEn = e.NameEn;
            t.NameEs = e.NameEs;
            t.DescriptionEn = e.DescriptionEn ?? "";
            t.DescriptionEs = e.DescriptionEs ?? "";
            t.EarlyCrisisRisk = e.EarlyCrisisRisk;
        }, cancellationToken);

        await _upsert.UpsertAsync(db.Administrations, Load<AdministrationEntry>("administrations.json"), e => e.Code, e => e.Section, (a, e, file) =>
        {
            a.Country = Require(e.Country, ["MX", "US"], file, e.Code, "country");
            a.HeadOfStateEn = e.HeadOfStateEn;
            a.HeadOfStateEs = e.HeadOfStateEs;
            a.TitleEn = e.TitleEn;
            a.TitleEs = e.TitleEs;
            a.Party = e.Party;
            a.TermStart = e.TermStart;
            a.TermEnd = e.TermEnd;
            a.TermEndScheduled = e.TermEndScheduled;
        }, cancellationToken);

        await _upsert.UpsertAsync(db.Mechanisms, Load<MechanismEntry>("mechanisms.json"), e => e.Code, e => e.Section, (m, e, file) =>
        {
            m.NameEn = e.NameEn;
            m.NameEs = e.NameEs;
            m.DescriptionEn = e.DescriptionEn ?? "";
            m.DescriptionEs = e.DescriptionEs ?? "";
            m.Track = TrackFor(tracks, e.TrackCode, file, e.Code);
            m.TrackId = m.Track?.Id;
            var participants = Countries.ParseParticipants(string.Join(',', e.Participants))
                ?? throw Invalid(file, e.Code, "participants", string.Join(',', e.Participants));
            m.Participants = string.Join(',', participants);
            m.Cadence = ParseEnum<Cadence>(e.Cadence, file, e.Code, "cadence");
            m.Established = e.Established?.ToString(CultureInfo.InvariantCulture);
        }, cancellationToken);

        // The white paper is the first plan; every recommendation of its file belongs to it.
        var plans = await _upsert.UpsertAsync(db.Set<Plan>(), Load<PlanEntry>("plans.json", requireSection: false), e => e.Code, _ => null, (p, e, _) =>
        {
            p.NameEn = e.NameEn;
            p.NameEs = e.NameEs;
            p.DescriptionEn = e.DescriptionEn ?? "";
            p.DescriptionEs = e.DescriptionEs ?? "";
        }, cancellationToken);
        var paper = plans.TryGetValue(Plan.WhitePaperCode, out var found) ? found
            : throw new InvalidDataException($"Catalog file plans.json has no plan {Plan.WhitePaperCode}.");

        var recommendations = await _upsert.UpsertAsync(db.Recommendations, Load<RecommendationEntry>("recommendations.json"), e => e.Code, e => e.Section, (r, e, file) =>
        {
            r.Plan = paper;
            r.PlanId = paper.Id;
            r.Number = e.Number;
            r.Addressee = ParseEnum<Addressee>(e.Addressee, file, e.Code, "addressee");
            r.Track = TrackFor(tracks, e.TrackCode, file, e.Code);
            r.TrackId = r.Track?.Id;
            r.IssueCodes = string.Join(',', e.IssueCodes ?? []);
            r.TextEn = e.TextEn;
            r.TextEs = e.TextEs;
        }, cancellationToken);

        // Recommendations seeded before plans existed (unchanged since, so not applied above) join the paper now.
        foreach (var r in recommendations.Values.Where(r => r.PlanId is null))
        {
            r.Plan = paper;
            r.PlanId = paper.Id;
        }

        var actorEntries = Load<ActorEntry>("actors.json");
        var actorCodes = actorEntries.Select(a => a.Entry.Code).ToHashSet(StringComparer.Ordinal);
        Dictionary<string, Actor> actors = [];
        actors = await _upsert.UpsertAsync(db.Actors, actorEntries, e => e.Code, e => e.Section, (a, e, file) =>
        {
            a.Type = ParseEnum<ActorType>(e.Type, file, e.Code, "type");
            a.Country = Require(e.Country, Countries.ActorCountries, file, e.Code, "country");
            a.Level = ParseEnum<GovernmentLevel>(e.Level, file, e.Code, "level");
            a.NameEn = e.NameEn;
            a.NameEs = e.NameEs;
            a.DescriptionEn = e.DescriptionEn ?? "";
            a.DescriptionEs = e.DescriptionEs ?? "";
            a.Track = TrackFor(tracks, e.TrackCode ?? ActorTracks.DefaultTrackCode(a.Type), file, e.Code);
            a.TrackId = a.Track?.Id;
            a.City = e.City;
            a.Region = e.Region;
            a.Website = e.Website;
            if (e.ParentCode is not null && !actorCodes.Contains(e.ParentCode))
            {
                throw Invalid(file, e.Code, "parentCode", e.ParentCode);
            }
        }, cancellationToken);

        // Parents resolve once every actor exists (a parent may come later in the file).
        foreach (var (entry, hash) in actorEntries)
        {
            var actor = actors[entry.Code];
            if (actor.SeedHash == hash && entry.ParentCode is not null && actor.ParentId != actors[entry.ParentCode].Id)
            {
                actor.Parent = actors[entry.ParentCode];
                actor.ParentId = actor.Parent.Id;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return _upsert.Report;
    }

    /// <summary>Reads one embedded data file, checking codes, sections, uniqueness and that both languages have text.</summary>
    internal static IReadOnlyList<(T Entry, string Hash)> Load<T>(string file, string folder = "Catalog", bool requireSection = true)
    {
        using var stream = typeof(CatalogSeeder).Assembly.GetManifestResourceStream($"Puente.{folder}." + file)
            ?? throw new InvalidDataException($"{folder} file {file} is not embedded in {typeof(CatalogSeeder).Assembly.GetName().Name}.");
        List<T> entries;
        try
        {
            entries = JsonSerializer.Deserialize<List<T>>(stream, Json) ?? [];
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Catalog file {file} is not valid: {ex.Message}", ex);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(T, string)>(entries.Count);
        foreach (var entry in entries)
        {
            var json = JsonSerializer.SerializeToElement(entry, Json);
            var entryCode = json.TryGetProperty("code", out var c) ? c.GetString() : null;
            if (!CatalogCode.IsValid(entryCode) || !seen.Add(entryCode!))
            {
                throw new InvalidDataException($"Catalog file {file}: code '{entryCode}' is invalid or repeated.");
            }

            var section = json.TryGetProperty("section", out var s) ? s.GetString() : null;
            if ((requireSection || section is not null) && !Sections.Contains(section))
            {
                throw Invalid(file, entryCode!, "section", section);
            }

            foreach (var field in new[] { "nameEn", "nameEs", "textEn", "textEs", "headOfStateEn", "headOfStateEs", "name", "titleEn", "titleEs" })
            {
                if (json.TryGetProperty(field, out var text) && string.IsNullOrWhiteSpace(text.GetString()))
                {
                    throw Invalid(file, entryCode!, field, "(empty)");
                }
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(entry, Json)));
            result.Add((entry, hash));
        }

        return result;
    }

    internal static Track? TrackFor(Dictionary<string, Track> tracks, string? code, string file, string entryCode) =>
        code is null ? null : tracks.TryGetValue(code, out var track) ? track : throw Invalid(file, entryCode, "trackCode", code);

    internal static TEnum ParseEnum<TEnum>(string value, string file, string code, string field)
        where TEnum : struct, Enum =>
        EnumText.TryParse<TEnum>(value, out var parsed, ignoreCase: false)
            ? parsed
            : throw Invalid(file, code, field, value);

    internal static string Require(string value, IReadOnlyList<string> allowed, string file, string code, string field) =>
        allowed.Contains(value) ? value : throw Invalid(file, code, field, value);

    internal static InvalidDataException Invalid(string file, string code, string field, string? value) =>
        new($"Catalog {file}, entry '{code}': invalid {field} '{value}'.");
}
