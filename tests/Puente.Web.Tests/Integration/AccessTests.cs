using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Puente.Core.Access;
using Puente.Core.Agenda;
using Puente.Core.Catalog;
using Puente.Core.Commitments;
using Puente.Core.Memory;
using Puente.Core.Plans;
using Puente.Core.Records;
using Puente.Core.Warning;
using Puente.Core.Water;
using Puente.Core.Webhooks;
using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// The access table: every list, detail and search path, as each role and side, against Shared, Internal and
/// Restricted records. A later feature adds its paths to <see cref="Paths"/>.
/// </summary>
public abstract class AccessTests<TApp>(TApp app)
    where TApp : PuenteApp
{
    /// <summary>The probe records: one per confidentiality level (and side), for every record type.</summary>
    public enum Level
    {
        Shared,
        InternalMx,
        InternalUs,
        Restricted,
    }

    /// <summary>Who may read each probe: the expectation, written out rather than computed.</summary>
    private static readonly Dictionary<Level, string[]> Readers = new()
    {
        [Level.Shared] = [.. TestUsers.All.Select(u => u.Name)],
        [Level.InternalMx] = ["mx-editor", "mx-viewer", "mx-admin"],
        [Level.InternalUs] = ["us-editor", "us-analyst", "us-admin"],
        [Level.Restricted] = ["water-analyst", "us-analyst"], // group:water, and us-analyst by name
    };

    /// <summary>A read path: how to ask for a probe (null: this path does not show that record type), and whether the answer shows it.</summary>
    public sealed record ReadPath(string Name, bool Ui, Func<Probe, string?> Url, Func<Probe, HttpResponseMessage, string, bool> Shows);

    public sealed record Probe(string Type, Level Level, Guid Id, string Code, string Name);

    private static bool ListShows(Probe p, HttpResponseMessage r, string body) => r.StatusCode == HttpStatusCode.OK && body.Contains(p.Name, StringComparison.Ordinal);

    private static bool DetailShows(Probe p, HttpResponseMessage r, string body) => r.StatusCode switch
    {
        HttpStatusCode.OK => body.Contains(p.Name, StringComparison.Ordinal) ? true : throw new InvalidOperationException($"200 without the record: {p}"),
        HttpStatusCode.NotFound => false,
        _ => throw new InvalidOperationException($"unexpected {(int)r.StatusCode} for {p}"),
    };

    private static bool HistoryShows(Probe p, HttpResponseMessage r, string body) => r.StatusCode switch
    {
        HttpStatusCode.OK => body.Contains("Created", StringComparison.Ordinal) ? true : throw new InvalidOperationException($"history without entries: {p}"),
        HttpStatusCode.NotFound => false,
        _ => throw new InvalidOperationException($"unexpected {(int)r.StatusCode} for {p}"),
    };

    /// <summary>The day of a probe engagement's health shadow: a session and an open commitment of the probe's access under
    /// a Shared mechanism of their own, ten years from any other (health and the index count them, 0 or 1).</summary>
    private static DateOnly HealthDay(Level level) => new(1920 + (10 * (int)level), 6, 1);

    private static string HealthDayText(Probe p) => HealthDay(p.Level).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A count of one session and one commitment is the probe seen, none is hidden; anything else is a leak or a bug.</summary>
    private static bool CountsShow(Probe p, HttpResponseMessage r, int sessions, int commitments) => r.StatusCode != HttpStatusCode.OK
        ? throw new InvalidOperationException($"unexpected {(int)r.StatusCode} for {p}")
        : (sessions, commitments) switch
        {
            (1, 1) => true,
            (0, 0) => false,
            _ => throw new InvalidOperationException($"{sessions} sessions and {commitments} commitments counted for {p}"),
        };

    private static System.Text.Json.JsonElement JsonOf(string body) => System.Text.Json.JsonDocument.Parse(body).RootElement;

    private static bool HealthShows(Probe p, HttpResponseMessage r, string body) => r.StatusCode == HttpStatusCode.OK
        ? CountsShow(p, r, JsonOf(body).GetProperty("sessionsLast3Years").GetInt32(), JsonOf(body).GetProperty("openCommitments").GetInt32())
        : CountsShow(p, r, -1, -1);

    private static bool IndexShows(Probe p, HttpResponseMessage r, string body)
    {
        if (r.StatusCode != HttpStatusCode.OK)
        {
            return CountsShow(p, r, -1, -1);
        }

        var json = JsonOf(body);
        var parts = json.TryGetProperty("items", out var items) ? items[0].GetProperty("parts") : json.GetProperty("parts");
        return CountsShow(p, r, parts.GetProperty("belowHeadOfState").GetProperty("engagements").GetInt32(), parts.GetProperty("commitmentsKept").GetProperty("due").GetInt32());
    }

    private static bool HealthHistoryShows(Probe p, HttpResponseMessage r, string body) => r.StatusCode == HttpStatusCode.OK
        ? JsonOf(body).GetProperty("items")[0].GetProperty("status").GetString() != "NotYetMet"
        : throw new InvalidOperationException($"unexpected {(int)r.StatusCode} for {p}");

    private static bool Found(Probe p, HttpResponseMessage r, string body) => r.StatusCode switch
    {
        HttpStatusCode.OK => body.Contains(p.Code, StringComparison.Ordinal) ? true : throw new InvalidOperationException($"200 without the record: {p}"),
        HttpStatusCode.NotFound => false,
        _ => throw new InvalidOperationException($"unexpected {(int)r.StatusCode} for {p}"),
    };

    /// <summary>The counts a page shows as <paramref name="sessions"/>N<paramref name="end"/> and <paramref name="commitments"/>N<paramref name="end"/>.</summary>
    private static bool PageCountsShow(Probe p, HttpResponseMessage r, string body, string sessions, string commitments, string end)
    {
        int Count(string before) => body.Contains(before + "1" + end, StringComparison.Ordinal) ? 1 : body.Contains(before + "0" + end, StringComparison.Ordinal) ? 0 : -1;
        return CountsShow(p, r, Count(sessions), Count(commitments));
    }

    private static readonly Dictionary<string, string> ApiCollection = new()
    {
        ["Track"] = "tracks", ["AgendaIssue"] = "issues", ["Recommendation"] = "recommendations",
        ["Administration"] = "administrations", ["Actor"] = "actors", ["Mechanism"] = "mechanisms",
        ["Person"] = "people", ["Post"] = "posts", ["Engagement"] = "engagements", ["Commitment"] = "commitments", ["Plan"] = "plans",
        ["Indicator"] = "indicators",
    };

    /// <summary>Types searched and with a history of their own in the API (the catalog's other types are plain lists).</summary>
    private static readonly string[] Searchable = ["Actor", "Mechanism", "Person", "Post", "Engagement", "Commitment", "Indicator"];

    /// <summary>The anchors every memory probe is linked to: Shared records whose pages list the probes.</summary>
    private const string AnchorPerson = "ACC-ANCHOR-PERSON";
    private const string AnchorPost = "ACC-ANCHOR-POST";
    private const string AnchorMechanism = "ACC-SESSIONS";

    /// <summary>The Shared plan every probe recommendation belongs to; each probe addresses another addressee, so the
    /// scorecard by addressee has one group per readable probe (and its status change counted In progress).</summary>
    private const string AnchorPlan = "ACC-PLAN";

    private static string AddresseeOf(Probe p) => ((Addressee)(int)p.Level).ToString();

    private static string StatusNote(Probe p) => $"probe {p.Level} status note";

    /// <summary>A scorecard (or a trend's last point) by addressee: the probe's group, with its status change counted.</summary>
    private static bool ScorecardShows(Probe p, HttpResponseMessage r, string body)
    {
        if (r.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"unexpected {(int)r.StatusCode} for {p}");
        }

        var root = System.Text.Json.JsonDocument.Parse(body).RootElement;
        var scorecard = root.TryGetProperty("points", out var points) ? points[points.GetArrayLength() - 1] : root;
        var group = scorecard.GetProperty("groups").EnumerateArray().FirstOrDefault(g => g.GetProperty("key").GetString() == AddresseeOf(p));
        if (group.ValueKind == System.Text.Json.JsonValueKind.Undefined)
        {
            return false;
        }

        return group.GetProperty("total").GetInt32() == 1 && group.GetProperty("counts").GetProperty("InProgress").GetInt32() == 1
            ? true
            : throw new InvalidOperationException($"the probe's group without its status change: {p}");
    }

    /// <summary>A recommendation's page or answer: shown with its status history, or not at all.</summary>
    private static bool RecommendationShows(Probe p, HttpResponseMessage r, string body) => DetailShows(p, r, body)
        && (body.Contains(StatusNote(p), StringComparison.Ordinal) ? true : throw new InvalidOperationException($"the recommendation without its status history: {p}"));

    private static readonly string[] WaterTypes = [nameof(WaterDeliveryRecord), nameof(StorageReadingRecord), nameof(ReserveMovementRecord)];

    private static bool IsCatalog(Probe p) => !WaterTypes.Contains(p.Type)
        && p.Type is not (nameof(EngagementAttachment) or nameof(CommitmentStatusChange) or nameof(WebhookSubscription) or nameof(IndicatorValue) or nameof(Alert))
        && !AgendaTypes.Contains(p.Type);

    /// <summary>The Shared indicator without an agenda issue whose backtest counts every crisis the reader can read.</summary>
    private const string BacktestAnchor = "ACC-BT-ANCHOR";


    /// <summary>The code of a probe alert's indicator.</summary>
    private static string AlertIndicator(Probe p) => "ACC-AL-" + p.Level.ToString().ToUpperInvariant();

    private static bool IsMemory(Probe p) => p.Type is "Person" or "Post" or "Engagement" or "Commitment";

    /// <summary>The agenda's probe types: playbooks, marked crises, positions and convergence assessments, each on a Shared
    /// agenda issue of its own per level (<see cref="AgendaAnchor"/>), so each count on the issue is 0 or 1.</summary>
    private static readonly string[] AgendaTypes = [nameof(Playbook), nameof(MarkedCrisis), nameof(IssuePosition), nameof(ConvergenceAssessment)];

    private static readonly Dictionary<string, string> AgendaCollection = new()
    {
        [nameof(Playbook)] = "playbooks", [nameof(MarkedCrisis)] = "crises", [nameof(IssuePosition)] = "positions",
    };

    private static readonly Dictionary<string, string> AgendaPages = new()
    {
        [nameof(Playbook)] = "/Playbooks", [nameof(MarkedCrisis)] = "/Crises", [nameof(IssuePosition)] = "/Positions",
    };

    private static string AgendaAnchor(Probe p) => "ACC-AGENDA-" + p.Level.ToString().ToUpperInvariant();

    private static string? AgendaApi(Probe p, string tail) => AgendaCollection.TryGetValue(p.Type, out var c) ? $"/api/v1/{c}{tail}" : null;

    private static string? AgendaPage(Probe p, string tail) => AgendaPages.TryGetValue(p.Type, out var c) ? c + tail : null;

    /// <summary>A count the page or answer shows: 1 is the probe seen, 0 hidden, anything else a bug.</summary>
    private static bool OneOrNone(Probe p, int count, bool named) => (count, named) switch
    {
        (1, true) => true,
        (0, false) => false,
        _ => throw new InvalidOperationException($"count {count}, named {named} for {p}"),
    };

    /// <summary>The issue's answer: its positions and assessments as listed, its playbooks and crises counted and linked.</summary>
    private static bool IssueAnswerShows(Probe p, HttpResponseMessage r, string body)
    {
        if (r.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"unexpected {(int)r.StatusCode} for {p}");
        }

        var json = JsonOf(body);
        var named = body.Contains(p.Name, StringComparison.Ordinal);
        return p.Type switch
        {
            nameof(IssuePosition) => OneOrNone(p, json.GetProperty("positions").GetArrayLength(), named),
            nameof(ConvergenceAssessment) => OneOrNone(p, json.GetProperty("convergenceHistory").GetArrayLength(), named),
            nameof(Playbook) => OneOrNone(p, json.GetProperty("playbooks").GetProperty("count").GetInt32(), named),
            _ => OneOrNone(p, json.GetProperty("crises").GetProperty("count").GetInt32(), named),
        };
    }

    /// <summary>The issue's page: positions and assessments as listed, playbooks and crises counted (<c>count-…</c>) and linked.</summary>
    private static bool IssuePageShows(Probe p, HttpResponseMessage r, string body)
    {
        if (r.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"unexpected {(int)r.StatusCode} for {p}");
        }

        var named = body.Contains(p.Name, StringComparison.Ordinal);
        int Count(string id) => body.Contains($"id=\"count-{id}\">1<", StringComparison.Ordinal) ? 1 : body.Contains($"id=\"count-{id}\">0<", StringComparison.Ordinal) ? 0 : -1;
        return p.Type switch
        {
            nameof(Playbook) => OneOrNone(p, Count("playbooks"), named),
            nameof(MarkedCrisis) => OneOrNone(p, Count("crises"), named),
            _ => named,
        };
    }

    /// <summary>The agenda list's counts of an anchor issue: positions (<c>positions-CODE</c>) and playbooks (<c>playbooks-CODE</c>).</summary>
    private static bool AgendaCountShows(Probe p, HttpResponseMessage r, string body)
    {
        var id = (p.Type == nameof(IssuePosition) ? "positions-" : "playbooks-") + AgendaAnchor(p);
        var count = body.Contains($"id=\"{id}\">1<", StringComparison.Ordinal) ? 1 : body.Contains($"id=\"{id}\">0<", StringComparison.Ordinal) ? 0 : -1;
        return r.StatusCode == HttpStatusCode.OK ? OneOrNone(p, count, count == 1) : throw new InvalidOperationException($"unexpected {(int)r.StatusCode} for {p}");
    }

    public static IReadOnlyList<ReadPath> Paths { get; } =
    [
        // The agenda (issue 13): playbooks, marked crises, positions and convergence, and the issues' own pages.
        new("api agenda list", false, p => AgendaApi(p, "?pageSize=200"), ListShows),
        new("api agenda search", false, p => AgendaApi(p, "?q=probe&pageSize=200"), ListShows),
        new("api agenda by issue", false, p => AgendaApi(p, $"?issue={AgendaAnchor(p)}&pageSize=200"), ListShows),
        new("api agenda detail by id", false, p => AgendaApi(p, $"/{p.Id}"), DetailShows),
        new("api agenda detail by code", false, p => AgendaApi(p, $"/{p.Code}"), DetailShows),
        new("api agenda history", false, p => AgendaApi(p, $"/{p.Id}/history"), HistoryShows),
        new("api issue with positions, convergence and links", false, p => AgendaTypes.Contains(p.Type) ? $"/api/v1/issues/{AgendaAnchor(p)}" : null, IssueAnswerShows),
        new("ui agenda list", true, p => AgendaPage(p, "?q=probe"), ListShows),
        new("ui agenda list by issue", true, p => AgendaPage(p, $"?issue={AgendaAnchor(p)}"), ListShows),
        new("ui agenda detail", true, p => AgendaPage(p, $"/Details/{p.Id}"), DetailShows),
        new("ui agenda edit form", true, p => AgendaPage(p, $"/Edit/{p.Id}"), (p, r, b) => r.StatusCode == HttpStatusCode.OK && b.Contains(p.Name, StringComparison.Ordinal)),
        new("ui issue page with positions, convergence and links", true, p => AgendaTypes.Contains(p.Type) ? $"/Issues/{AgendaAnchor(p)}" : null, IssuePageShows),
        new("ui agenda counts", true, p => p.Type is nameof(IssuePosition) or nameof(Playbook) ? "/Issues" : null, AgendaCountShows),
        new("ui agenda issues", true, p => p.Type == "AgendaIssue" ? "/Issues" : null, ListShows),
        new("ui agenda issue", true, p => p.Type == "AgendaIssue" ? $"/Issues/{p.Code}" : null, DetailShows),
        new("ui agenda issue form", true, p => p.Type == "AgendaIssue" ? $"/Issues/{p.Code}/Edit" : null, (p, r, b) => r.StatusCode == HttpStatusCode.OK && b.Contains(p.Name, StringComparison.Ordinal)),
        new("ui agenda issue choices", true, p => p.Type == "AgendaIssue" ? "/Playbooks/Edit" : null, (p, r, b) => r.StatusCode == HttpStatusCode.OK && b.Contains(p.Name, StringComparison.Ordinal)),

        new("api list", false, p => IsCatalog(p) ? $"/api/v1/{ApiCollection[p.Type]}?pageSize=200" : null, ListShows),
        new("api detail by id", false, p => IsCatalog(p) ? $"/api/v1/{ApiCollection[p.Type]}/{p.Id}" : null, DetailShows),
        new("api detail by code", false, p => IsCatalog(p) ? $"/api/v1/{ApiCollection[p.Type]}/{p.Code}" : null, DetailShows),
        new("api search", false, p => !IsCatalog(p) ? null : Searchable.Contains(p.Type) ? $"/api/v1/{ApiCollection[p.Type]}?q=probe&pageSize=200" : $"/api/v1/{ApiCollection[p.Type]}?pageSize=200", ListShows),
        new("api history", false, p => !IsCatalog(p) ? null : Searchable.Contains(p.Type) ? $"/api/v1/{ApiCollection[p.Type]}/{p.Id}/history" : $"/api/v1/{ApiCollection[p.Type]}/{p.Id}", (p, r, b) => Searchable.Contains(p.Type) ? HistoryShows(p, r, b) : DetailShows(p, r, b)),
        new("api holder", false, p => p.Type switch
        {
            "Post" => $"/api/v1/posts/{p.Code}/holder?on=2020-06-01",
            "Person" => $"/api/v1/posts/ACC-HOLD-{p.Code[4..]}/holder?on=2020-06-01", // a Shared post the probe person holds
            _ => null,
        }, (p, r, b) => p.Type == "Post" ? DetailShows(p, r, b) : ListShows(p, r, b)),
        new("api counterparts", false, p => p.Type == "Post" ? $"/api/v1/posts/{AnchorPost}/counterparts?on=2020-06-01" : null, ListShows),
        new("api posts held", false, p => p.Type == "Post" ? $"/api/v1/people/{AnchorPerson}/posts" : null, ListShows),
        new("api sessions", false, p => p.Type == "Engagement" ? $"/api/v1/mechanisms/{AnchorMechanism}/sessions" : null, ListShows),
        new("api engagements by person", false, p => p.Type == "Engagement" ? $"/api/v1/engagements?person={AnchorPerson}&pageSize=200" : null, ListShows),
        new("api engagements by post", false, p => p.Type == "Engagement" ? $"/api/v1/engagements?post={AnchorPost}&pageSize=200" : null, ListShows),
        new("api timeline of a person", false, p => p.Type == "Engagement" ? $"/api/v1/timelines/person/{AnchorPerson}?pageSize=200" : null, ListShows),
        new("api timeline of a post", false, p => p.Type == "Engagement" ? $"/api/v1/timelines/post/{AnchorPost}?pageSize=200" : null, ListShows),
        new("api timeline of a mechanism", false, p => p.Type == "Engagement" ? $"/api/v1/timelines/mechanism/{AnchorMechanism}?pageSize=200" : null, ListShows),
        new("api timeline of the subject", false, p => p.Type switch
        {
            "Person" => $"/api/v1/timelines/person/{p.Code}",
            "Post" => $"/api/v1/timelines/post/{p.Code}",
            "Actor" => $"/api/v1/timelines/actor/{p.Code}",
            "Mechanism" => $"/api/v1/timelines/mechanism/{p.Code}",
            "AgendaIssue" => $"/api/v1/timelines/issue/{p.Code}",
            _ => null,
        }, DetailShows),
        new("api attachment download", false, p => p.Type == nameof(EngagementAttachment) ? $"/api/v1/engagements/{p.Code}/attachments/{p.Id}" : null, DetailShows),
        new("api plan scorecard", false, p => p.Type switch
        {
            "Plan" => $"/api/v1/plans/{p.Code}/scorecard",
            "Recommendation" => $"/api/v1/plans/{AnchorPlan}/scorecard?by=addressee&asOf=2021-01-01",
            _ => null,
        }, (p, r, b) => p.Type == "Plan" ? DetailShows(p, r, b) : ScorecardShows(p, r, b)),
        new("api plan trend", false, p => p.Type switch
        {
            "Plan" => $"/api/v1/plans/{p.Code}/scorecard/trend",
            "Recommendation" => $"/api/v1/plans/{AnchorPlan}/scorecard/trend?from=2020-01-01&to=2020-12-31&by=addressee",
            _ => null,
        }, (p, r, b) => p.Type == "Plan" ? DetailShows(p, r, b) : ScorecardShows(p, r, b)),
        new("api plan with its recommendations", false, p => p.Type == "Recommendation" ? $"/api/v1/plans/{AnchorPlan}" : null, ListShows),
        new("api plan export", false, p => p.Type switch
        {
            "Plan" => $"/api/v1/plans/{p.Code}/export?format=json",
            "Recommendation" => $"/api/v1/plans/{AnchorPlan}/export?format=csv",
            _ => null,
        }, (p, r, b) => p.Type == "Plan" ? DetailShows(p, r, b) : ListShows(p, r, b)),
        new("api recommendation with its status history", false, p => p.Type == "Recommendation" ? $"/api/v1/recommendations/{p.Code}" : null, RecommendationShows),
        new("api mechanism health", false, p => p.Type == "Mechanism" ? $"/api/v1/mechanisms/{p.Code}/health" : null, DetailShows),
        new("api mechanism health history", false, p => p.Type == "Mechanism" ? $"/api/v1/mechanisms/{p.Code}/health/history?from=2020-01-01&to=2020-12-31" : null, Found),
        new("api health counts", false, p => p.Type == "Engagement" ? $"/api/v1/mechanisms/ACC-HEALTH-{p.Code[4..]}/health?asOf={HealthDayText(p)}" : null, HealthShows),
        new("api health history", false, p => p.Type == "Engagement" ? $"/api/v1/mechanisms/ACC-HEALTH-{p.Code[4..]}/health/history?from={HealthDayText(p)}&to={HealthDayText(p)}" : null, HealthHistoryShows),
        new("api index", false, p => p.Type == "Engagement" ? $"/api/v1/index/institutionalization?asOf={HealthDayText(p)}" : null, IndexShows),
        new("api index series", false, p => p.Type == "Engagement" ? $"/api/v1/index/institutionalization?from={HealthDayText(p)}&to={HealthDayText(p)}&by=quarter" : null, IndexShows),
        new("api water list", false, p => p.Type switch
        {
            nameof(WaterDeliveryRecord) => "/api/v1/water/riogrande/deliveries?pageSize=200",
            nameof(StorageReadingRecord) => "/api/v1/water/riogrande/storage-readings?pageSize=200",
            nameof(ReserveMovementRecord) => "/api/v1/water/colorado/reserve?pageSize=200",
            _ => null,
        }, ListShows),
        new("ui water page", true, p => p.Type == nameof(ReserveMovementRecord) ? "/Water" : null, ListShows),
        new("ui plan scorecard", true, p => p.Type == "Recommendation" ? $"/Plans/{AnchorPlan}?asOf=2021-01-01" : null, ListShows),
        new("ui plan export", true, p => p.Type switch
        {
            "Plan" => $"/Plans/{p.Code}?handler=Export&format=json",
            "Recommendation" => $"/Plans/{AnchorPlan}?handler=Export&format=csv",
            _ => null,
        }, (p, r, b) => p.Type == "Plan" ? DetailShows(p, r, b) : ListShows(p, r, b)),
        new("ui recommendation with its status history", true, p => p.Type == "Recommendation" ? $"/Recommendations/{p.Code}" : null, RecommendationShows),
        new("ui status form", true, p => p.Type == "Recommendation" ? $"/Recommendations/{p.Code}/Status" : null,
            (p, r, b) => r.StatusCode == HttpStatusCode.OK && b.Contains(p.Name, StringComparison.Ordinal)),
        new("ui list", true, p => !IsCatalog(p) || IsMemory(p) ? null : p.Type switch
        {
            "Actor" => "/Actors?q=probe",
            "Mechanism" => "/Mechanisms?q=probe",
            "Recommendation" => "/Catalog/Recommendations",
            "Plan" => "/Plans",
            "Indicator" => "/Indicators?q=probe",
            _ => "/Catalog",
        }, ListShows),
        new("ui detail", true, p => !IsCatalog(p) || IsMemory(p) ? null : p.Type switch
        {
            "Actor" => $"/Actors/Details/{p.Id}",
            "Mechanism" => $"/Mechanisms/Details/{p.Id}",
            "Recommendation" => "/Catalog/Recommendations?section=II",
            "Plan" => $"/Plans/{p.Code}",
            "Indicator" => $"/Indicators/{p.Code}",
            _ => "/Catalog",
        }, (p, r, b) => p.Type is "Actor" or "Mechanism" or "Plan" or "Indicator" ? DetailShows(p, r, b) : ListShows(p, r, b)),
        new("ui edit form", true, p => !IsCatalog(p) || IsMemory(p) ? null : p.Type switch
        {
            "Actor" => $"/Actors/Edit/{p.Id}",
            "Mechanism" => $"/Mechanisms/Edit/{p.Id}",
            "Recommendation" => "/Catalog/Recommendations",
            "Plan" => "/Plans",
            "Indicator" => $"/Indicators/{p.Code}/Edit",
            _ => "/Catalog",
        }, (p, r, b) => p.Type is "Actor" or "Mechanism" or "Indicator"
            ? r.StatusCode == HttpStatusCode.OK && b.Contains(p.Name, StringComparison.Ordinal)
            : ListShows(p, r, b)),
        new("ui memory list", true, p => p.Type switch
        {
            "Person" => "/People?q=probe",
            "Post" => "/Posts?q=probe",
            "Engagement" => "/Engagements?q=probe",
            "Commitment" => "/Commitments?q=probe",
            _ => null,
        }, ListShows),
        new("ui memory detail", true, p => p.Type switch
        {
            "Person" => $"/People/Details/{p.Id}",
            "Post" => $"/Posts/Details/{p.Id}",
            "Engagement" => $"/Engagements/Details/{p.Id}",
            "Commitment" => $"/Commitments/Details/{p.Id}",
            _ => null,
        }, DetailShows),
        new("ui memory edit form", true, p => p.Type switch
        {
            "Person" => $"/People/Edit/{p.Id}",
            "Post" => $"/Posts/Edit/{p.Id}",
            "Engagement" => $"/Engagements/Edit/{p.Id}",
            "Commitment" => $"/Commitments/Edit/{p.Id}",
            _ => null,
        }, (p, r, b) => r.StatusCode == HttpStatusCode.OK && b.Contains(p.Name, StringComparison.Ordinal)),
        new("ui participant picker", true, p => p.Type is "Person" or "Post" ? "/Engagements/Edit?handler=Suggest&q=probe" : null,
            (p, r, b) => r.StatusCode == HttpStatusCode.OK && b.Contains(p.Name, StringComparison.Ordinal)),
        new("ui holder on a post page", true, p => p.Type == "Person" ? $"/Posts/Details/ACC-HOLD-{p.Code[4..]}?on=2020-06-01" : null, ListShows),
        new("ui counterparts on a post page", true, p => p.Type == "Post" ? $"/Posts/Details/{AnchorPost}?on=2020-06-01" : null, ListShows),
        new("ui posts held on a person page", true, p => p.Type == "Post" ? $"/People/Details/{AnchorPerson}" : null, ListShows),
        new("ui mechanism sessions", true, p => p.Type == "Engagement" ? $"/Mechanisms/Details/{AnchorMechanism}" : null, ListShows),
        new("ui timeline", true, p => p.Type == "Engagement" ? $"/Timelines/person/{AnchorPerson}" : null, ListShows),
        new("ui post timeline", true, p => p.Type == "Engagement" ? $"/Timelines/post/{AnchorPost}" : null, ListShows),
        new("ui engagements of a person", true, p => p.Type == "Engagement" ? $"/Engagements?person={AnchorPerson}" : null, ListShows),
        new("ui attachment download", true, p => p.Type == nameof(EngagementAttachment) ? $"/Engagements/Attachment/{p.Code}/{p.Id}" : null, DetailShows),
        new("api overdue commitments", false, p => p.Type == "Commitment" ? "/api/v1/commitments?overdue=true&pageSize=200" : null, ListShows),
        new("api overdue commitments as of a day", false, p => p.Type == "Commitment" ? "/api/v1/commitments?overdue=true&asOf=2020-08-01&pageSize=200" : null, ListShows),
        new("api commitments by mechanism", false, p => p.Type == "Commitment" ? $"/api/v1/commitments?mechanism={AnchorMechanism}&pageSize=200" : null, ListShows),
        new("api commitments by owner", false, p => p.Type == "Commitment" ? $"/api/v1/commitments?owner={AnchorPost}&pageSize=200" : null, ListShows),
        new("api commitments due soon", false, p => p.Type == "Commitment" ? "/api/v1/commitments?dueWithin=60&asOf=2020-06-15&pageSize=200" : null, ListShows),
        new("api commitment status history", false, p => p.Type == nameof(CommitmentStatusChange) ? $"/api/v1/commitments/{p.Code}" : null, DetailShows),
        new("api timeline ledger of a mechanism", false, p => p.Type == "Commitment" ? $"/api/v1/timelines/mechanism/{AnchorMechanism}?pageSize=200" : null, ListShows),
        new("api timeline ledger of a post", false, p => p.Type == "Commitment" ? $"/api/v1/timelines/post/{AnchorPost}?pageSize=200" : null, ListShows),
        new("ui timeline ledger of a mechanism", true, p => p.Type == "Commitment" ? $"/Timelines/mechanism/{AnchorMechanism}" : null, ListShows),
        new("ui overdue commitments", true, p => p.Type == "Commitment" ? "/Commitments?overdue=true&q=probe" : null, ListShows),
        new("ui commitment status history", true, p => p.Type == nameof(CommitmentStatusChange) ? $"/Commitments/Details/{p.Code}" : null, DetailShows),

        // Every user has a notification about every probe person: each sees (and counts) only those they may read.
        new("api notifications", false, p => p.Type == "Person" ? "/api/v1/notifications" : null, ListShows),
        new("ui notifications", true, p => p.Type == "Person" ? "/Notifications" : null, ListShows),
        new("ui mechanism health", true, p => p.Type == "Engagement" ? $"/Mechanisms/Details/ACC-HEALTH-{p.Code[4..]}?asOf={HealthDayText(p)}" : null,
            (p, r, b) => PageCountsShow(p, r, b, "id=\"health-sessions-3y\">", "id=\"health-open\">", "<")),
        new("ui index", true, p => p.Type == "Engagement" ? $"/Institutionalization?asOf={HealthDayText(p)}" : null,
            (p, r, b) => PageCountsShow(p, r, b, "id=\"part-below-head-of-state\" data-engagements=\"", "id=\"part-commitments-kept\" data-due=\"", "\"")),

        // Webhook subscriptions are Internal to their administrators' side, and every path is for administrators.
        new("api webhooks", false, p => p.Type == nameof(WebhookSubscription) ? "/api/v1/webhooks" : null, AdminOnly(ListShows)),
        new("api webhook", false, p => p.Type == nameof(WebhookSubscription) ? $"/api/v1/webhooks/{p.Id}" : null, AdminOnly(DetailShows)),
        new("api webhook deliveries", false, p => p.Type == nameof(WebhookSubscription) ? $"/api/v1/webhooks/{p.Id}/deliveries" : null, AdminOnly(DeliveriesShow)),
        new("ui webhooks", true, p => p.Type == nameof(WebhookSubscription) ? "/Admin/Webhooks" : null, AdminOnly(ListShows)),
        new("ui webhook with its delivery log", true, p => p.Type == nameof(WebhookSubscription) ? $"/Admin/Webhooks/{p.Id}" : null,
            AdminOnly((p, r, b) => DetailShows(p, r, b) && DeliveriesShow(p, r, b))),

        // Backtests: of the probe indicator (404 when unreadable), and of a Shared indicator counting the readable crises.
        new("api backtest", false, p => p.Type switch
        {
            nameof(Indicator) => $"/api/v1/indicators/{p.Code}/backtest",
            nameof(MarkedCrisis) => $"/api/v1/indicators/{BacktestAnchor}/backtest",
            _ => null,
        }, (p, r, b) => p.Type == nameof(Indicator) ? DetailShows(p, r, b) : ListShows(p, r, b)),
        new("ui backtest", true, p => p.Type switch
        {
            nameof(Indicator) => $"/Backtest?indicator={p.Code}",
            nameof(MarkedCrisis) => $"/Backtest?indicator={BacktestAnchor}",
            _ => null,
        }, (p, r, b) => p.Type == nameof(Indicator) ? DetailShows(p, r, b) : ListShows(p, r, b)),
        new("ui backtest chooser", true, p => p.Type == nameof(Indicator) ? "/Backtest" : null, ListShows),

        // Indicators: the list by issue (with latest values), and each indicator's values, which follow its access.
        new("api indicators by issue", false, p => p.Type == "Indicator" ? "/api/v1/indicators?issue=MIGRATION&pageSize=200" : null, ListShows),
        new("ui indicators by issue", true, p => p.Type == "Indicator" ? "/Indicators?issue=MIGRATION" : null, ListShows),
        new("api indicator values", false, p => p.Type == nameof(IndicatorValue) ? $"/api/v1/indicators/{p.Code}?from=2020-01&to=2020" : null, DetailShows),
        new("ui indicator values", true, p => p.Type == nameof(IndicatorValue) ? $"/Indicators/{p.Code}" : null, DetailShows),

        // Alerts are parts of their indicator: read exactly by the indicator's readers (every user has a notification about each).
        new("api alerts", false, p => p.Type == nameof(Alert) ? "/api/v1/alerts?pageSize=200" : null, ListShows),
        new("api alerts of an indicator", false, p => p.Type == nameof(Alert) ? $"/api/v1/alerts?indicator={AlertIndicator(p)}&status=Open&severity=High" : null, ListShows),
        new("api alert by id", false, p => p.Type == nameof(Alert) ? $"/api/v1/alerts/{p.Id}" : null, DetailShows),
        new("api alert by code", false, p => p.Type == nameof(Alert) ? $"/api/v1/alerts/{p.Code}" : null, DetailShows),
        new("api alert notifications", false, p => p.Type == nameof(Alert) ? "/api/v1/notifications" : null, ListShows),
        new("ui alerts", true, p => p.Type == nameof(Alert) ? "/Alerts?status=all" : null, ListShows),
        new("ui alerts of an indicator", true, p => p.Type == nameof(Alert) ? $"/Alerts?indicator={AlertIndicator(p)}" : null, ListShows),
        new("ui alert", true, p => p.Type == nameof(Alert) ? $"/Alerts/{p.Id}" : null, DetailShows),
        new("ui alert step form", true, p => p.Type == nameof(Alert) ? $"/Alerts/{p.Id}/Step" : null,
            (p, r, b) => r.StatusCode == HttpStatusCode.OK && b.Contains(p.Name, StringComparison.Ordinal)),
        new("ui alert notifications", true, p => p.Type == nameof(Alert) ? "/Notifications" : null, ListShows),
        // The home page lists open alerts (the most severe first, at most ten: the probes are the only ones in this app).
        new("ui home alerts", true, p => p.Type == nameof(Alert) ? "/" : null, ListShows),

        // Search (docs/decisions/0049-search.md): the probe's own words find it, of its type, in results and in counts.
        new("api search", false, p => SearchUrl("/api/v1/search", p, typed: true), SearchApiShows),
        new("api search counts", false, p => SearchUrl("/api/v1/search", p, typed: false), SearchApiShows),
        new("ui search", true, p => SearchUrl("/Search", p, typed: true), SearchPageShows),
        new("ui search counts", true, p => SearchUrl("/Search", p, typed: false), SearchPageShows),

        // Calendar feeds (decision 0053): every user follows the Shared mechanism ACC-FEED, whose upcoming session of each
        // probe's access is in the feed only for its readers, and follows each probe's upcoming commitment directly (a
        // follow of what they cannot read stays in the database and still shows nothing). The feed URL is the user's own.
        new("feed engagements of a followed mechanism", false, p => p.Type == "Engagement" ? FeedUrl : null, FeedShows),
        new("feed commitments followed directly", false, p => p.Type == "Commitment" ? FeedUrl : null, FeedShows),
        new("feed in Spanish", false, p => p.Type is "Engagement" or "Commitment" ? FeedUrl + "?lang=es" : null, FeedShows),
        new("api follows", false, p => p.Type == "Commitment" ? "/api/v1/follows" : null, FeedShows),
        new("ui calendar page follows", true, p => p.Type == "Commitment" ? "/Account/Calendar" : null, FeedShows),

        // Exports of the nine lists (issue 14), for Analysts and above: every readable row, never another.
        new("api export csv", false, p => ExportUrl(p, "/api/v1/{0}/export?format=csv"), ListShows),
        new("api export xlsx", false, p => ExportUrl(p, "/api/v1/{0}/export?format=xlsx"), XlsxShows),
        new("api export csv with a filter", false, p => p.Type is "Actor" or "Mechanism" or "Person" or "Post" or "Engagement" or "Commitment" or "Indicator"
            ? ExportUrl(p, "/api/v1/{0}/export?format=csv&q=" + p.Code) : null, ListShows),
        new("ui export csv", true, p => ExportUrl(p, "/exports/{0}?format=csv"), ListShows),
        new("ui export xlsx", true, p => ExportUrl(p, "/exports/{0}?format=xlsx"), XlsxShows),

        // Briefings: of the probe itself (404 when unreadable, as if missing), and of Shared anchors whose sections list the
        // probes; a briefing that shows a probe carries its marking (the highest it contains), and one that does not, never.
        new("api briefing of the record (html)", false, p => BriefingKind(p) is { } kind ? $"/api/v1/briefings/{kind}/{p.Id}?format=html" : null, DetailShows),
        new("ui briefing of the record", true, p => BriefingKind(p) is { } kind ? $"/Briefings/{kind}/{p.Id}" : null, DetailShows),
        new("api briefing of a mechanism: sessions and commitments", false, p => p.Type is "Engagement" or "Commitment" ? $"/api/v1/briefings/mechanism/{AnchorMechanism}?format=html&lang=en" : null, BriefingShows),
        new("ui briefing of a mechanism: sessions and commitments", true, p => p.Type is "Engagement" or "Commitment" ? $"/Briefings/mechanism/{AnchorMechanism}?lang=en" : null, BriefingShows),
        new("api briefing of a post: counterparts, engagements, commitments", false, p => p.Type is "Post" or "Engagement" or "Commitment" ? $"/api/v1/briefings/post/{AnchorPost}?lang=en" : null, BriefingShows),
        new("api briefing of a person: posts held and engagements", false, p => p.Type is "Post" or "Engagement" ? $"/api/v1/briefings/person/{AnchorPerson}?lang=en" : null, BriefingShows),
        new("api briefing of an issue: positions and convergence", false, p => p.Type is nameof(IssuePosition) or nameof(ConvergenceAssessment) ? $"/api/v1/briefings/issue/{AgendaAnchor(p)}?lang=en" : null, BriefingShows),
        new("ui briefing of an issue: positions and convergence", true, p => p.Type is nameof(IssuePosition) or nameof(ConvergenceAssessment) ? $"/Briefings/issue/{AgendaAnchor(p)}?lang=en" : null, BriefingShows),
    ];

    /// <summary>The search type names of the probe types search covers.</summary>
    private static readonly Dictionary<string, string> SearchTypes = new()
    {
        [nameof(Actor)] = "actor", [nameof(Person)] = "person", [nameof(Post)] = "post", [nameof(Mechanism)] = "mechanism",
        [nameof(Engagement)] = "engagement", [nameof(EngagementAttachment)] = "attachment", [nameof(Commitment)] = "commitment",
        [nameof(Recommendation)] = "recommendation", [nameof(AgendaIssue)] = "issue", [nameof(IssuePosition)] = "position", [nameof(Alert)] = "alert",
    };

    /// <summary>A search for the probe's name (its words are its level's and type's own), of its type or of all types.</summary>
    private static string? SearchUrl(string path, Probe p, bool typed) => SearchTypes.TryGetValue(p.Type, out var type)
        ? $"{path}?q={Uri.EscapeDataString(p.Name)}" + (typed ? $"&type={type}" : "")
        : null;

    /// <summary>Listed with a count of 1 is the probe seen, neither listed nor counted hidden; anything else is a leak or a bug.</summary>
    private static bool SearchSeen(Probe p, bool listed, int count) => (listed, count) switch
    {
        (true, 1) => true,
        (false, 0) => false,
        _ => throw new InvalidOperationException($"search: listed {listed}, counted {count} for {p}"),
    };

    private static bool SearchApiShows(Probe p, HttpResponseMessage r, string body)
    {
        if (r.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"unexpected {(int)r.StatusCode} for {p}");
        }

        var json = JsonOf(body);
        var listed = json.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetGuid() == p.Id);
        return SearchSeen(p, listed, json.GetProperty("byType").GetProperty(SearchTypes[p.Type]).GetInt32());
    }

    private static bool SearchPageShows(Probe p, HttpResponseMessage r, string body)
    {
        if (r.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"unexpected {(int)r.StatusCode} for {p}");
        }

        var type = SearchTypes[p.Type];
        // The type's filter shows its count (0 only when it is the filter in force; absent when nothing of it matches).
        var count = body.Contains($"id=\"count-{type}\">1<", StringComparison.Ordinal) ? 1
            : body.Contains($"id=\"count-{type}\">0<", StringComparison.Ordinal) || !body.Contains($"id=\"count-{type}\"", StringComparison.Ordinal) ? 0
            : -1;
        return SearchSeen(p, body.Contains($"data-id=\"{p.Id}\"", StringComparison.Ordinal), count);
    }

    /// <summary>The exporting lists, by probe type.</summary>
    private static readonly Dictionary<string, string> ExportLists = new()
    {
        ["Actor"] = "actors", ["Mechanism"] = "mechanisms", ["Person"] = "people", ["Post"] = "posts", ["Engagement"] = "engagements",
        ["Commitment"] = "commitments", ["Recommendation"] = "recommendations", ["Indicator"] = "indicators", [nameof(Alert)] = "alerts",
    };

    private static string? ExportUrl(Probe p, string format) =>
        ExportLists.TryGetValue(p.Type, out var list) ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, list) : null;

    /// <summary>An Excel export that holds the probe's name in one of its cells (read back with ClosedXML).</summary>
    private static bool XlsxShows(Probe p, HttpResponseMessage r, string body)
    {
        if (r.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        using var workbook = new ClosedXML.Excel.XLWorkbook(r.Content.ReadAsStream());
        return workbook.Worksheet(1).CellsUsed().Any(c => c.GetString() == p.Name);
    }

    /// <summary>Paths for Analysts and above: a Viewer is refused (403, or the access-denied page).</summary>
    private static readonly string[] ExportPaths = ["api export csv", "api export xlsx", "api export csv with a filter", "ui export csv", "ui export xlsx"];


    private static string? BriefingKind(Probe p) => p.Type switch
    {
        "Engagement" => "engagement",
        "Post" => "post",
        "Person" => "person",
        "Mechanism" => "mechanism",
        "AgendaIssue" => "issue",
        _ => null,
    };

    /// <summary>A briefing of a Shared anchor: the probe listed, or not; when listed, the briefing is marked with its level
    /// (in English: the rows ask for lang=en).</summary>
    private static bool BriefingShows(Probe p, HttpResponseMessage r, string body)
    {
        if (!ListShows(p, r, body))
        {
            return r.StatusCode == HttpStatusCode.OK ? false : throw new InvalidOperationException($"unexpected {(int)r.StatusCode} for {p}");
        }

        var marking = p.Level switch
        {
            Level.Restricted => "Marking: <strong>Restricted",
            Level.InternalMx => "Internal to side MX",
            Level.InternalUs => "Internal to side US",
            _ => "Marking: <strong>",
        };
        return body.Contains(marking, StringComparison.Ordinal) ? true : throw new InvalidOperationException($"the briefing shows the probe without its marking: {p}");
    }

    /// <summary>Paths for administrators only: everyone else is refused (403, or the access-denied page), not shown an empty answer.</summary>
    private static readonly string[] AdminPaths = ["api webhooks", "api webhook", "api webhook deliveries", "ui webhooks", "ui webhook with its delivery log"];

    /// <summary>The event key of a probe subscription's one logged request.</summary>
    private static string DeliveryKey(Probe p) => $"probe-delivery-{p.Level}";

    private static bool Refused(HttpResponseMessage r) => r.StatusCode == HttpStatusCode.Forbidden
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location is { } to
            && (to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString).StartsWith("/Account/AccessDenied", StringComparison.Ordinal));

    /// <summary>An administrators' path: refused is hidden; otherwise as <paramref name="shows"/> says.</summary>
    private static Func<Probe, HttpResponseMessage, string, bool> AdminOnly(Func<Probe, HttpResponseMessage, string, bool> shows) =>
        (p, r, b) => !Refused(r) && shows(p, r, b);

    /// <summary>A delivery log: shown with the probe's logged request, or not found.</summary>
    private static bool DeliveriesShow(Probe p, HttpResponseMessage r, string body) => r.StatusCode switch
    {
        HttpStatusCode.OK => body.Contains(DeliveryKey(p), StringComparison.Ordinal) ? true : throw new InvalidOperationException($"the log without its request: {p}"),
        HttpStatusCode.NotFound => false,
        _ => throw new InvalidOperationException($"unexpected {(int)r.StatusCode} for {p}"),
    };

    /// <summary>Paths that are for editors (and administrators) only: a viewer or analyst never sees the record there.</summary>
    private static readonly string[] EditorPaths = ["ui edit form", "ui memory edit form", "ui participant picker", "ui status form",
        "ui agenda edit form", "ui agenda issue form", "ui agenda issue choices", "ui alert step form"];

    [Fact]
    public async Task Nothing_leaks_on_any_read_path_for_any_role_or_side()
    {
        app.SkipIfUnavailable();
        var probes = await ProbesAsync();
        var failures = new List<string>();
        var checks = 0;
        foreach (var user in TestUsers.All)
        {
            using var api = await app.ApiAs(user, "en-US");
            using var ui = await app.UiAs(user, "en-US");
            foreach (var path in Paths)
            {
                foreach (var probe in probes)
                {
                    if (path.Url(probe) is not { } url)
                    {
                        continue;
                    }

                    url = url.Replace(FeedUrl, $"/calendar/{FeedSecret(user.Name)}.ics", StringComparison.Ordinal);

                    var client = path.Ui ? ui : api;
                    var response = await client.GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    var expected = Readers[probe.Level].Contains(user.Name);
                    // Edit forms are for editors and administrators only.
                    // (The catalog's plain lists stand in for an edit form on the "ui edit form" row: readable by all.)
                    if (EditorPaths.Contains(path.Name) && (path.Name != "ui edit form" || probe.Type is "Actor" or "Mechanism" or "Indicator")
                        && user.Role is Roles.Viewer or Roles.Analyst)
                    {
                        expected = false;
                    }

                    if (ExportPaths.Contains(path.Name) && user.Role == Roles.Viewer)
                    {
                        expected = false;
                        if (!Refused(response))
                        {
                            failures.Add($"{user.Name} {path.Name}: {(int)response.StatusCode}, not refused");
                        }
                    }

                    if (AdminPaths.Contains(path.Name) && user.Role != Roles.Administrator)
                    {
                        expected = false;
                        if (!Refused(response))
                        {
                            failures.Add($"{user.Name} {path.Name}: {(int)response.StatusCode}, not refused");
                        }
                    }

                    bool shown;
                    try
                    {
                        shown = path.Shows(probe, response, body);
                    }
                    catch (InvalidOperationException ex)
                    {
                        failures.Add($"{user.Name} {path.Name}: {ex.Message}");
                        continue;
                    }

                    checks++;
                    if (shown != expected)
                    {
                        failures.Add($"{user.Name} {path.Name} {probe.Type} {probe.Level}: expected {(expected ? "visible" : "hidden")}, was {(shown ? "visible" : "hidden")}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checks} checks failed:\n" + string.Join("\n", failures));
        Assert.True(checks > 1000);
    }

    [Fact]
    public async Task The_in_memory_rule_Viewer_CanRead_agrees_with_the_database_filter_on_every_probe()
    {
        app.SkipIfUnavailable();
        var probes = await ProbesAsync();
        var ids = probes.Select(p => p.Id).ToList();
        List<ContentRecord> stored;
        Dictionary<Guid, List<string>> grants;
        Dictionary<string, string> userIds;
        var (systemScope, system) = app.Database();
        await using (systemScope)
        {
            stored = await ReadProbesAsync(system, ids);
            var parents = stored.OfType<RecordPart>().Select(p => p.ParentId).ToList();
            grants = system.RecordGrants.Where(g => ids.Contains(g.RecordId) || parents.Contains(g.RecordId)).AsEnumerable()
                .GroupBy(g => g.RecordId).ToDictionary(g => g.Key, g => g.Select(x => x.Principal).ToList());
            userIds = system.Users.ToDictionary(u => u.UserName!, u => u.Id);
        }

        Assert.Equal(probes.Count, stored.Count);
        foreach (var user in TestUsers.All)
        {
            var viewer = Viewer.ForUser(userIds[user.Name], user.Name, user.Side, user.Groups, user.Role == Roles.Administrator);
            var (scope, db) = app.Database(viewer);
            await using (scope)
            {
                var filtered = (await ReadProbesAsync(db, ids)).Select(r => r.Id).ToHashSet();
                foreach (var record in stored)
                {
                    // A part (an attachment) is read under its parent's grants.
                    var grantsOf = record is RecordPart part ? part.ParentId : record.Id;
                    var inMemory = viewer.CanRead(record.Confidentiality, record.OwnerSide, grants.GetValueOrDefault(grantsOf) ?? []);
                    Assert.True(inMemory == filtered.Contains(record.Id),
                        $"{user.Name}, {record.GetType().Name} {record.Confidentiality} {record.OwnerSide}: CanRead says {inMemory}, the database filter {!inMemory}");
                }
            }
        }
    }

    private static async Task<List<ContentRecord>> ReadProbesAsync(Data.PuenteDbContext db, List<Guid> ids) =>
    [
        .. await db.Tracks.Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.AgendaIssues.Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Recommendations.Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Administrations.Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Actors.Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Mechanisms.Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.WaterDeliveries.Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.StorageReadings.Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.ReserveMovements.Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Set<Person>().Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Set<Post>().Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Set<Engagement>().Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Set<EngagementAttachment>().Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Set<Commitment>().Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Set<CommitmentStatusChange>().Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Set<Plan>().Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Set<WebhookSubscription>().Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Set<Indicator>().Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Set<IndicatorValue>().Where(r => ids.Contains(r.Id)).ToListAsync(),

        .. await db.Set<Playbook>().Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Set<MarkedCrisis>().Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Set<IssuePosition>().Where(r => ids.Contains(r.Id)).ToListAsync(),
        .. await db.Set<ConvergenceAssessment>().Where(r => ids.Contains(r.Id)).ToListAsync(),

        .. await db.Set<Alert>().Where(r => ids.Contains(r.Id)).ToListAsync(),
    ];

    [Fact]
    public async Task Anonymous_requests_get_401_from_the_api_and_the_sign_in_page_from_the_ui()
    {
        app.SkipIfUnavailable();
        using var client = app.Anonymous();
        foreach (var url in new[] { "/api/v1/actors", "/api/v1/mechanisms", "/api/v1/tracks", "/api/v1/issues", "/api/v1/recommendations",
                     "/api/v1/administrations", "/api/v1/actors/MX-SRE", "/api/v1/actors/MX-SRE/history", "/api/v1/plans",
                     "/api/v1/plans/WHITE-PAPER-2025/scorecard", "/api/v1/plans/WHITE-PAPER-2025/export", "/api/v1/recommendations/III-04",
                     "/api/v1/indicators/CBP-USBP-SW/backtest", "/api/v1/indicators", "/api/v1/indicators/ACC-SHARED", "/api/v1/alerts" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        foreach (var url in new[] { "/", "/Actors", "/Mechanisms", "/Catalog", "/Catalog/Recommendations", "/Admin/Users", "/Admin/Audit", "/Admin/Webhooks", "/Plans",
                     "/Plans/WHITE-PAPER-2025", "/Recommendations/III-04", "/Recommendations/III-04/Status", "/Backtest", "/Backtest/Defaults",
                     "/Indicators", "/Indicators/ACC-SHARED", "/Indicators/New", "/Alerts" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_cookie_does_not_authorize_the_api_and_a_token_is_needed()
    {
        app.SkipIfUnavailable();
        using var ui = await app.UiAs(TestUsers.MxEditor);
        Assert.Equal(HttpStatusCode.OK, (await ui.GetAsync("/Actors")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ui.GetAsync("/api/v1/actors")).StatusCode);
    }

    [Fact]
    public async Task Webhook_routes_refuse_everyone_but_administrators_and_another_sides_are_not_found()
    {
        app.SkipIfUnavailable();
        var probes = await ProbesAsync();
        var mx = probes.Single(p => p.Type == nameof(WebhookSubscription) && p.Level == Level.InternalMx);
        foreach (var user in TestUsers.All.Where(u => u.Role != Roles.Administrator))
        {
            using var api = await app.ApiAs(user);
            foreach (var (method, url) in new[] { ("GET", "/api/v1/webhooks"), ("GET", $"/api/v1/webhooks/{mx.Id}"), ("GET", $"/api/v1/webhooks/{mx.Id}/deliveries"),
                         ("POST", $"/api/v1/webhooks/{mx.Id}/rotate"), ("POST", $"/api/v1/webhooks/{mx.Id}/disable"), ("DELETE", $"/api/v1/webhooks/{mx.Id}") })
            {
                var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user.Name} {method} {url}: {(int)response.StatusCode}");
            }

            var created = await api.PostAsJsonAsync("/api/v1/webhooks", new { name = "x", url = "https://receiver.example/", events = new[] { WebhookEvents.AlertOpened } });
            Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        }

        // The U.S. administrator cannot act on the Mexican subscription: not found, and it is unchanged.
        using var us = await app.ApiAs(TestUsers.UsAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await us.PostAsync($"/api/v1/webhooks/{mx.Id}/rotate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await us.PostAsync($"/api/v1/webhooks/{mx.Id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await us.DeleteAsync($"/api/v1/webhooks/{mx.Id}")).StatusCode);
        using var usUi = await app.UiAs(TestUsers.UsAdmin);
        var post = await FormPost.SubmitAsync(usUi, "/Admin/Webhooks", new() { ["confirm"] = "true" }, $"/Admin/Webhooks?handler=Delete&id={mx.Id}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        using var mxApi = await app.ApiAs(TestUsers.MxAdmin);
        var still = await mxApi.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/webhooks/{mx.Id}");
        Assert.True(still.GetProperty("enabled").GetBoolean());
        Assert.Equal(1, still.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Administration_pages_are_for_administrators_only()
    {
        app.SkipIfUnavailable();
        foreach (var user in TestUsers.All)
        {
            using var ui = await app.UiAs(user);
            var response = await ui.GetAsync("/Admin/Users");
            if (user.Role == Roles.Administrator)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The probes of this test application, created once for all the tests of the class.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PuenteApp, Task<List<Probe>>> ProbesByApp = [];

    private Task<List<Probe>> ProbesAsync()
    {
        lock (ProbesByApp)
        {
            return ProbesByApp.GetValue(app, _ => CreateProbesAsync());
        }
    }

    private async Task<List<Probe>> CreateProbesAsync()
    {
        var (scope, db) = app.Database();
        await using (scope)
        {
            var probes = new List<Probe>();
            var usAnalystId = db.Users.Single(u => u.UserName == "us-analyst").Id;
            var userIds = db.Users.ToDictionary(u => u.UserName!, u => u.Id);
            var sre = db.Actors.IgnoreQueryFilters().Single(a => a.Code == "MX-SRE");
            var dos = db.Actors.IgnoreQueryFilters().Single(a => a.Code == "US-DOS");
            // Shared anchors whose lists, holders and timelines show the probes (or must not).
            var anchorPerson = new Person { Id = Guid.CreateVersion7(), Code = AnchorPerson, NameEn = "Anchor Person", NameEs = "Anchor Person" };
            var anchorPost = new Post { Id = Guid.CreateVersion7(), Code = AnchorPost, NameEn = "Anchor post", NameEs = "Anchor post", ActorId = dos.Id, Country = "US", Seniority = Seniority.Cabinet };
            var sreHead = db.Set<Post>().IgnoreQueryFilters().Single(p => p.Code == "MX-FOREIGN-SECRETARY");
            var anchorMechanism = new Mechanism { Id = Guid.CreateVersion7(), Code = AnchorMechanism, NameEn = "Anchor mechanism", NameEs = "Anchor mechanism", Participants = "MX,US" };
            var anchorPlan = new Plan { Id = Guid.CreateVersion7(), Code = AnchorPlan, NameEn = "Anchor plan", NameEs = "Anchor plan" };
            db.AddRange(anchorPerson, anchorPost, anchorMechanism, anchorPlan);
            var feedMechanism = AddFeeds(db, userIds);
            db.Add(new Indicator { Id = Guid.CreateVersion7(), Code = BacktestAnchor, NameEn = "Anchor indicator", NameEs = "Anchor indicator", Unit = "u" });
            db.Add(new Tenure { Id = Guid.CreateVersion7(), Code = "T-ACC-ANCHOR", PostId = anchorPost.Id, PersonId = anchorPerson.Id, From = new DateOnly(2000, 1, 1) });
            foreach (var level in Enum.GetValues<Level>())
            {
                var suffix = level.ToString().ToUpperInvariant();
                var name = $"probe {level} ";
                // A Shared agenda issue of the level's own, which the level's playbook, crisis, position and assessment name.
                var agendaAnchor = new AgendaIssue { Id = Guid.CreateVersion7(), Code = "ACC-AGENDA-" + suffix, NameEn = "agenda " + suffix, NameEs = "agenda " + suffix, Section = "II" };
                db.Add(agendaAnchor);
                ContentRecord[] records =
                [
                    new Track { Code = "ACC-" + suffix, NameEn = name + "Track", NameEs = name + "Track", SortOrder = 99 },
                    new AgendaIssue { Code = "ACC-" + suffix, NameEn = name + "AgendaIssue", NameEs = name + "AgendaIssue" },
                    new Recommendation { Code = "II-9" + (int)level, Number = 90 + (int)level, Addressee = (Addressee)(int)level, TextEn = name + "Recommendation", TextEs = name + "Recommendation",
                        PlanId = anchorPlan.Id, Status = RecommendationStatus.InProgress, StatusDate = new DateOnly(2020, 6, 1) },
                    new Plan { Code = "ACC-" + suffix, NameEn = name + "Plan", NameEs = name + "Plan" },
                    new Administration { Code = "ACC-" + suffix, Country = "MX", HeadOfStateEn = name + "Administration", HeadOfStateEs = name + "Administration", TitleEn = "T", TitleEs = "T", TermStart = new DateOnly(1900, 1, 1), TermEnd = new DateOnly(1900, 12, 31) },
                    new Actor { Code = "ACC-" + suffix, NameEn = name + "Actor", NameEs = name + "Actor", Country = "MX", Type = ActorType.Agency },
                    new Mechanism { Code = "ACC-" + suffix, NameEn = name + "Mechanism", NameEs = name + "Mechanism", Participants = "MX,US" },
                    new WaterDeliveryRecord { Code = "ACC-WD-" + suffix, Date = new DateOnly(2031, 1, 6).AddDays(7 * (int)level), // one a week: the database holds one per week and source
                        VolumeAf = 1, Source = DeliverySource.Conchos, DocumentReference = name + "WaterDeliveryRecord" },
                    new StorageReadingRecord { Code = "ACC-SR-" + suffix, Date = new DateOnly(2031, 1, 6 + (int)level), Reservoir = Reservoir.Amistad, UsOwnedAf = 1, UsCapacityAf = 2 },
                    new ReserveMovementRecord { Code = "ACC-RM-" + suffix, Date = new DateOnly(2001, 1, 1 + (int)level), Kind = ReserveMovementKind.Deferral, VolumeAf = 1, DocumentReference = name + "ReserveMovementRecord" },
                    new Person { Code = "ACC-" + suffix, NameEn = name + "Person", NameEs = name + "Person" },
                    new Post { Code = "ACC-" + suffix, NameEn = name + "Post", NameEs = name + "Post", ActorId = sre.Id, Country = "MX", Seniority = Seniority.Cabinet },
                    new Engagement { Code = "ACC-" + suffix, NameEn = name + "Engagement", NameEs = name + "Engagement", Kind = EngagementKind.MechanismSession,
                        TimeZone = "America/Mexico_City", StartLocal = new DateTime(2020, 6, 1, 10, 0, 0), EndLocal = new DateTime(2020, 6, 1, 12, 0, 0),
                        StartUtc = new DateTime(2020, 6, 1, 15, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2020, 6, 1, 17, 0, 0, DateTimeKind.Utc),
                        StartDate = new DateOnly(2020, 6, 1), MechanismId = anchorMechanism.Id },
                    // Made under the anchor mechanism, owned by the anchor post, overdue since 1 July 2020.
                    new Commitment { Code = "ACC-C-" + suffix, NameEn = name + "Commitment", NameEs = name + "Commitment", Origin = CommitmentOrigin.Mechanism,
                        MechanismId = anchorMechanism.Id, OwnerMxPostId = sreHead.Id, OwnerUsPostId = anchorPost.Id, MadeOn = new DateOnly(2020, 6, 1),
                        Due = new DateOnly(2020, 7, 1), Status = CommitmentStatus.InProgress, StatusDate = new DateOnly(2020, 6, 10) },
                    new Indicator { Code = "ACC-" + suffix, NameEn = name + "Indicator", NameEs = name + "Indicator", Unit = "probes", IssueCode = "MIGRATION",
                        LatestPeriod = new DateOnly(2020, 1, 1) },

                    new Playbook { Code = "ACC-PB-" + suffix, NameEn = name + "Playbook", NameEs = name + "Playbook", IssueCode = agendaAnchor.Code, OwnerPostId = anchorPost.Id,
                        ChannelEn = "probe channel", StepsEn = "probe step" },
                    new MarkedCrisis { Code = "ACC-CR-" + suffix, NameEn = name + "MarkedCrisis", NameEs = name + "MarkedCrisis", IssueCode = agendaAnchor.Code,
                        Start = new DateOnly(2020, 1, 1), End = new DateOnly(2020, 2, 1) },
                    new IssuePosition { Code = "ACC-POS-" + suffix, NameEn = name + "IssuePosition", NameEs = name + "IssuePosition", AgendaIssueId = agendaAnchor.Id,
                        Side = level == Level.InternalUs ? Side.US : Side.MX, StatedOn = new DateOnly(2020, 6, 1) },
                    new ConvergenceAssessment { Code = "ACC-CA-" + suffix, AgendaIssueId = agendaAnchor.Id, Date = new DateOnly(2020, 6, 1), Level = Convergence.Partly,
                        NoteEn = name + "convergence note", NoteEs = name + "convergence note" },
                ];
                foreach (var record in records)
                {
                    record.Id = Guid.CreateVersion7();
                    record.Section = "II";
                    record.Confidentiality = level switch
                    {
                        Level.Shared => Confidentiality.Shared,
                        Level.Restricted => Confidentiality.Restricted,
                        _ => Confidentiality.Internal,
                    };
                    record.OwnerSide = level == Level.InternalUs ? Side.US : Side.MX;
                    db.Add(record);
                    if (level == Level.Restricted)
                    {
                        db.RecordGrants.Add(new RecordGrant { RecordId = record.Id, Principal = Principals.ForGroup("water") });
                        db.RecordGrants.Add(new RecordGrant { RecordId = record.Id, Principal = Principals.ForUser(usAnalystId) });
                    }

                    switch (record)
                    {
                        case Person person:
                            // A Shared post the probe person holds: its holder shows the person only to their readers.
                            var held = new Post { Id = Guid.CreateVersion7(), Code = "ACC-HOLD-" + suffix, NameEn = "held " + suffix, NameEs = "held " + suffix, ActorId = sre.Id, Country = "MX", Seniority = Seniority.Cabinet };
                            db.Add(held);
                            db.Add(new Tenure { Id = Guid.CreateVersion7(), Code = "T-ACC-" + suffix, PostId = held.Id, PersonId = person.Id, From = new DateOnly(2019, 1, 1) });
                            foreach (var user in TestUsers.All)
                            {
                                db.Add(new Data.Notifications.Notification { Id = Guid.CreateVersion7(), UserId = userIds[user.Name],
                                    Kind = PersonNotificationSource.KindName, RecordId = person.Id, Occasion = "due-7", CreatedAt = DateTimeOffset.UnixEpoch });
                            }

                            break;
                        case Post post:
                            db.Add(new PostCounterpart { Id = Guid.CreateVersion7(), Code = "CP-ACC-" + suffix, PostId = post.Id, CounterpartId = anchorPost.Id });
                            // The anchor person held the probe post (and the anchor post) when the probe engagements met.
                            db.Add(new Tenure { Id = Guid.CreateVersion7(), Code = "T-ACC-P-" + suffix, PostId = post.Id, PersonId = anchorPerson.Id, From = new DateOnly(2000, 1, 1), Acting = true });
                            break;
                        case Recommendation recommendation:
                            // Its status change is a part: read exactly by the recommendation's readers.
                            var change = new RecommendationStatusChange { Id = Guid.CreateVersion7(), Code = "P-ACC-RSC-" + suffix, Sequence = 1,
                                Status = RecommendationStatus.InProgress, Date = new DateOnly(2020, 6, 1), NoteEn = $"probe {level} status note", NoteEs = $"probe {level} status note" };
                            change.FollowAccessOf(recommendation);
                            db.Add(change);
                            break;
                        case Engagement engagement:
                            var participant = new Participant { Id = Guid.CreateVersion7(), Code = "P-ACC-" + suffix, PersonId = anchorPerson.Id, Lead = true };
                            participant.FollowAccessOf(engagement);
                            db.Add(participant);
                            var attachment = new EngagementAttachment { Id = Guid.CreateVersion7(), Code = "A-ACC-" + suffix, FileName = "probe.txt", Type = AttachmentType.Text, Length = 10 };
                            attachment.FollowAccessOf(engagement);
                            db.Add(attachment);
                            db.Add(new AttachmentContent { AttachmentId = attachment.Id, Data = System.Text.Encoding.UTF8.GetBytes(name + "attachment") });
                            probes.Add(new Probe(nameof(EngagementAttachment), level, attachment.Id, engagement.Id.ToString(), name + "attachment"));
                            AddHealthShadow(db, level, suffix, engagement, anchorPost, usAnalystId);
                            break;
                        case Commitment commitment:
                            var statusChange = new CommitmentStatusChange { Id = Guid.CreateVersion7(), Code = "P-ACC-C-" + suffix, Sequence = 1, Status = CommitmentStatus.InProgress,
                                Date = new DateOnly(2020, 6, 10), NoteEn = name + "commitment status note", NoteEs = name + "commitment status note" };
                            statusChange.FollowAccessOf(commitment);
                            db.Add(statusChange);
                            probes.Add(new Probe(nameof(CommitmentStatusChange), level, statusChange.Id, commitment.Id.ToString(), name + "commitment status note"));
                            break;
                        case Indicator indicator:
                            // Its value is a part: read exactly by the indicator's readers (shown as 421.25, 422.25…).
                            var reading = 421.25 + (int)level;
                            var value = new IndicatorValue { Id = Guid.CreateVersion7(), Code = "P-ACC-IV-" + suffix, Period = new DateOnly(2020, 1, 1), Value = reading,
                                RecordedAt = DateTimeOffset.UnixEpoch, FirstValue = reading, FirstRecordedAt = DateTimeOffset.UnixEpoch };
                            value.FollowAccessOf(indicator);
                            db.Add(value);
                            probes.Add(new Probe(nameof(IndicatorValue), level, value.Id, indicator.Id.ToString(), reading.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                            break;
                    }

                    var label = record switch
                    {
                        Track t => t.NameEn,
                        AgendaIssue i => i.NameEn,
                        Recommendation r => r.TextEn,
                        Administration a => a.HeadOfStateEn,
                        Actor a => a.NameEn,
                        Mechanism m => m.NameEn,
                        Person p => p.NameEn,
                        Post p => p.NameEn,
                        Engagement e => e.NameEn,
                        Commitment c => c.NameEn,
                        Plan plan => plan.NameEn,
                        Indicator i => i.NameEn,

                        Playbook playbook => playbook.NameEn,
                        MarkedCrisis crisis => crisis.NameEn,
                        IssuePosition position => position.NameEn,
                        ConvergenceAssessment assessment => assessment.NoteEn!,
                        WaterDeliveryRecord d => d.DocumentReference!,
                        ReserveMovementRecord m => m.DocumentReference!,
                        _ => record.Id.ToString(), // storage readings have no text: the lists show their id
                    };
                    probes.Add(new Probe(record.GetType().Name, level, record.Id, record.Code, label));
                }

                probes.Add(AddAlertProbe(db, level, suffix, name, usAnalystId, userIds));
                AddFeedShadow(db, level, suffix, name, feedMechanism, anchorPost, usAnalystId, userIds);
            }

            // A webhook subscription of each side's administrator, Internal to that side, with one logged request.
            foreach (var (level, admin, side) in new[] { (Level.InternalMx, "mx-admin", Side.MX), (Level.InternalUs, "us-admin", Side.US) })
            {
                var hook = new WebhookSubscription
                {
                    Id = Guid.CreateVersion7(), Code = "ACC-WH-" + level.ToString().ToUpperInvariant(), Name = $"probe {level} webhook", Url = "https://receiver.example/probe",
                    Events = WebhookEvents.AlertOpened, AccountUserId = userIds[admin], SecretCipher = "not a secret", Confidentiality = Confidentiality.Internal, OwnerSide = side,
                };
                var delivery = new Data.Webhooks.WebhookDelivery
                {
                    Id = Guid.CreateVersion7(), SubscriptionId = hook.Id, EventType = WebhookEvents.AlertOpened, EventKey = $"probe-delivery-{level}",
                    SubjectType = nameof(WebhookSubscription), SubjectId = hook.Id, Payload = "{}", SentAt = DateTimeOffset.UnixEpoch,
                };
                db.AddRange(hook, delivery, new Data.Webhooks.WebhookAttempt
                {
                    SubscriptionId = hook.Id, DeliveryId = delivery.Id, EventType = delivery.EventType, EventKey = delivery.EventKey, Number = 1,
                    At = DateTimeOffset.UnixEpoch, StatusCode = 200, Succeeded = true,
                });
                probes.Add(new Probe(nameof(WebhookSubscription), level, hook.Id, hook.Code, hook.Name));
            }

            await db.SaveChangesAsync();
            return probes;
        }
    }

    /// <summary>An indicator of the level's access with one open alert (its part), and a notification about the alert for
    /// every user.</summary>
    private static Probe AddAlertProbe(Data.PuenteDbContext db, Level level, string suffix, string name, string usAnalystId, Dictionary<string, string> userIds)
    {
        var indicator = new Indicator
        {
            Id = Guid.CreateVersion7(), Code = "ACC-AL-" + suffix, NameEn = name + "alert indicator", NameEs = name + "alert indicator", Section = "II",
            Confidentiality = level switch { Level.Shared => Confidentiality.Shared, Level.Restricted => Confidentiality.Restricted, _ => Confidentiality.Internal },
            OwnerSide = level == Level.InternalUs ? Side.US : Side.MX,
        };
        db.Add(indicator);
        if (level == Level.Restricted)
        {
            db.RecordGrants.Add(new RecordGrant { RecordId = indicator.Id, Principal = Principals.ForGroup("water") });
            db.RecordGrants.Add(new RecordGrant { RecordId = indicator.Id, Principal = Principals.ForUser(usAnalystId) });
        }

        var first = new DateOnly(2031, 1, 1);
        var alert = new Alert
        {
            Id = Guid.CreateVersion7(), Code = AlertCode.Of(indicator.Code, "ewma", first), Detector = "ewma", Settings = "ewma lambda=0.3 k=3 warmup=12",
            FirstPeriod = first, LastPeriod = first, Value = 180, Baseline = 100, Statistic = 6, Threshold = 3, Severity = Severity.High, Active = true,
            Points = AlertPoint.Write([new AlertPoint(first, 180, 100, 6, Severity.High)]), Status = AlertStatus.Open, OpenedAt = DateTimeOffset.UnixEpoch,
            OpenKey = Alert.OpenKeyOf(indicator.Id, "ewma"),
        };
        alert.FollowAccessOf(indicator);
        db.Add(alert);
        foreach (var user in TestUsers.All)
        {
            db.Add(new Data.Notifications.Notification { Id = Guid.CreateVersion7(), UserId = userIds[user.Name], Kind = Data.Warning.AlertAnnouncer.Kind,
                RecordId = alert.Id, Occasion = "opened", CreatedAt = DateTimeOffset.UnixEpoch });
        }

        return new Probe(nameof(Alert), level, alert.Id, alert.Code, indicator.NameEn);
    }

    /// <summary>
    /// The health and index shadow of a probe engagement (see <see cref="HealthDay"/>): a Shared annual mechanism
    /// ACC-HEALTH-&lt;level&gt; with one session and one open commitment (due that day) of the probe's access.
    /// </summary>
    private static void AddHealthShadow(Data.PuenteDbContext db, Level level, string suffix, Engagement probe, Post anchorPost, string usAnalystId)
    {
        var day = HealthDay(level);
        var mechanism = new Mechanism { Id = Guid.CreateVersion7(), Code = "ACC-HEALTH-" + suffix, NameEn = "health " + suffix, NameEs = "salud " + suffix, Participants = "MX,US", Cadence = Cadence.Annual, Section = "II" };
        var session = new Engagement
        {
            Id = Guid.CreateVersion7(), Code = "ACC-HS-" + suffix, NameEn = "health session " + suffix, NameEs = "sesión " + suffix, Kind = EngagementKind.MechanismSession,
            TimeZone = "America/Mexico_City", StartLocal = day.ToDateTime(TimeOnly.MinValue), EndLocal = day.ToDateTime(TimeOnly.MinValue), AllDay = true,
            StartUtc = day.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc), EndUtc = day.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc), StartDate = day,
            MechanismId = mechanism.Id,
        };
        var commitment = new Puente.Core.Commitments.Commitment
        {
            Id = Guid.CreateVersion7(), Code = "ACC-HC-" + suffix, NameEn = "health pledge " + suffix, NameEs = "compromiso " + suffix,
            Origin = Puente.Core.Commitments.CommitmentOrigin.Mechanism, MadeOn = day.AddDays(-30), StatusDate = day.AddDays(-30), Due = day,
            OwnerMxPostId = anchorPost.Id, OwnerUsPostId = anchorPost.Id, MechanismId = mechanism.Id,
        };
        db.Add(mechanism);
        foreach (var record in new ContentRecord[] { session, commitment })
        {
            record.Section = "II";
            record.Confidentiality = probe.Confidentiality;
            record.OwnerSide = probe.OwnerSide;
            db.Add(record);
            if (level == Level.Restricted)
            {
                db.RecordGrants.Add(new RecordGrant { RecordId = record.Id, Principal = Principals.ForGroup("water") });
                db.RecordGrants.Add(new RecordGrant { RecordId = record.Id, Principal = Principals.ForUser(usAnalystId) });
            }
        }
    }


    /// <summary>Stands for the reading user's own feed address in a row's URL (each user has one; see <see cref="FeedSecret"/>).</summary>
    private const string FeedUrl = "/calendar/{user}.ics";

    /// <summary>The name of a probe's feed shadow: the probe's name with "feedshadow" for "probe", so that a search for the
    /// probe's own words (all of them required) finds the probe alone.</summary>
    private static string FeedShadowName(string probeName) => "feedshadow " + probeName["probe ".Length..];

    private static bool FeedShows(Probe p, HttpResponseMessage r, string body) =>
        r.StatusCode == HttpStatusCode.OK && body.Contains(FeedShadowName(p.Name), StringComparison.Ordinal);

    /// <summary>A user's feed secret in this fixture: 256 bits derived from the name (only its hash is stored).</summary>
    private static string FeedSecret(string userName) =>
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("acc-feed-" + userName)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Every user's feed, and their follow of the Shared mechanism ACC-FEED.</summary>
    private static Mechanism AddFeeds(Data.PuenteDbContext db, Dictionary<string, string> userIds)
    {
        var mechanism = new Mechanism { Id = Guid.CreateVersion7(), Code = "ACC-FEED", NameEn = "Feed mechanism", NameEs = "Feed mechanism", Participants = "MX,US", Section = "II" };
        db.Add(mechanism);
        foreach (var user in TestUsers.All)
        {
            db.Add(new Data.Calendar.CalendarFeedToken { UserId = userIds[user.Name], TokenHash = Web.Features.Calendar.CalendarFeedService.Hash(FeedSecret(user.Name)),
                Language = "en", CreatedAt = DateTimeOffset.UnixEpoch });
            db.Add(new Data.Calendar.Follow { Id = Guid.CreateVersion7(), UserId = userIds[user.Name], SubjectType = Data.Calendar.FollowSubject.Mechanism,
                SubjectId = mechanism.Id, CreatedAt = DateTimeOffset.UnixEpoch });
        }

        return mechanism;
    }

    /// <summary>
    /// The feed shadow of a level's probes: a session of ACC-FEED and a commitment, both of the probe's access, named after
    /// the probe engagement and commitment, in the feed's window (ten and twenty days from now); every user follows the
    /// commitment directly.
    /// </summary>
    private static void AddFeedShadow(Data.PuenteDbContext db, Level level, string suffix, string name, Mechanism feedMechanism, Post anchorPost,
        string usAnalystId, Dictionary<string, string> userIds)
    {
        var start = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(10).AddHours(16);
        var session = new Engagement
        {
            Id = Guid.CreateVersion7(), Code = "ACC-FE-" + suffix, NameEn = FeedShadowName(name + "Engagement") + " (feed)", NameEs = FeedShadowName(name + "Engagement") + " (feed)", Kind = EngagementKind.MechanismSession,
            TimeZone = "America/Mexico_City", StartLocal = DateTime.SpecifyKind(start.AddHours(-6), DateTimeKind.Unspecified), EndLocal = DateTime.SpecifyKind(start.AddHours(-4), DateTimeKind.Unspecified), StartUtc = start, EndUtc = start.AddHours(2),
            StartDate = DateOnly.FromDateTime(start), MechanismId = feedMechanism.Id, Place = "feed place",
        };
        var commitment = new Commitment
        {
            Id = Guid.CreateVersion7(), Code = "ACC-FC-" + suffix, NameEn = FeedShadowName(name + "Commitment") + " (feed)", NameEs = FeedShadowName(name + "Commitment") + " (feed)", Origin = CommitmentOrigin.Mechanism,
            MadeOn = DateOnly.FromDateTime(start).AddDays(-30), StatusDate = DateOnly.FromDateTime(start).AddDays(-30), Due = DateOnly.FromDateTime(start).AddDays(10),
            OwnerMxPostId = anchorPost.Id, OwnerUsPostId = anchorPost.Id,
        };
        foreach (var record in new ContentRecord[] { session, commitment })
        {
            record.Section = "II";
            record.Confidentiality = level switch { Level.Shared => Confidentiality.Shared, Level.Restricted => Confidentiality.Restricted, _ => Confidentiality.Internal };
            record.OwnerSide = level == Level.InternalUs ? Side.US : Side.MX;
            db.Add(record);
            if (level == Level.Restricted)
            {
                db.RecordGrants.Add(new RecordGrant { RecordId = record.Id, Principal = Principals.ForGroup("water") });
                db.RecordGrants.Add(new RecordGrant { RecordId = record.Id, Principal = Principals.ForUser(usAnalystId) });
            }
        }

        foreach (var user in TestUsers.All)
        {
            db.Add(new Data.Calendar.Follow { Id = Guid.CreateVersion7(), UserId = userIds[user.Name], SubjectType = Data.Calendar.FollowSubject.Commitment,
                SubjectId = commitment.Id, CreatedAt = DateTimeOffset.UnixEpoch });
        }
    }
}
