using Microsoft.EntityFrameworkCore;
using Puente.Data;

namespace Puente.Web.Tests;

/// <summary>A model change without a migration fails here, for each provider (no database server needed).</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add NAME --project src/Puente.Data --context SqlitePuenteDbContext --output-dir Migrations/Sqlite");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add NAME --project src/Puente.Data --context PostgresPuenteDbContext --output-dir Migrations/Postgres");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Every_content_record_type_is_filtered_by_access()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var recordTypes = db.Model.GetEntityTypes().Where(t => typeof(Core.Records.ContentRecord).IsAssignableFrom(t.ClrType)).ToList();
        Assert.True(recordTypes.Count >= 6);
        Assert.All(recordTypes, t => Assert.NotEmpty(t.GetDeclaredQueryFilters()));
        Assert.NotEmpty(db.Model.FindEntityType(typeof(Data.Audit.AuditEntry))!.GetDeclaredQueryFilters());
    }
}
