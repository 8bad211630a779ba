using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Puente.Core.Text;

namespace Puente.Data.Configuration;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>A configuration value Puente cannot start with; the message names the key.</summary>
public sealed class PuenteConfigurationException(string key, string message) : Exception(message)
{
    public string Key { get; } = key;
}

/// <summary>
/// Where Puente keeps its data and which database it uses, read the same way by the web host and the CLI:
/// <c>Puente:DataDirectory</c>, <c>Database:Provider</c>, <c>ConnectionStrings:Default</c>,
/// <c>Puente:AuditAnchorDirectory</c>.
/// </summary>
public sealed record PuenteSettings(string DataDirectory, DatabaseProvider Provider, string ConnectionString)
{
    public const string DataDirectoryKey = "Puente:DataDirectory";
    public const string AuditAnchorDirectoryKey = "Puente:AuditAnchorDirectory";
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Default";
    public const string InitialAdminPasswordFile = "initial-admin-password";

    /// <summary>The default data directory: "Puente" under the user's local application-data folder.</summary>
    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Puente");

    public string InitialAdminPasswordPath => Path.Combine(DataDirectory, InitialAdminPasswordFile);

    /// <summary>
    /// Where the audit trail's anchor and its key are kept, outside the database: by default the data directory.
    /// Web nodes that share one PostgreSQL database should name one shared directory here (docs/decisions/0015).
    /// </summary>
    public string AuditAnchorDirectory { get; init; } = DataDirectory;

    /// <summary>Reads and validates the settings, creating the data directory if it is missing.</summary>
    /// <exception cref="PuenteConfigurationException">A value is missing or unusable; the message names its key.</exception>
    public static PuenteSettings Load(IConfiguration configuration)
    {
        var providerText = configuration[ProviderKey];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!EnumText.TryParse(providerText, out provider))
        {
            throw new PuenteConfigurationException(ProviderKey,
                $"{ProviderKey} must be 'Sqlite' or 'Postgres', not '{providerText}'.");
        }

        var directory = configuration[DataDirectoryKey];
        directory = string.IsNullOrWhiteSpace(directory) ? DefaultDataDirectory : Path.GetFullPath(directory.Trim());
        EnsureWritableDirectory(directory, DataDirectoryKey);

        var anchorDirectory = configuration[AuditAnchorDirectoryKey];
        if (string.IsNullOrWhiteSpace(anchorDirectory))
        {
            anchorDirectory = directory;
        }
        else
        {
            try
            {
                anchorDirectory = Path.GetFullPath(anchorDirectory.Trim());
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                throw new PuenteConfigurationException(AuditAnchorDirectoryKey,
                    $"{AuditAnchorDirectoryKey} '{anchorDirectory}' is not a usable path: {ex.Message}");
            }

            EnsureWritableDirectory(anchorDirectory, AuditAnchorDirectoryKey);
        }

        var connectionString = configuration[ConnectionStringKey];
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new PuenteConfigurationException(ConnectionStringKey,
                    $"{ConnectionStringKey} is required when {ProviderKey} is Postgres (for example \"Host=localhost;Database=puente;Username=puente;Password=...\").");
            }

            try
            {
                var builder = new NpgsqlConnectionStringBuilder(connectionString);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    throw new ArgumentException("it names no Host");
                }
            }
            catch (ArgumentException ex)
            {
                throw new PuenteConfigurationException(ConnectionStringKey,
                    $"{ConnectionStringKey} is not a valid PostgreSQL connection string: {ex.Message}");
            }
        }
        else if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "puente.db") }.ToString();
        }
        else
        {
            try
            {
                _ = new SqliteConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException ex)
            {
                throw new PuenteConfigurationException(ConnectionStringKey,
                    $"{ConnectionStringKey} is not a valid SQLite connection string: {ex.Message}");
            }
        }

        return new PuenteSettings(directory, provider, connectionString) { AuditAnchorDirectory = anchorDirectory };
    }

    /// <summary>Describes the database without secrets, for logs.</summary>
    public string DescribeDatabase()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return $"SQLite at {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
        }

        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database '{b.Database}' on {b.Host}:{b.Port}";
    }

    private static void EnsureWritableDirectory(string directory, string key)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new PuenteConfigurationException(key, $"{key} '{directory}' cannot be created or written: {ex.Message}");
        }
    }
}
