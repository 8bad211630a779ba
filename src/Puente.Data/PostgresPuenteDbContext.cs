using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Puente.Data.Access;

namespace Puente.Data;

/// <summary>Multi-user deployments: PostgreSQL.</summary>
public sealed class PostgresPuenteDbContext(DbContextOptions<PostgresPuenteDbContext> options) : PuenteDbContext(options)
{
    /// <inheritdoc />
    /// <remarks>An engagement's local times are wall-clock times of its place, not instants: PostgreSQL keeps them as
    /// <c>timestamp without time zone</c> (Npgsql writes only UTC instants to <c>timestamptz</c>).</remarks>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Core.Memory.Engagement>().Property(e => e.StartLocal).HasColumnType("timestamp without time zone");
        builder.Entity<Core.Memory.Engagement>().Property(e => e.EndLocal).HasColumnType("timestamp without time zone");
        // The search index is a tsvector column kept by a trigger (migration Search), not SQLite's terms.
        builder.Entity<Search.SearchEntry>().Ignore(e => e.TitleTerms).Ignore(e => e.BodyTerms);
    }

    /// <summary>Takes the application-wide advisory lock (key: "Puente" in ASCII) that serializes audit-chain appends;
    /// it is released when the transaction ends.</summary>
    protected internal override async Task LockAuditChainAsync(CancellationToken cancellationToken) =>
        await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(88303232167013)", cancellationToken);
}

/// <summary>Used by <c>dotnet ef</c> to build PostgreSQL migrations (no server needed).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPuenteDbContext>
{
    public PostgresPuenteDbContext CreateDbContext(string[] args)
    {
        var db = new PostgresPuenteDbContext(new DbContextOptionsBuilder<PostgresPuenteDbContext>().UseNpgsql("Host=localhost;Database=puente_design").Options);
        db.Bind(ViewerContext.ForSystem(), TimeProvider.System, null);
        return db;
    }
}
