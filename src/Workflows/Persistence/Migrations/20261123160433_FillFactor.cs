using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verkstallighet.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FillFactor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "timers",
                schema: "workflows")
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.AlterTable(
                name: "instances",
                schema: "workflows")
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "timers",
                schema: "workflows")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.AlterTable(
                name: "instances",
                schema: "workflows")
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 70);
        }
    }
}
