using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Verkstallighet.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReminderNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notifications",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recipient = table.Column<string>(type: "text", nullable: false),
                    candidate_role = table.Column<string>(type: "text", nullable: false),
                    timer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deadline_rule_key = table.Column<string>(type: "text", nullable: false),
                    deadline_rule_version = table.Column<int>(type: "integer", nullable: false),
                    legal_reference = table.Column<string>(type: "text", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    correlation_id = table.Column<string>(type: "text", nullable: true),
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_title = table.Column<string>(type: "text", nullable: false),
                    office = table.Column<string>(type: "text", nullable: true),
                    due_date = table.Column<LocalDate>(type: "date", nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    read_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_timers_pending_deadlines",
                schema: "workflows",
                table: "timers",
                columns: new[] { "deadline_rule_key", "deadline_rule_version", "due_date" },
                filter: "status = 'Pending' AND deadline_rule_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_recipient_kind_recipient_created_at",
                schema: "workflows",
                table: "notifications",
                columns: new[] { "recipient_kind", "recipient", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_timer_id_deadline_rule_version",
                schema: "workflows",
                table: "notifications",
                columns: new[] { "timer_id", "deadline_rule_version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notifications",
                schema: "workflows");

            migrationBuilder.DropIndex(
                name: "ix_timers_pending_deadlines",
                schema: "workflows",
                table: "timers");
        }
    }
}
