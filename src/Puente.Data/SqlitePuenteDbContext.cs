using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Puente.Data.Access;

namespace Puente.Data;

/// <summary>The embedded default: one SQLite file in the data directory.</summary>
public sealed class SqlitePuenteDbContext(DbContextOptions<SqlitePuenteDbContext> options) : PuenteDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-with-offset type; store UTC ticks so that dates sort and compare in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Used by <c>dotnet ef</c> to build SQLite migrations.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePuenteDbContext>
{
    public SqlitePuenteDbContext CreateDbContext(string[] args)
    {
        var db = new SqlitePuenteDbContext(new DbContextOptionsBuilder<SqlitePuenteDbContext>().UseSqlite("Data Source=design-time.db").Options);
        db.Bind(ViewerContext.ForSystem(), TimeProvider.System, null);
        return db;
    }
}
