using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Puente.Data;
using Puente.Data.Access;
using Puente.Data.Identity;
using Scalar.AspNetCore;

namespace Puente.Web.Hosting;

/// <summary>The web host's services and pipeline, in one place.</summary>
public static class PuenteWeb
{
    public const string ApiPolicy = Policies.Api;
    public const string EditorsPolicy = Policies.Editors;
    public const string AdministratorsPolicy = Policies.Administrators;
    private const string SmartScheme = "Puente";

    public static WebApplicationBuilder AddPuenteWeb(this WebApplicationBuilder builder)
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
        services.AddScoped<Features.Actors.ActorService>();
        services.AddScoped<Features.Mechanisms.MechanismService>();
        Puente.Events.Hosting.PuenteEventsServices.AddPuenteEvents(services);

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
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
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
        // A role, side or password change takes effect on the user's open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

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
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToPage("/Culture");
                o.Conventions.AuthorizeFolder("/Admin", AdministratorsPolicy);
                o.Conventions.AuthorizePage("/Actors/Edit", EditorsPolicy);
                o.Conventions.AuthorizePage("/Mechanisms/Edit", EditorsPolicy);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));

        services.Configure<JsonOptions>(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTitles.Localize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<PuenteDbContext>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication UsePuenteWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
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

        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
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

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/reference").AllowAnonymous();
        app.MapRazorPages();
        Api.ApiEndpoints.Map(app);
        return app;
    }

    /// <summary>Writes the language cookie.</summary>
    public static void SetCultureCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, PuenteCultures.CookieValue(culture),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = false, SameSite = SameSiteMode.Lax });

}
