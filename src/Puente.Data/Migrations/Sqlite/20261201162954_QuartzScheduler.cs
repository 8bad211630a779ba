using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Data.Migrations.Sqlite
{
    /// <summary>
    /// The tables of Quartz.NET 4.x's ADO.NET job store (prefix <c>qrtz_</c>), written from Quartz's documented SQLite
    /// schema: the scheduler's jobs and triggers live in Puente's database file (docs/decisions/0040-scheduler.md).
    /// They are not part of the EF model; Quartz reads and writes them itself and checks them when it starts. Quartz's
    /// own connections do not turn SQLite's foreign keys on, so deleting a trigger deletes its details by SQL triggers.
    /// </summary>
    public partial class QuartzScheduler : Migration
    {
        /// <summary>Every table, parents after children, as Down drops them (their SQL triggers go with them).</summary>
        private static readonly string[] Tables =
        [
            "qrtz_fired_triggers", "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_locks", "qrtz_simprop_triggers",
            "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_blob_triggers", "qrtz_triggers", "qrtz_job_details", "qrtz_calendars",
        ];

        /// <summary>The trigger tables that hang off <c>qrtz_triggers</c>.</summary>
        private static readonly string[] TriggerDetails = ["qrtz_simple_triggers", "qrtz_simprop_triggers", "qrtz_cron_triggers", "qrtz_blob_triggers"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_job_details (
                    sched_name NVARCHAR(120) NOT NULL,
                    job_name NVARCHAR(150) NOT NULL,
                    job_group NVARCHAR(150) NOT NULL,
                    description NVARCHAR(250) NULL,
                    job_class_name NVARCHAR(250) NOT NULL,
                    is_durable BIT NOT NULL,
                    is_nonconcurrent BIT NOT NULL,
                    is_update_data BIT NOT NULL,
                    requests_recovery BIT NOT NULL,
                    job_data BLOB NULL,
                    PRIMARY KEY (sched_name, job_name, job_group));
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_triggers (
                    sched_name NVARCHAR(120) NOT NULL,
                    trigger_name NVARCHAR(150) NOT NULL,
                    trigger_group NVARCHAR(150) NOT NULL,
                    job_name NVARCHAR(150) NOT NULL,
                    job_group NVARCHAR(150) NOT NULL,
                    description NVARCHAR(250) NULL,
                    next_fire_time BIGINT NULL,
                    prev_fire_time BIGINT NULL,
                    priority INTEGER NULL,
                    trigger_state NVARCHAR(16) NOT NULL,
                    trigger_type NVARCHAR(8) NOT NULL,
                    start_time BIGINT NOT NULL,
                    end_time BIGINT NULL,
                    calendar_name NVARCHAR(200) NULL,
                    misfire_instr INTEGER NULL,
                    misfire_orig_fire_time BIGINT NULL,
                    execution_group NVARCHAR(200) NULL,
                    preferred_node NVARCHAR(200) NULL,
                    preferred_node_auto BIT NOT NULL DEFAULT 0,
                    job_data BLOB NULL,
                    PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group));
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_simple_triggers (
                    sched_name NVARCHAR(120) NOT NULL,
                    trigger_name NVARCHAR(150) NOT NULL,
                    trigger_group NVARCHAR(150) NOT NULL,
                    repeat_count BIGINT NOT NULL,
                    repeat_interval BIGINT NOT NULL,
                    times_triggered BIGINT NOT NULL,
                    PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    FOREIGN KEY (sched_name, trigger_name, trigger_group)
                        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_simprop_triggers (
                    sched_name NVARCHAR(120) NOT NULL,
                    trigger_name NVARCHAR(150) NOT NULL,
                    trigger_group NVARCHAR(150) NOT NULL,
                    str_prop_1 NVARCHAR(512) NULL,
                    str_prop_2 NVARCHAR(512) NULL,
                    str_prop_3 NVARCHAR(512) NULL,
                    int_prop_1 INT NULL,
                    int_prop_2 INT NULL,
                    long_prop_1 BIGINT NULL,
                    long_prop_2 BIGINT NULL,
                    dec_prop_1 NUMERIC NULL,
                    dec_prop_2 NUMERIC NULL,
                    bool_prop_1 BIT NULL,
                    bool_prop_2 BIT NULL,
                    time_zone_id NVARCHAR(80) NULL,
                    PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    FOREIGN KEY (sched_name, trigger_name, trigger_group)
                        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_cron_triggers (
                    sched_name NVARCHAR(120) NOT NULL,
                    trigger_name NVARCHAR(150) NOT NULL,
                    trigger_group NVARCHAR(150) NOT NULL,
                    cron_expression NVARCHAR(250) NOT NULL,
                    time_zone_id NVARCHAR(80) NULL,
                    PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    FOREIGN KEY (sched_name, trigger_name, trigger_group)
                        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_blob_triggers (
                    sched_name NVARCHAR(120) NOT NULL,
                    trigger_name NVARCHAR(150) NOT NULL,
                    trigger_group NVARCHAR(150) NOT NULL,
                    blob_data BLOB NULL,
                    PRIMARY KEY (sched_name, trigger_name, trigger_group),
                    FOREIGN KEY (sched_name, trigger_name, trigger_group)
                        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);
                """);
            foreach (var table in TriggerDetails)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_on_trigger_delete DELETE ON qrtz_triggers
                    BEGIN
                        DELETE FROM {table} WHERE sched_name = OLD.sched_name AND trigger_name = OLD.trigger_name AND trigger_group = OLD.trigger_group;
                    END;
                    """);
            }

            migrationBuilder.Sql("""
                CREATE TABLE qrtz_calendars (
                    sched_name NVARCHAR(120) NOT NULL,
                    calendar_name NVARCHAR(200) NOT NULL,
                    calendar BLOB NOT NULL,
                    PRIMARY KEY (sched_name, calendar_name));
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_paused_trigger_grps (
                    sched_name NVARCHAR(120) NOT NULL,
                    trigger_group NVARCHAR(150) NOT NULL,
                    PRIMARY KEY (sched_name, trigger_group));
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_fired_triggers (
                    sched_name NVARCHAR(120) NOT NULL,
                    entry_id NVARCHAR(140) NOT NULL,
                    trigger_name NVARCHAR(150) NOT NULL,
                    trigger_group NVARCHAR(150) NOT NULL,
                    instance_name NVARCHAR(200) NOT NULL,
                    fired_time BIGINT NOT NULL,
                    sched_time BIGINT NOT NULL,
                    priority INTEGER NOT NULL,
                    state NVARCHAR(16) NOT NULL,
                    job_name NVARCHAR(150) NULL,
                    job_group NVARCHAR(150) NULL,
                    is_nonconcurrent BIT NULL,
                    requests_recovery BIT NULL,
                    execution_group NVARCHAR(200) NULL,
                    PRIMARY KEY (sched_name, entry_id));
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_scheduler_state (
                    sched_name NVARCHAR(120) NOT NULL,
                    instance_name NVARCHAR(200) NOT NULL,
                    last_checkin_time BIGINT NOT NULL,
                    checkin_interval BIGINT NOT NULL,
                    PRIMARY KEY (sched_name, instance_name));
                """);
            migrationBuilder.Sql("""
                CREATE TABLE qrtz_locks (
                    sched_name NVARCHAR(120) NOT NULL,
                    lock_name NVARCHAR(40) NOT NULL,
                    PRIMARY KEY (sched_name, lock_name));
                """);
            migrationBuilder.Sql("CREATE INDEX idx_qrtz_j_g_n ON qrtz_job_details (sched_name, job_group, job_name);");
            migrationBuilder.Sql("CREATE INDEX idx_qrtz_t_j ON qrtz_triggers (sched_name, job_name, job_group);");
            migrationBuilder.Sql("CREATE INDEX idx_qrtz_t_c ON qrtz_triggers (sched_name, calendar_name);");
            migrationBuilder.Sql("CREATE INDEX idx_qrtz_t_g_n ON qrtz_triggers (sched_name, trigger_group, trigger_name);");
            migrationBuilder.Sql("CREATE INDEX idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time);");
            migrationBuilder.Sql("CREATE INDEX idx_qrtz_ft_inst_job_req_rcvry ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery);");
            migrationBuilder.Sql("CREATE INDEX idx_qrtz_ft_j_g ON qrtz_fired_triggers (sched_name, job_name, job_group);");
            migrationBuilder.Sql("CREATE INDEX idx_qrtz_ft_t_g ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {table};");
            }
        }
    }
}
