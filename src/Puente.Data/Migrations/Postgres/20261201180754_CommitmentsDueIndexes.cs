using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommitmentsDueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_Due",
                table: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_Status_Due",
                table: "Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Due",
                table: "Commitments",
                columns: new[] { "Due", "Status", "StatusDate", "MadeOn", "Confidentiality", "OwnerSide", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Status_Made",
                table: "Commitments",
                columns: new[] { "Status", "MadeOn", "Confidentiality", "OwnerSide", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_Due",
                table: "Commitments");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_Status_Made",
                table: "Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Due",
                table: "Commitments",
                columns: new[] { "Due", "MadeOn", "StatusDate", "Status", "Confidentiality", "OwnerSide", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Status_Due",
                table: "Commitments",
                columns: new[] { "Status", "Due", "Confidentiality", "OwnerSide", "Id" });
        }
    }
}
