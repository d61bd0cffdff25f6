using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Verkstallighet.Activities.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CourtStatements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "court_statements",
                schema: "verkstallighet",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    current_situation = table.Column<string>(type: "text", nullable: false),
                    supervision_outcome = table.Column<string>(type: "text", nullable: false),
                    client_view = table.Column<string>(type: "text", nullable: false),
                    continued_supervision = table.Column<string>(type: "text", nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    finalised_by = table.Column<string>(type: "text", nullable: true),
                    finalised_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_court_statements", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_court_statements_case_id_number",
                schema: "verkstallighet",
                table: "court_statements",
                columns: new[] { "case_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_court_statements_one_draft_per_case",
                schema: "verkstallighet",
                table: "court_statements",
                column: "case_id",
                unique: true,
                filter: "status = 'Draft'");

            // A finalised statement is immutable: the service never changes one, and the database refuses to as well.
            migrationBuilder.Sql("""
                CREATE FUNCTION verkstallighet.court_statement_final_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'court statement % is final and cannot be changed', OLD.id USING ERRCODE = 'check_violation';
                END $$;
                CREATE TRIGGER court_statement_final_is_immutable BEFORE UPDATE OR DELETE ON verkstallighet.court_statements
                    FOR EACH ROW WHEN (OLD.status = 'Final') EXECUTE FUNCTION verkstallighet.court_statement_final_is_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "court_statements",
                schema: "verkstallighet");

            migrationBuilder.Sql("DROP FUNCTION verkstallighet.court_statement_final_is_immutable();");
        }
    }
}
