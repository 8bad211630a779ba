using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EarlyWarning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MechanismCodes",
                table: "AgendaIssues",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "OwnerPostId",
                table: "AgendaIssues",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConvergenceAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaIssueId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    NoteEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NoteEs = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Confidentiality = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OwnerSide = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Section = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SeedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConvergenceAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConvergenceAssessments_AgendaIssues_AgendaIssueId",
                        column: x => x.AgendaIssueId,
                        principalTable: "AgendaIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Crises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    IssueCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Confidentiality = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OwnerSide = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Section = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SeedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameEs = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DescriptionEs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Crises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Frequency = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Concern = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SourceEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SourceEs = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SourceUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OwnerPostId = table.Column<Guid>(type: "uuid", nullable: true),
                    IssueCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Detectors = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Derivation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    LatestPeriod = table.Column<DateOnly>(type: "date", nullable: true),
                    Confidentiality = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OwnerSide = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Section = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SeedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameEs = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DescriptionEs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_Posts_OwnerPostId",
                        column: x => x.OwnerPostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IssuePositions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaIssueId = table.Column<Guid>(type: "uuid", nullable: false),
                    Side = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    StatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Confidentiality = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OwnerSide = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Section = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SeedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameEs = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DescriptionEs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuePositions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuePositions_AgendaIssues_AgendaIssueId",
                        column: x => x.AgendaIssueId,
                        principalTable: "AgendaIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorValues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FirstValue = table.Column<double>(type: "double precision", nullable: false),
                    FirstRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Revisions = table.Column<int>(type: "integer", nullable: false),
                    Confidentiality = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OwnerSide = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Section = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SeedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorValues_Indicators_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Playbooks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IssueCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    MechanismId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChannelEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ChannelEs = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OwnerPostId = table.Column<Guid>(type: "uuid", nullable: false),
                    StepsEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    StepsEs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Confidentiality = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OwnerSide = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Section = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SeedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameEs = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DescriptionEs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Playbooks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Playbooks_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Playbooks_Mechanisms_MechanismId",
                        column: x => x.MechanismId,
                        principalTable: "Mechanisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Playbooks_Posts_OwnerPostId",
                        column: x => x.OwnerPostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Detector = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Settings = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FirstPeriod = table.Column<DateOnly>(type: "date", nullable: false),
                    LastPeriod = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    Baseline = table.Column<double>(type: "double precision", nullable: false),
                    Statistic = table.Column<double>(type: "double precision", nullable: false),
                    Threshold = table.Column<double>(type: "double precision", nullable: false),
                    Severity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Points = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    IssueCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PlaybookId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OpenKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Confidentiality = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    OwnerSide = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Section = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SeedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Alerts_Indicators_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Alerts_Playbooks_PlaybookId",
                        column: x => x.PlaybookId,
                        principalTable: "Playbooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaIssues_OwnerPostId",
                table: "AgendaIssues",
                column: "OwnerPostId");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Code",
                table: "Alerts",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_IssueCode",
                table: "Alerts",
                column: "IssueCode");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_OpenKey",
                table: "Alerts",
                column: "OpenKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_ParentId_Detector_FirstPeriod",
                table: "Alerts",
                columns: new[] { "ParentId", "Detector", "FirstPeriod" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_PlaybookId",
                table: "Alerts",
                column: "PlaybookId");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Status_Severity_OpenedAt",
                table: "Alerts",
                columns: new[] { "Status", "Severity", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConvergenceAssessments_AgendaIssueId_Date",
                table: "ConvergenceAssessments",
                columns: new[] { "AgendaIssueId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ConvergenceAssessments_Code",
                table: "ConvergenceAssessments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Crises_Code",
                table: "Crises",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Crises_IssueCode_Start",
                table: "Crises",
                columns: new[] { "IssueCode", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Code",
                table: "Indicators",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Derivation",
                table: "Indicators",
                column: "Derivation",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IssueCode",
                table: "Indicators",
                column: "IssueCode");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_OwnerPostId",
                table: "Indicators",
                column: "OwnerPostId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_Code",
                table: "IndicatorValues",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_ParentId_Period",
                table: "IndicatorValues",
                columns: new[] { "ParentId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuePositions_AgendaIssueId_Side_StatedOn",
                table: "IssuePositions",
                columns: new[] { "AgendaIssueId", "Side", "StatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_IssuePositions_Code",
                table: "IssuePositions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Playbooks_Code",
                table: "Playbooks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Playbooks_IndicatorId",
                table: "Playbooks",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Playbooks_IssueCode",
                table: "Playbooks",
                column: "IssueCode");

            migrationBuilder.CreateIndex(
                name: "IX_Playbooks_MechanismId",
                table: "Playbooks",
                column: "MechanismId");

            migrationBuilder.CreateIndex(
                name: "IX_Playbooks_OwnerPostId",
                table: "Playbooks",
                column: "OwnerPostId");

            migrationBuilder.AddForeignKey(
                name: "FK_AgendaIssues_Posts_OwnerPostId",
                table: "AgendaIssues",
                column: "OwnerPostId",
                principalTable: "Posts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AgendaIssues_Posts_OwnerPostId",
                table: "AgendaIssues");

            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "ConvergenceAssessments");

            migrationBuilder.DropTable(
                name: "Crises");

            migrationBuilder.DropTable(
                name: "IndicatorValues");

            migrationBuilder.DropTable(
                name: "IssuePositions");

            migrationBuilder.DropTable(
                name: "Playbooks");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_AgendaIssues_OwnerPostId",
                table: "AgendaIssues");

            migrationBuilder.DropColumn(
                name: "MechanismCodes",
                table: "AgendaIssues");

            migrationBuilder.DropColumn(
                name: "OwnerPostId",
                table: "AgendaIssues");
        }
    }
}
