using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchHitIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_Hits",
                table: "SearchEntries",
                columns: new[] { "Id", "Type", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Access",
                table: "Engagements",
                columns: new[] { "Id", "Confidentiality", "OwnerSide" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_Access",
                table: "Commitments",
                columns: new[] { "Id", "Confidentiality", "OwnerSide" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SearchEntries_Hits",
                table: "SearchEntries");

            migrationBuilder.DropIndex(
                name: "IX_Engagements_Access",
                table: "Engagements");

            migrationBuilder.DropIndex(
                name: "IX_Commitments_Access",
                table: "Commitments");
        }
    }
}
