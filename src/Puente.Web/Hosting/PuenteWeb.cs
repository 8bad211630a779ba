using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Puente.Data.Access;
using Puente.Data.Identity;
using Puente.Events.Hosting;
using Puente.Web.Mail;
using Puente.Web.Scheduling;
using Puente.Web.Webhooks;
using Scalar.AspNetCore;

namespace Puente.Web.Hosting;

/// <summary>The web host's services and pipeline, in one place.</summary>
public static class PuenteWeb
{
    private const string SmartScheme = "Puente";

    /// <summary>Every service of the host; <paramref name="pages"/> are the Razor Pages conventions (see Program).</summary>
    public static WebApplicationBuilder AddPuenteWeb(this WebApplicationBuilder builder, Action<PageConventionCollection> pages)
    {
        var services = builder.Services;
        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole();
        }

        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        services.AddPuenteData();
        services.AddHostedService<PuenteStartup>();
        // After PuenteStartup: hosted services start in order, and the scheduler needs the migrated database.
        services.AddPuenteScheduler();
        services.AddRecordServices();
        services.AddScoped<Features.Timelines.TimelineService>();
        services.AddScoped<Features.Agenda.AgendaService>();
        services.AddScoped<Features.Plans.PlanService>();
        services.AddScoped<Features.Health.MechanismHealthService>();
        services.AddScoped<Features.Institutionalization.InstitutionalizationService>();
        services.AddPuenteEvents();
        services.AddScheduledJob<Features.Events.GdeltFetchJob>(Features.Events.GdeltFetchJob.Name,
            sp => sp.GetRequiredService<Puente.Events.Fetch.GdeltScheduledFetch>().Interval);
        services.AddPuenteMail();
        services.AddSingleton<Features.Derived.DerivedIndicators>();
        services.AddMemoryCache();
        services.AddScoped<Features.Home.HomeService>();
        services.AddScheduledJob<Features.Derived.DerivedIndicatorsJob>(Features.Derived.DerivedIndicatorsJob.Name,
            sp => Features.Derived.DerivedIndicatorsJob.Interval(sp.GetRequiredService<IConfiguration>()));

        services.AddPuenteWebhooks();
        services.AddScoped<Features.Notifications.NotificationFeed>();
        Features.Calendar.CalendarServices.AddCalendarFeeds(services); // follows, feeds, and feed secrets kept out of logs
        Features.Commitments.CommitmentReminderServices.AddCommitmentReminders(services);
        Features.Alerts.AlertServices.AddAlerts(services);
        services.AddScoped<Features.SiteSearch.SearchService>();
        Features.Briefings.BriefingServices.AddBriefings(services);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            // A request that carries a bearer token is authenticated by it; any other by the cookie.
            .AddPolicyScheme(SmartScheme, SmartScheme, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.Events.OnMessageReceived = BearerTokenCheck.OnMessageReceivedAsync;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/Account/Login";
                o.LogoutPath = "/Account/Logout";
                o.AccessDeniedPath = "/Account/AccessDenied";
                o.Cookie.Name = "Puente.Auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
            }));
        // A role, side, groups, lock or password change reaches the user's open sessions and tokens within 30 seconds.
        // The cookie validator checks only once strictly more than the interval has passed since the cookie's issue time,
        // which the cookie keeps to the second: a second less keeps the bound.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = SecurityStampCache.MaxAge - TimeSpan.FromSeconds(1));
        services.AddSingleton<SecurityStampCache>();

        services.AddIdentityCore<PuenteUser>(PuenteIdentity.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PuenteDbContext>()
            .AddSignInManager<AuditingSignInManager>()
            .AddClaimsPrincipalFactory<PuenteClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddDefaultTokenProviders();

        Policies.Add(services.AddAuthorizationBuilder());

        services.AddDataProtection().SetApplicationName("Puente").PersistKeysToDbContext<PuenteDbContext>();
        services.AddAntiforgery(o => o.Cookie.Name = "Puente.Antiforgery");

        // Spanish text goes out as UTF-8 characters, not numeric entities (readable source, searchable pages).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(PuenteCultures.Configure);
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                pages(o.Conventions);
            })
            // No client-side validation script is served; without this the valid summary renders a hidden item with an
            // inline style, which the Content-Security-Policy refuses.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));

        services.Configure<JsonOptions>(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTitles.Localize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IConfiguration>((o, config) => TrustedProxies.Configure(o, config[TrustedProxies.Key]))
            .Validate<IConfiguration>((_, config) => TrustedProxies.TryParse(config[TrustedProxies.Key], out var _),
                $"{TrustedProxies.Key} must list IP addresses or networks (CIDR), comma-separated.")
            .ValidateOnStart();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<PuenteDbContext>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication UsePuenteWeb(this WebApplication app)
    {
        // Scheme and client address from a trusted proxy (loopback and Puente:TrustedProxies) only: the sign-in
        // cookie is Secure when the proxy says the request came over https.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        // Before the error handlers: the problems they write on the way out (415, 405) are in the request language too.
        app.UseRequestLocalization();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui =>
        {
            ui.UseExceptionHandler("/Error");
            ui.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        });

        app.UseStaticFiles();
        app.UseRouting();
        app.UseApiBodyLimits();
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            // The viewer every query of this request is filtered by.
            context.RequestServices.GetRequiredService<ViewerContext>().Viewer = PuenteClaimsFactory.ToViewer(context.User);
            await next(context);
        });
        app.Use(async (context, next) =>
        {
            // The generated administrator password must be replaced before the UI can be used.
            if (context.User.FindFirstValue(PuenteIdentity.MustChangePasswordClaim) == bool.TrueString
                && !context.Request.Path.StartsWithSegments("/api")
                && !context.Request.Path.StartsWithSegments("/Account")
                && !context.Request.Path.StartsWithSegments("/lib")
                && !context.Request.Path.StartsWithSegments("/css")
                && !context.Request.Path.StartsWithSegments("/Culture"))
            {
                context.Response.Redirect("/Account/ChangePassword");
                return;
            }

            await next(context);
        });
        app.UseAuthorization();
        app.UseAntiforgery();

        return app;
    }

    /// <summary>Liveness, readiness (the database), the OpenAPI document and its reference page: open to all.</summary>
    public static WebApplication MapPuenteOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi().AllowAnonymous();
        // Scalar's default fonts come from its CDN, which the Content-Security-Policy refuses: use the browser's.
        app.MapScalarApiReference("/api/reference", o => o.DisableDefaultFonts()).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Registers every record type's service (each concrete <see cref="Features.Records.RecordService{T, TInput}"/> in
    /// this assembly) as itself and as its base, which the shared record pages and routes ask for.
    /// </summary>
    private static IServiceCollection AddRecordServices(this IServiceCollection services)
    {
        foreach (var type in typeof(PuenteWeb).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            for (var b = type.BaseType; b is not null; b = b.BaseType)
            {
                if (b.IsGenericType && b.GetGenericTypeDefinition() == typeof(Features.Records.RecordService<,>))
                {
                    services.AddScoped(type);
                    services.AddScoped(b, sp => sp.GetRequiredService(type));
                    break;
                }
            }
        }

        return services;
    }

    /// <summary>Writes the language cookie.</summary>
    public static void SetCultureCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, PuenteCultures.CookieValue(culture),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = false, SameSite = SameSiteMode.Lax });

}
