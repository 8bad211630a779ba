using System.Net.Sockets;

namespace Puente.Data.Configuration;

/// <summary>Recognizes failures that mean "the database cannot be reached or opened" (web host and CLI alike).</summary>
public static class StartupFailure
{
    public static bool IsDatabaseUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // The relational database only: an event-store (DuckDB) error is not about ConnectionStrings:Default.
            if (e is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
