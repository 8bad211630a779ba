using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Puente.Core.Access;
using Puente.Data;
using Puente.Data.Access;
using Puente.Data.Audit;
using Puente.Data.Configuration;

namespace Puente.Cli;

/// <summary>
/// The <c>puente</c> command. It reads the same configuration as the web host (appsettings.json, environment variables
/// such as <c>Puente__DataDirectory</c>), plus <c>--data-dir</c>. Exit codes: 0 success, 1 the command's check failed
/// (bad input, broken audit chain), 2 bad configuration, 3 database unreachable.
/// </summary>
public static class PuenteCli
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadConfiguration = 2;
    public const int DatabaseUnreachable = 3;

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var dataDir = new Option<string?>("--data-dir") { Description = "Data directory (overrides Puente:DataDirectory).", Recursive = true };
        var root = new RootCommand("Puente: the U.S.–Mexico institutional memory.") { dataDir };

        var db = new Command("db", "Database commands.");
        var migrate = new Command("migrate", "Apply migrations, load the catalog and, with no users, create the administrator.");
        migrate.SetAction((parse, ct) => WithServicesAsync(parse.GetValue(dataDir), stderr, async (sp, logger) =>
        {
            await sp.InitializePuenteAsync(logger, ct);
            await stdout.WriteLineAsync($"Database is up to date: {sp.GetRequiredService<PuenteSettings>().DescribeDatabase()}.");
            return Ok;
        }));
        db.Subcommands.Add(migrate);
        root.Subcommands.Add(db);

        root.Subcommands.Add(UsersCommands.Build(dataDir, stdin, stdout, stderr));

        var audit = new Command("audit", "Audit trail commands.");
        var verify = new Command("verify",
            "Walk the audit chain, hold it to its signed anchor outside the database, and report the first broken link or missing or rewritten entries (exit code 1).");
        verify.SetAction((parse, ct) => WithServicesAsync(parse.GetValue(dataDir), stderr, async (sp, _) =>
        {
            await using var scope = sp.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ViewerContext>().Viewer = Viewer.System;
            var context = scope.ServiceProvider.GetRequiredService<PuenteDbContext>();
            var pending = await context.Database.GetPendingMigrationsAsync(ct);
            if (pending.Any())
            {
                await stderr.WriteLineAsync("The database is not migrated; run 'puente db migrate' first.");
                return Failed;
            }

            var result = await AuditVerifier.VerifyAsync(context, ct);
            if (result.FirstBreak is { } broken)
            {
                var why = broken.Kind == Core.Audit.AuditBreakKind.ContentAltered
                    ? "its content does not match its hash (altered)"
                    : "its previous hash does not match the entry before it (an entry was removed, inserted or reordered)";
                await stdout.WriteLineAsync($"Audit chain BROKEN at entry {broken.EntryId}: {why}. {result.EntriesChecked} entries before it are intact.");
                return Failed;
            }

            var anchor = result.Anchor;
            if (anchor.Problem is { } problem)
            {
                await stdout.WriteLineAsync($"Audit trail BROKEN: {problem}. The chain of the {result.EntriesChecked} entries in the database is unbroken, but it does not match its anchor {anchor.AnchorPath}.");
                return Failed;
            }

            await stdout.WriteLineAsync($"Audit chain intact: {result.EntriesChecked} entries checked.");
            if (anchor.AnchoredHeadId is { } head)
            {
                await stdout.WriteLineAsync($"Anchor {anchor.AnchorPath}: signature valid; anchored head entry {head} found with the anchored hash.");
                if (anchor.EntriesAfterAnchor > 0)
                {
                    await stdout.WriteLineAsync($"{anchor.EntriesAfterAnchor} later entries are not anchored yet (the anchor is written after each commit); they are correctly chained.");
                }
            }
            else
            {
                await stdout.WriteLineAsync($"Anchor {anchor.AnchorPath}: none yet (no entries to anchor).");
            }

            return Ok;
        }));
        audit.Subcommands.Add(verify);
        root.Subcommands.Add(audit);

        root.Subcommands.Add(EventsCommands.Build(dataDir, stdout, stderr));
        root.Subcommands.Add(NarrativeCommands.Build(dataDir, stdout, stderr));
        root.Subcommands.Add(WaterCommands.Build(dataDir, stdout, stderr));
        root.Subcommands.Add(EngagementsCommands.Build(dataDir, stdout, stderr));
        root.Subcommands.Add(PlansCommands.Build(dataDir, stdout, stderr));
        root.Subcommands.Add(AlertsCommands.Build(dataDir, stdout, stderr));

        root.Subcommands.Add(IndicatorsCommands.Build(dataDir, stdout, stderr));

        root.Subcommands.Add(CrisesCommands.Build(dataDir, stdout, stderr));
        root.Subcommands.Add(SearchCommands.Build(dataDir, stdout, stderr));

        var parseResult = root.Parse(args);
        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    /// <summary>The host builder of every command: configuration from appsettings, the environment and --data-dir.</summary>
    private static HostApplicationBuilder CreateBuilder(string? dataDir)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        if (dataDir is not null)
        {
            builder.Configuration.AddInMemoryCollection([new(PuenteSettings.DataDirectoryKey, dataDir)]);
        }

        return builder;
    }

    /// <summary>
    /// For the commands that need only the settings (the event store): the configuration is read exactly as for the
    /// others, but the host's services (EF Core, Identity, logging) are not built, which saves about 0.05 s per command
    /// (docs/benchmarks.md).
    /// </summary>
    internal static Task<int> WithSettingsAsync(string? dataDir, TextWriter stderr, Func<PuenteSettings, Task<int>> action) =>
        GuardAsync(stderr, () => action(PuenteSettings.Load(CreateBuilder(dataDir).Configuration)));

    internal static async Task<int> WithServicesAsync(string? dataDir, TextWriter stderr, Func<IServiceProvider, ILogger, Task<int>> action)
    {
        var builder = CreateBuilder(dataDir);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddPuenteData();
        builder.Services.AddPuenteIdentityCore();
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("puente");
        return await GuardAsync(stderr, () =>
        {
            host.Services.GetRequiredService<PuenteSettings>();
            return action(host.Services, logger);
        });
    }

    /// <summary>Runs a command, turning the failures a user can act on into a message and an exit code.</summary>
    private static async Task<int> GuardAsync(TextWriter stderr, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (PuenteConfigurationException ex)
        {
            await stderr.WriteLineAsync($"Configuration error: {ex.Message}");
            return BadConfiguration;
        }
        catch (Puente.Events.Store.EventStoreException ex)
        {
            // An outdated store, or one another process is writing: the message says which.
            await stderr.WriteLineAsync($"Event store error: {ex.Message}");
            return Failed;
        }
        catch (Exception ex) when (StartupFailure.IsDatabaseUnreachable(ex))
        {
            await stderr.WriteLineAsync($"The database configured by {PuenteSettings.ConnectionStringKey} could not be reached or opened: {ex.GetBaseException().Message}");
            return DatabaseUnreachable;
        }
    }
}
