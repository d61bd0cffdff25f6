using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Verkstallighet.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WaivedAndResolvedDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "resolved_at",
                schema: "workflows",
                table: "timers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolved_because",
                schema: "workflows",
                table: "timers",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "waived_at",
                schema: "workflows",
                table: "timers",
                type: "timestamp with time zone",
                nullable: true);

            // Waivers made before this recorded only the cancellation.
            migrationBuilder.Sql("UPDATE workflows.timers SET waived_at = cancelled_at WHERE cancelled_because = 'Waived';");

            // The reports read the outcome of each deadline from this index alone.
            migrationBuilder.Sql("DROP INDEX workflows.ix_timers_deadlines_due;");
            migrationBuilder.Sql("""
                CREATE INDEX ix_timers_deadlines_due ON workflows.timers (due_date)
                INCLUDE (deadline_rule_key, instance_id, status, cancelled_because, waived_at)
                WHERE deadline_rule_key IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX workflows.ix_timers_deadlines_due;");
            migrationBuilder.Sql("""
                CREATE INDEX ix_timers_deadlines_due ON workflows.timers (due_date)
                INCLUDE (deadline_rule_key, instance_id, status, cancelled_because)
                WHERE deadline_rule_key IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "resolved_at",
                schema: "workflows",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "resolved_because",
                schema: "workflows",
                table: "timers");

            migrationBuilder.DropColumn(
                name: "waived_at",
                schema: "workflows",
                table: "timers");
        }
    }
}
