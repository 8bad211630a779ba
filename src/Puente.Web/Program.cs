using Puente.Data.Configuration;
using Puente.Web.Features.Account;
using Puente.Web.Features.Admin.Webhooks;
using Puente.Web.Features.Actors;
using Puente.Web.Features.Backtest;
using Puente.Web.Features.Calendar;
using Puente.Web.Features.Briefings;

using Puente.Web.Features.Agenda;

using Puente.Web.Features.Alerts;
using Puente.Web.Features.Catalog;
using Puente.Web.Features.Commitments;
using Puente.Web.Features.Crises;
using Puente.Web.Features.Exports;
using Puente.Web.Features.Engagements;
using Puente.Web.Features.Events;
using Puente.Web.Features.Health;
using Puente.Web.Features.Indicators;
using Puente.Web.Features.Institutionalization;
using Puente.Web.Features.Mechanisms;
using Puente.Web.Features.Notifications;
using Puente.Web.Features.People;
using Puente.Web.Features.Playbooks;
using Puente.Web.Features.Plans;
using Puente.Web.Features.Posts;
using Puente.Web.Features.SiteSearch;
using Puente.Web.Features.Timelines;
using Puente.Web.Features.Water;

var builder = WebApplication.CreateBuilder(args);
builder.AddPuenteWeb(pages =>
{
    // Every page needs a signed-in user but these. Pages that write declare [Authorize(Policy = Policies.Editors)] or
    // Administrators on their model; AuthorizationCoverageTests fails when one does not.
    pages.AuthorizeFolder("/");
    pages.AllowAnonymousToPage("/Account/Login");
    pages.AllowAnonymousToPage("/Account/AccessDenied");
    pages.AllowAnonymousToPage("/Error");
    pages.AllowAnonymousToPage("/Culture");
});

var app = builder.Build();
app.UsePuenteWeb();        // forwarded headers, errors, localization, authentication, viewer, authorization, anti-forgery
app.MapPuenteOperations(); // /health/live, /health/ready, /openapi/v1.json, /api/reference
app.MapRazorPages();       // Features/**: the UI
app.MapCalendarFeed();     // /calendar/{secret}.ics: anonymous, the secret is the credential (decision 0053)

var api = app.MapGroup("/api/v1");
api.MapAccountApi();       // /auth/login, /auth/refresh (anonymous)
var signedIn = api.MapGroup("").RequireAuthorization(Policies.Api);
signedIn.MapCatalogApi();     // /tracks, /issues, /administrations, /recommendations
signedIn.MapAgendaApi();      // /issues/{code} (owner, mechanisms, positions, convergence, links), /positions
signedIn.MapPlaybooksApi();   // /playbooks
signedIn.MapCrisesApi();      // /crises
signedIn.MapPlansApi();       // /plans (scorecard, trend, export), /recommendations/{code} (history, status)
signedIn.MapActorsApi();      // /actors
signedIn.MapMechanismsApi();  // /mechanisms
signedIn.MapPeopleApi();      // /people
signedIn.MapPostsApi();       // /posts, holders, counterparts, tenures
signedIn.MapEngagementsApi(); // /engagements, attachments, /mechanisms/{code}/sessions
signedIn.MapCommitmentsApi(); // /commitments, their status changes
signedIn.MapHealthApi();       // /mechanisms/{code}/health, /mechanisms/{code}/health/history
signedIn.MapInstitutionalizationApi(); // /index/institutionalization
signedIn.MapTimelinesApi();   // /timelines/{actor|person|post|mechanism|issue}/{code}
signedIn.MapWaterApi();       // /water/...
signedIn.MapEventsApi();      // /events/...
signedIn.MapIndicatorsApi();  // /indicators, their values (first and revised), recording values
signedIn.MapNotificationsApi(); // /notifications: the caller's own, and marking them read
signedIn.MapWebhooksApi();    // /webhooks: administrators' signed webhooks of their side, and their delivery logs

signedIn.MapBacktestApi();     // /indicators/{code}/backtest

signedIn.MapAlertsApi();      // /alerts: list, one alert, acknowledge/resolve/dismiss
signedIn.MapCalendarApi();    // /follows (the caller's own), /calendar (renew, revoke the feed's secret)

signedIn.MapSearchApi();      // /search: full-text search over readable records, counts by type

signedIn.MapExportsApi();     // /{list}/export?format=csv|xlsx: the nine lists for Analysts and above, audited
app.MapExportDownloads();     // /exports/{list}: the same for the list pages' links (cookie)

signedIn.MapBriefingsApi();   // /briefings/{engagement|post|person|mechanism|issue}/{id}: HTML or PDF

var urls = app.Configuration["Urls"]; // read now: the failure messages below are written after the host is disposed

try
{
    await app.RunAsync();
    return 0;
}
catch (PuenteConfigurationException ex)
{
    await Console.Error.WriteLineAsync($"Puente cannot start: {ex.Message}");
    return 2;
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    // Typed options validated at start (Events:*): each failure names its key.
    await Console.Error.WriteLineAsync($"Puente cannot start: {string.Join(" ", ex.Failures)}");
    return 2;
}
catch (Exception ex) when (StartupFailure.IsAddressInUse(ex))
{
    // Usually a second host started on the same Urls; the first one keeps running.
    await Console.Error.WriteLineAsync(
        $"Puente cannot start: the address and port in Urls ({urls}) are already in use by another process (a Puente already running?). Stop it or set Urls to another port. ({ex.Message})");
    return 4;
}
catch (Exception ex) when (StartupFailure.IsDatabaseUnreachable(ex))
{
    await Console.Error.WriteLineAsync(
        $"Puente cannot start: the database configured by {PuenteSettings.ConnectionStringKey} could not be reached or opened: {ex.GetBaseException().Message}");
    return 3;
}

/// <summary>The web host's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
