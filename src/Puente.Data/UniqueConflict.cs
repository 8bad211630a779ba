using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Puente.Data;

/// <summary>
/// A write the database refused because a unique index already holds its key: the table and the key's columns.
/// Parallel writers that each passed validation meet here; callers answer 409 naming the conflict, never 500.
/// </summary>
public sealed record UniqueConflict(string Table, IReadOnlyList<string> Columns)
{
    private const string SqliteMarker = "UNIQUE constraint failed: ";

    /// <summary>The conflict behind <paramref name="exception"/>, or null when it is not a unique-key violation.</summary>
    public static UniqueConflict? From(DbUpdateException exception) => exception.InnerException switch
    {
        // SQLITE_CONSTRAINT (19); the message names the columns: "UNIQUE constraint failed: Table.A, Table.B".
        SqliteException { SqliteErrorCode: 19 } e when e.Message.Contains(SqliteMarker, StringComparison.Ordinal) => FromSqlite(e.Message),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } e => FromPostgres(e.TableName, e.ConstraintName),
        _ => null,
    };

    private static UniqueConflict FromSqlite(string message)
    {
        var list = message[(message.IndexOf(SqliteMarker, StringComparison.Ordinal) + SqliteMarker.Length)..].TrimEnd('.', '\'', ' ');
        var columns = list.Split(", ").Select(c => c.Split('.')).ToList();
        return new UniqueConflict(columns[0].Length == 2 ? columns[0][0] : "", [.. columns.Select(c => c[^1])]);
    }

    // EF Core names unique indexes IX_<Table>_<Column>_<Column>; columns are PascalCase without underscores.
    private static UniqueConflict FromPostgres(string? table, string? constraint)
    {
        var prefix = $"IX_{table}_";
        var columns = constraint is not null && constraint.StartsWith(prefix, StringComparison.Ordinal) ? constraint[prefix.Length..].Split('_') : [constraint ?? ""];
        return new UniqueConflict(table ?? "", columns);
    }
}
