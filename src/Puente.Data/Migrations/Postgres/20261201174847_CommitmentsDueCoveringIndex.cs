using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommitmentsDueCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_Due",
                table: "Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Due",
                table: "Commitments",
                columns: new[] { "Due", "MadeOn", "StatusDate", "Status", "Confidentiality", "OwnerSide", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Commitments_Due",
                table: "Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Due",
                table: "Commitments",
                columns: new[] { "Due", "Id" });
        }
    }
}
