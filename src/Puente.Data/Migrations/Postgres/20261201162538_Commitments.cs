using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Commitments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Posts",
                table: "AspNetUsers",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "Commitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MadeOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: true),
                    OwnerMxPostId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerUsPostId = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: true),
                    MechanismId = table.Column<Guid>(type: "uuid", nullable: true),
                    Instrument = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    IssueCodes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecommendationCodes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Team = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatusDate = table.Column<DateOnly>(type: "date", nullable: false),
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
                    table.PrimaryKey("PK_Commitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Commitments_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_Mechanisms_MechanismId",
                        column: x => x.MechanismId,
                        principalTable: "Mechanisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_Posts_OwnerMxPostId",
                        column: x => x.OwnerMxPostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitments_Posts_OwnerUsPostId",
                        column: x => x.OwnerUsPostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    NoteEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NoteEs = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EvidenceUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EvidenceEngagementId = table.Column<Guid>(type: "uuid", nullable: true),
                    EvidenceAttachmentId = table.Column<Guid>(type: "uuid", nullable: true),
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
                    table.PrimaryKey("PK_CommitmentStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentStatusChanges_Commitments_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommitmentStatusChanges_Engagements_EvidenceEngagementId",
                        column: x => x.EvidenceEngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Code",
                table: "Commitments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Due",
                table: "Commitments",
                columns: new[] { "Due", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_EngagementId",
                table: "Commitments",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Instrument",
                table: "Commitments",
                column: "Instrument");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Mechanism",
                table: "Commitments",
                columns: new[] { "MechanismId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_OwnerMx",
                table: "Commitments",
                columns: new[] { "OwnerMxPostId", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_OwnerUs",
                table: "Commitments",
                columns: new[] { "OwnerUsPostId", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Status_Due",
                table: "Commitments",
                columns: new[] { "Status", "Due", "Confidentiality", "OwnerSide", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentStatusChanges_Code",
                table: "CommitmentStatusChanges",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentStatusChanges_EvidenceEngagementId",
                table: "CommitmentStatusChanges",
                column: "EvidenceEngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentStatusChanges_ParentId_Date_Status",
                table: "CommitmentStatusChanges",
                columns: new[] { "ParentId", "Date", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentStatusChanges_ParentId_Sequence",
                table: "CommitmentStatusChanges",
                columns: new[] { "ParentId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitmentStatusChanges");

            migrationBuilder.DropTable(
                name: "Commitments");

            migrationBuilder.DropColumn(
                name: "Posts",
                table: "AspNetUsers");
        }
    }
}
