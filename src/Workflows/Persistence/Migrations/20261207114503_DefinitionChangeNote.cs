using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verkstallighet.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DefinitionChangeNote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "change_note",
                schema: "workflows",
                table: "definitions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "change_note",
                schema: "workflows",
                table: "definitions");
        }
    }
}
