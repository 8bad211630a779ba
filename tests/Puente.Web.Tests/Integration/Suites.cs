using Puente.Web.Tests.Infrastructure;

namespace Puente.Web.Tests.Integration;

// Every integration suite runs twice: on the embedded SQLite default and on PostgreSQL (when PUENTE_TEST_POSTGRES is set).

public sealed class SqliteCatalogTests(SqliteApp app) : CatalogTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresCatalogTests(PostgresApp app) : CatalogTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteAccessTests(SqliteApp app) : AccessTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresAccessTests(PostgresApp app) : AccessTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteRecordApiTests(SqliteApp app) : RecordApiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresRecordApiTests(PostgresApp app) : RecordApiTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteBadInputTests(SqliteApp app) : BadInputTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresBadInputTests(PostgresApp app) : BadInputTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteAuditTests(SqliteApp app) : AuditTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuditTests(PostgresApp app) : AuditTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteUiTests(SqliteApp app) : UiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresUiTests(PostgresApp app) : UiTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteAccountTests(SqliteApp app) : AccountTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresAccountTests(PostgresApp app) : AccountTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteHardeningTests(SqliteApp app) : HardeningTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresHardeningTests(PostgresApp app) : HardeningTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteMemoryTests(SqliteApp app) : MemoryTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresMemoryTests(PostgresApp app) : MemoryTests<PostgresApp>(app), IClassFixture<PostgresApp>;
public sealed class SqliteMemoryPageTests(SqliteApp app) : MemoryPageTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresMemoryPageTests(PostgresApp app) : MemoryPageTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteCommitmentTests(SqliteApp app) : CommitmentTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresCommitmentTests(PostgresApp app) : CommitmentTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqlitePlanTests(SqliteApp app) : PlanTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresPlanTests(PostgresApp app) : PlanTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteHealthTests(SqliteApp app) : HealthTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresHealthTests(PostgresApp app) : HealthTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteDerivedIndicatorTests(SqliteApp app) : DerivedIndicatorTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresDerivedIndicatorTests(PostgresApp app) : DerivedIndicatorTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteHomeTests(SqliteApp app) : HomeTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresHomeTests(PostgresApp app) : HomeTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteWebhookTests(SqliteWebhookApp app) : WebhookTests<SqliteWebhookApp>(app), IClassFixture<SqliteWebhookApp>;

public sealed class PostgresWebhookTests(PostgresWebhookApp app) : WebhookTests<PostgresWebhookApp>(app), IClassFixture<PostgresWebhookApp>;

public sealed class SqliteBacktestTests(SqliteApp app) : BacktestTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresBacktestTests(PostgresApp app) : BacktestTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteIndicatorTests(SqliteApp app) : IndicatorTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresIndicatorTests(PostgresApp app) : IndicatorTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteAgendaTests(SqliteApp app) : AgendaTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresAgendaTests(PostgresApp app) : AgendaTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteAlertTests(SqliteMailApp app) : AlertTests<SqliteMailApp>(app), IClassFixture<SqliteMailApp>;

public sealed class PostgresAlertTests(PostgresMailApp app) : AlertTests<PostgresMailApp>(app), IClassFixture<PostgresMailApp>;

public sealed class SqliteSearchTests(SqliteApp app) : SearchTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresSearchTests(PostgresApp app) : SearchTests<PostgresApp>(app), IClassFixture<PostgresApp>;

public sealed class SqliteCalendarFeedTests(SqliteCalendarApp app) : CalendarFeedTests<SqliteCalendarApp>(app), IClassFixture<SqliteCalendarApp>;

public sealed class PostgresCalendarFeedTests(PostgresCalendarApp app) : CalendarFeedTests<PostgresCalendarApp>(app), IClassFixture<PostgresCalendarApp>;

public sealed class SqliteExportTests(SqliteApp app) : ExportTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresExportTests(PostgresApp app) : ExportTests<PostgresApp>(app), IClassFixture<PostgresApp>;
