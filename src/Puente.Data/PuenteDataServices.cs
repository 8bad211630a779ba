using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Puente.Data.Access;
using Puente.Data.Audit;
using Puente.Data.Configuration;
using Puente.Data.Identity;
using Puente.Data.Seeding;

namespace Puente.Data;

/// <summary>Registers the database, identity stores and start-up work shared by the web host and the CLI.</summary>
public static class PuenteDataServices
{
    /// <summary>The most idle contexts kept for reuse; more may be leased at once (the extra ones are not kept).</summary>
    private const int ContextPoolSize = 128;

    /// <summary>
    /// Registers the database for the provider the configuration names. Settings are read and validated when first
    /// needed (at start-up, by <see cref="InitializePuenteAsync"/>), so that every configuration source is in place.
    /// </summary>
    public static IServiceCollection AddPuenteData(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => PuenteSettings.Load(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new AuditAnchorStore(sp.GetRequiredService<PuenteSettings>().AuditAnchorDirectory,
            sp.GetRequiredService<ILogger<AuditAnchorStore>>()));
        services.AddScoped<ViewerContext>();
        services.AddScoped<IViewerAccessor>(sp => sp.GetRequiredService<ViewerContext>());
        // Contexts are pooled and each lease is bound to its scope's viewer; the viewer's grant names go to the database
        // as one parameter, so that EF Core caches the SQL of every query (docs/decisions/0026-pooled-contexts-and-cached-sql.md).
        services.AddPooledDbContextFactory<SqlitePuenteDbContext>((sp, o) => PuenteDbContext.AddAuditAnchoring(o.UseSqlite(
            sp.GetRequiredService<PuenteSettings>().ConnectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))),
            ContextPoolSize);
        services.AddPooledDbContextFactory<PostgresPuenteDbContext>((sp, o) => PuenteDbContext.AddAuditAnchoring(o.UseNpgsql(
            sp.GetRequiredService<PuenteSettings>().ConnectionString, postgres => postgres.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))),
            ContextPoolSize);
        services.AddScoped<PuenteDbContext>(sp =>
        {
            PuenteDbContext db = sp.GetRequiredService<PuenteSettings>().Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<IDbContextFactory<PostgresPuenteDbContext>>().CreateDbContext()
                : sp.GetRequiredService<IDbContextFactory<SqlitePuenteDbContext>>().CreateDbContext();
            db.Bind(sp.GetRequiredService<IViewerAccessor>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AuditAnchorStore>());
            return db; // disposed with the scope, which returns it to the pool unbound
        });
        services.AddScoped<CatalogSeeder>();
        services.AddScoped<MemorySeeder>();
        services.AddScoped<AccountService>();
        services.AddScoped<Water.WaterService>();
        services.AddScoped<Memory.EngagementImporter>();
        services.AddScoped<Warning.CrisisRecorder>();
        services.AddScoped<Plans.PlanImporter>();
        services.AddScoped<Warning.IndicatorIntake>();
        services.AddScoped<Warning.CbpImporter>();

        // Alerts are evaluated whenever values are saved (docs/decisions/0037-alerts.md).
        services.AddScoped<Warning.AlertAnnouncer>();
        services.AddSingleton<Warning.AlertEvaluator>();
        services.AddSingleton<Warning.IIndicatorObserver>(sp => sp.GetRequiredService<Warning.AlertEvaluator>());

        services.TryAddSingleton<Mail.IMailOutbox, Mail.MailOutbox>();
        services.TryAddSingleton<Webhooks.IWebhookOutbox, Webhooks.WebhookOutbox>();
        services.TryAddSingleton<Notifications.Notifier>();
        return services;
    }

    /// <summary>Identity stores without the web's sign-in (the CLI).</summary>
    public static IdentityBuilder AddPuenteIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<PuenteUser>(PuenteIdentity.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PuenteDbContext>();

    /// <summary>
    /// Migrates, anchors an audit trail that has no anchor yet (after checking its chain), seeds the catalog, ensures
    /// the roles and, with no users, creates the initial administrator.
    /// </summary>
    public static async Task InitializePuenteAsync(this IServiceProvider services, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Core.Access.Viewer.System;
        var settings = scope.ServiceProvider.GetRequiredService<PuenteSettings>();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDbContext>();

        logger.LogInformation("Database: {Database}", settings.DescribeDatabase());
        await db.Database.MigrateAsync(cancellationToken);
        // Records written before search existed get their index entries (docs/decisions/0049-search.md).
        if (!await db.SearchEntries.AnyAsync(cancellationToken))
        {
            var reindex = await Search.SearchReindexer.ReindexAsync(db, cancellationToken);
            logger.LogInformation("Search index: {Written} entries written for {Records} records", reindex.Written, reindex.Records);
        }

        if (await AuditVerifier.AnchorExistingTrailAsync(db, cancellationToken) is { FirstBreak: { } broken })
        {
            logger.LogError("The audit trail has no anchor and its chain is broken at entry {EntryId} ({Kind}); it was not anchored. Run 'puente audit verify'.",
                broken.EntryId, broken.Kind);
        }

        var report = await scope.ServiceProvider.GetRequiredService<CatalogSeeder>().SeedAsync(cancellationToken);
        logger.LogInformation("Catalog: {Created} created, {Updated} updated, {Unchanged} unchanged, {Kept} kept with local edits",
            report.Created, report.Updated, report.Unchanged, report.KeptLocalEdits);
        var memory = await scope.ServiceProvider.GetRequiredService<MemorySeeder>().SeedAsync(cancellationToken);
        logger.LogInformation("Institutional memory: {Created} created, {Updated} updated, {Unchanged} unchanged, {Kept} kept with local edits",
            memory.Created, memory.Updated, memory.Unchanged, memory.KeptLocalEdits);

        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        await accounts.EnsureRolesAsync();
        if (await accounts.EnsureInitialAdministratorAsync(settings.InitialAdminPasswordPath, cancellationToken))
        {
            logger.LogWarning("Created the administrator account 'admin'. Its password is in {PasswordFile}; you must change it at first sign-in.",
                settings.InitialAdminPasswordPath);
        }
    }
}
