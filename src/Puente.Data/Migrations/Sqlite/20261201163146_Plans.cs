using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Plans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PlanId",
                table: "Recommendations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Recommendations",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "NotStarted"); // every recommendation so far: none has a status change yet

            migrationBuilder.AddColumn<DateOnly>(
                name: "StatusDate",
                table: "Recommendations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Confidentiality = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OwnerSide = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SeedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameEs = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DescriptionEs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NoteEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NoteEs = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvidenceUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EvidenceEngagementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EvidenceCommitmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Confidentiality = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OwnerSide = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SeedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationStatusChanges_Commitments_EvidenceCommitmentId",
                        column: x => x.EvidenceCommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecommendationStatusChanges_Engagements_EvidenceEngagementId",
                        column: x => x.EvidenceEngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecommendationStatusChanges_Recommendations_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_PlanId_Status",
                table: "Recommendations",
                columns: new[] { "PlanId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_Code",
                table: "Plans",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationStatusChanges_AsOf",
                table: "RecommendationStatusChanges",
                columns: new[] { "ParentId", "Date", "Sequence", "Status", "Confidentiality", "OwnerSide" });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationStatusChanges_Code",
                table: "RecommendationStatusChanges",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationStatusChanges_EvidenceCommitmentId",
                table: "RecommendationStatusChanges",
                column: "EvidenceCommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationStatusChanges_EvidenceEngagementId",
                table: "RecommendationStatusChanges",
                column: "EvidenceEngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationStatusChanges_ParentId_Sequence",
                table: "RecommendationStatusChanges",
                columns: new[] { "ParentId", "Sequence" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Recommendations_Plans_PlanId",
                table: "Recommendations",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Recommendations_Plans_PlanId",
                table: "Recommendations");

            migrationBuilder.DropTable(
                name: "Plans");

            migrationBuilder.DropTable(
                name: "RecommendationStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_PlanId_Status",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "PlanId",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "StatusDate",
                table: "Recommendations");
        }
    }
}
