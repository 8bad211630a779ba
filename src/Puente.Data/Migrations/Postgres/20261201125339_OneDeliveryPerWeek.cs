using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Puente.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneDeliveryPerWeek : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "WeekOf",
                table: "WaterDeliveries",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "WaterDeliveries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Withdrawn",
                table: "WaterDeliveries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Existing rows: out-of-bounds volumes and second deliveries of a week are withdrawn (kept, not counted)
            // so that the unique index can be built; the earliest delivery of a week and source keeps it.
            migrationBuilder.Sql("""
                UPDATE "WaterDeliveries" SET "Withdrawn" = TRUE, "WithdrawalReason" = 'Withdrawn when the 5,000,000 AF ceiling per delivery was introduced (decision 0018): no delivery can be this large.'
                WHERE "VolumeAf" > 5000000;
                UPDATE "WaterDeliveries" SET "WeekOf" = date_trunc('week', "Date")::date WHERE NOT "Withdrawn";
                UPDATE "WaterDeliveries" AS d SET "Withdrawn" = TRUE, "WeekOf" = NULL, "WithdrawalReason" = 'Withdrawn when one delivery per week and source became a database rule (decision 0018): a later second delivery for the same week and source.'
                WHERE d."WeekOf" IS NOT NULL AND EXISTS (SELECT 1 FROM "WaterDeliveries" AS o
                    WHERE o."WeekOf" = d."WeekOf" AND o."Source" = d."Source" AND (o."CreatedAt", o."Id") < (d."CreatedAt", d."Id"));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_WaterDeliveries_WeekOf_Source",
                table: "WaterDeliveries",
                columns: new[] { "WeekOf", "Source" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WaterDeliveries_WeekOf_Source",
                table: "WaterDeliveries");

            migrationBuilder.DropColumn(
                name: "WeekOf",
                table: "WaterDeliveries");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "WaterDeliveries");

            migrationBuilder.DropColumn(
                name: "Withdrawn",
                table: "WaterDeliveries");
        }
    }
}
