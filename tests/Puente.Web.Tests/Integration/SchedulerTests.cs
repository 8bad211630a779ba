using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Puente.Web.Scheduling;
using Puente.Web.Tests.Infrastructure;
using Quartz;

namespace Puente.Web.Tests.Integration;

/// <summary>
/// The scheduler on each database: its tables come with Puente's migrations, it starts after them, and a scheduled job
/// runs (in a scope that reads as the system). Waiting here is for the job to run, never a measured time.
/// </summary>
public abstract class SchedulerTests<TApp>(TApp app)
    where TApp : PuenteApp, ISchedulerApp
{
    [Fact]
    public async Task The_quartz_tables_exist_and_a_scheduled_job_runs_as_the_system()
    {
        app.SkipIfUnavailable();
        await app.Runs.First.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        Assert.All(app.Runs.RanAsSystem, Assert.True);

        bool postgres;
        var (scope, db) = app.Database();
        await using (scope)
        {
            postgres = db.Database.IsNpgsql();
            var tables = postgres
                ? await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%'").SingleAsync()
                : await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM sqlite_master WHERE type = 'table' AND name LIKE 'qrtz!_%' ESCAPE '!'").SingleAsync();
            Assert.Equal(15, tables);
            var triggers = await db.Database.SqlQueryRaw<string>("SELECT trigger_name AS \"Value\" FROM qrtz_triggers").ToListAsync();
            Assert.Contains(ProbeJob.Name, triggers);
        }

        var scheduler = app.Factory.Services.GetRequiredService<PuenteScheduler>().Scheduler;
        Assert.NotNull(scheduler);
        Assert.Equal(postgres, scheduler.SchedulerInstanceId != "NON_CLUSTERED"); // clustered on PostgreSQL only
    }
}

public sealed class SqliteSchedulerTests(SqliteSchedulerApp app) : SchedulerTests<SqliteSchedulerApp>(app), IClassFixture<SqliteSchedulerApp>;

public sealed class PostgresSchedulerTests(PostgresSchedulerApp app) : SchedulerTests<PostgresSchedulerApp>(app), IClassFixture<PostgresSchedulerApp>;

/// <summary>
/// Two web nodes on one PostgreSQL database form one cluster: each of many fires of a job runs on exactly one of them,
/// never on both.
/// </summary>
public sealed class SchedulerClusterTests : IAsyncLifetime
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<(string FireInstanceId, string Node)>> Runs = new();

    private readonly string? _server = Environment.GetEnvironmentVariable("PUENTE_TEST_POSTGRES");
    private readonly string _database = "puente_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<(WebApplicationFactory<Program> Factory, string Directory)> _nodes = [];

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString();

    /// <summary>Notes each run, by fire and node, under the run id the test put in the job data.</summary>
    public sealed class CountingJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            Runs.GetOrAdd(context.MergedJobDataMap.GetString("run")!, _ => new()).Enqueue((context.FireInstanceId, context.Scheduler.SchedulerInstanceId));
            return ValueTask.CompletedTask;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(_server))
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await create.ExecuteNonQueryAsync();
        foreach (var node in new[] { "node-a", "node-b" })
        {
            var directory = Directory.CreateTempSubdirectory("puente-node-").FullName;
            var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Production");
                b.UseSetting("Logging:LogLevel:Default", "Warning");
                b.UseSetting("Puente:DataDirectory", directory);
                b.UseSetting("Database:Provider", "Postgres");
                b.UseSetting("ConnectionStrings:Default", ConnectionString);
                b.UseSetting("Puente:Scheduler:InstanceId", node);
                // The nodes' heavy periodic work (derived indicators from the whole seeded history) is not what this
                // test is about; it would only compete with the probe for the two cores.
                b.UseSetting("Puente:Warning:DeriveMinutes", "0");
            });
            _ = factory.Server; // one after the other: the first migrates
            _nodes.Add((factory, directory));
        }
    }

    [Fact]
    public async Task Each_fire_of_a_job_runs_once_across_two_nodes()
    {
        if (string.IsNullOrWhiteSpace(_server))
        {
            Assert.Skip("PostgreSQL suite skipped: set PUENTE_TEST_POSTGRES to a connection string (see README) to run it.");
        }

        var ct = TestContext.Current.CancellationToken;
        var schedulers = _nodes.Select(n => n.Factory.Services.GetRequiredService<PuenteScheduler>().Scheduler!).ToList();
        Assert.Equal(["node-a", "node-b"], schedulers.Select(s => s.SchedulerInstanceId));
        var job = new JobKey("cluster-probe", "test");
        await schedulers[0].AddJob(JobBuilder.Create<CountingJob>().WithIdentity(job).StoreDurably(true).Build(), new AddJobOptions { Replace = true }, ct);
        var run = Guid.NewGuid().ToString("N");
        const int fires = 20;
        for (var i = 0; i < fires; i++)
        {
            // Fired from either node; either may run it.
            await schedulers[i % 2].TriggerJob(job, new JobDataMap { ["run"] = run }, ct);
        }

        var runs = Runs.GetOrAdd(run, _ => new());
        await WaitUntilAsync(() => Task.FromResult(runs.Count >= fires), ct);
        // Every fire is finished and gone from the store: nothing is left that could still run a second time.
        // (The probe's fires only: the nodes' own periodic jobs may be running meanwhile.)
        await WaitUntilAsync(async () => await CountAsync("SELECT count(*) FROM qrtz_fired_triggers WHERE job_name = 'cluster-probe'") == 0
            && await CountAsync("SELECT count(*) FROM qrtz_triggers WHERE job_name = 'cluster-probe'") == 0, ct);

        Assert.Equal(fires, runs.Count);
        Assert.Equal(fires, runs.Select(r => r.FireInstanceId).Distinct().Count());
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM qrtz_scheduler_state WHERE instance_name IN ('node-a', 'node-b')"));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        // A bound on waiting for the scheduler (about two minutes), not a measurement: it usually gets there within a second.
        for (var attempt = 0; !await condition(); attempt++)
        {
            Assert.True(attempt < 1200, "the scheduler did not get there");
            await Task.Delay(100, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (factory, directory) in _nodes)
        {
            await factory.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }

        if (!string.IsNullOrWhiteSpace(_server))
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
