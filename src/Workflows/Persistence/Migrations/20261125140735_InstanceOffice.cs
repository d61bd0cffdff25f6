using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verkstallighet.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InstanceOffice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "office",
                schema: "workflows",
                table: "instances",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // Until now the office lived only in the variables, where a message could rewrite it; it is taken from there
            // once, and from now on the engine keeps the variable as a mirror of the column.
            migrationBuilder.Sql("""
                UPDATE workflows.instances
                SET office = left(variables->>'office', 200)
                WHERE jsonb_typeof(variables->'office') = 'string';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "office",
                schema: "workflows",
                table: "instances");
        }
    }
}
