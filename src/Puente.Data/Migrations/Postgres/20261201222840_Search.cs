using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Puente.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    TitleEn = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    TitleEs = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    BodyEn = table.Column<string>(type: "text", nullable: false),
                    BodyEs = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_RecordId_Type",
                table: "SearchEntries",
                columns: new[] { "RecordId", "Type" },
                unique: true);

            // PostgreSQL full-text search (docs/decisions/0049-search.md): a tsvector of the title (weight A) and the
            // text (B), each under the english and spanish configurations of the unaccented text and the spanish one
            // of the text as written (Spanish suffix rules are written with accents); kept by a trigger in the same
            // transaction as every change of an entry, indexed with GIN. unaccent is a trusted extension.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("""ALTER TABLE "SearchEntries" ADD COLUMN "SearchVector" tsvector NOT NULL DEFAULT ''::tsvector;""");
            migrationBuilder.Sql("""
                CREATE FUNCTION puente_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    title text := coalesce(NEW."TitleEn", '') || ' ' || coalesce(NEW."TitleEs", '');
                    body text := coalesce(NEW."BodyEn", '') || ' ' || coalesce(NEW."BodyEs", '');
                BEGIN
                    NEW."SearchVector" :=
                        setweight(to_tsvector('english', unaccent(title)) || to_tsvector('spanish', unaccent(title)) || to_tsvector('spanish', title), 'A')
                        || setweight(to_tsvector('english', unaccent(body)) || to_tsvector('spanish', unaccent(body)) || to_tsvector('spanish', body), 'B');
                    RETURN NEW;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchEntries_vector" BEFORE INSERT OR UPDATE OF "TitleEn", "TitleEs", "BodyEn", "BodyEs" ON "SearchEntries"
                    FOR EACH ROW EXECUTE FUNCTION puente_search_vector();
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_SearchVector" ON "SearchEntries" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION puente_search_vector() CASCADE;");
            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
