using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Verkstallighet.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CycleFromStart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "cycle_occurrence",
                schema: "workflows",
                table: "timers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Instant>(
                name: "cycle_start",
                schema: "workflows",
                table: "timers",
                type: "timestamp with time zone",
                nullable: true);

            // A cycle stored before this counts on from the occurrence it waits for.
            migrationBuilder.Sql("UPDATE workflows.timers SET cycle_start = due_at WHERE cycle_interval IS NOT NULL AND status = 'Pending';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "cycle_occurrence",
                schema: "workflows",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "cycle_start",
                schema: "workflows",
                table: "timers");
        }
    }
}
