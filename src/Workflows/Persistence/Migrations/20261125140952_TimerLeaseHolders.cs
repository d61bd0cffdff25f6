using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Verkstallighet.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TimerLeaseHolders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "locked_by",
                schema: "workflows",
                table: "timers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "timer_lease_holders",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    started_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    heartbeat_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timer_lease_holders", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "timer_lease_holders",
                schema: "workflows");

            migrationBuilder.DropColumn(
                name: "locked_by",
                schema: "workflows",
                table: "timers");
        }
    }
}
