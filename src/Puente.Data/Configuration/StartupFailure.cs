using System.Net.Sockets;

namespace Puente.Data.Configuration;

/// <summary>Recognizes failures that mean "the database cannot be reached or opened" (web host and CLI alike).</summary>
public static class StartupFailure
{
    public static bool IsDatabaseUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (IsAddressInUse(e))
            {
                return false;
            }

            // The relational database only: an event-store (DuckDB) error is not about ConnectionStrings:Default.
            if (e is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The host could not listen because another process holds its address and port (Kestrel's bind failure carries
    /// a SocketException, which must not be mistaken for an unreachable database).
    /// </summary>
    public static bool IsAddressInUse(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
                || e.GetType().FullName == "Microsoft.AspNetCore.Connections.AddressInUseException")
            {
                return true;
            }
        }

        return false;
    }
}
