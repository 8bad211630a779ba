using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ColoradoReserve : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReserveMovements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    VolumeAf = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    DocumentReference = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Confidentiality = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OwnerSide = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SeedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReserveMovements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReserveMovements_Code",
                table: "ReserveMovements",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReserveMovements");
        }
    }
}
