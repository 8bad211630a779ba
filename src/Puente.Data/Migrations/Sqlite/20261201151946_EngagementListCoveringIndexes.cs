using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EngagementListCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Engagements_Kind_StartUtc",
                table: "Engagements");

            migrationBuilder.DropIndex(
                name: "IX_Engagements_MechanismId_StartUtc",
                table: "Engagements");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Kind_Period",
                table: "Engagements",
                columns: new[] { "Kind", "StartUtc", "StartDate", "Confidentiality", "OwnerSide", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Mechanism_Period",
                table: "Engagements",
                columns: new[] { "MechanismId", "StartUtc", "StartDate", "Confidentiality", "OwnerSide", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Engagements_Kind_Period",
                table: "Engagements");

            migrationBuilder.DropIndex(
                name: "IX_Engagements_Mechanism_Period",
                table: "Engagements");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Kind_StartUtc",
                table: "Engagements",
                columns: new[] { "Kind", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_MechanismId_StartUtc",
                table: "Engagements",
                columns: new[] { "MechanismId", "StartUtc" });
        }
    }
}
