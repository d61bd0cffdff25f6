using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Verkstallighet.Activities.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseNumberAndNameSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<long>(
                name: "number",
                schema: "verkstallighet",
                table: "cases",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.CreateIndex(
                name: "ix_cases_client_name",
                schema: "verkstallighet",
                table: "cases",
                column: "client_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_number",
                schema: "verkstallighet",
                table: "cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_number",
                schema: "verkstallighet",
                table: "cases",
                columns: new[] { "office", "number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_client_name",
                schema: "verkstallighet",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_number",
                schema: "verkstallighet",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_office_number",
                schema: "verkstallighet",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "number",
                schema: "verkstallighet",
                table: "cases");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
