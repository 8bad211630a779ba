using System.Data.Common;
using System.Net.Sockets;

namespace Puente.Web.Hosting;

/// <summary>Recognizes start-up failures that mean "the database cannot be reached or opened".</summary>
public static class StartupFailure
{
    public static bool IsDatabaseUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
