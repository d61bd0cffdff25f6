using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Verkstallighet.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "workflows");

            migrationBuilder.CreateTable(
                name: "clock_state",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    now = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clock_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deadline_rules",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    period = table.Column<string>(type: "text", nullable: false),
                    legal_reference = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    effective_from = table.Column<LocalDate>(type: "date", nullable: false),
                    move_to_next_working_day = table.Column<bool>(type: "boolean", nullable: false),
                    changed_by = table.Column<string>(type: "text", nullable: false),
                    change_reason = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deadline_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "definitions",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: true),
                    published_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "text", nullable: true),
                    retired_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_definitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "human_tasks",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bookmark_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    activity_type = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    definition_key = table.Column<string>(type: "text", nullable: true),
                    correlation_id = table.Column<string>(type: "text", nullable: true),
                    candidate_role = table.Column<string>(type: "text", nullable: false),
                    office = table.Column<string>(type: "text", nullable: true),
                    assignee = table.Column<string>(type: "text", nullable: true),
                    due_date = table.Column<LocalDate>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    claimed_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    completed_by = table.Column<string>(type: "text", nullable: true),
                    data = table.Column<string>(type: "jsonb", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_human_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    token_id = table.Column<string>(type: "text", nullable: true),
                    timer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    scope_instance_id = table.Column<string>(type: "text", nullable: true),
                    message = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    resolved_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "instances",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    definition_version = table.Column<int>(type: "integer", nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    variables = table.Column<string>(type: "jsonb", nullable: false),
                    state = table.Column<string>(type: "jsonb", nullable: false),
                    open_incidents = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    started_by = table.Column<string>(type: "text", nullable: true),
                    ended_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_instances", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "journal",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: true),
                    actor = table.Column<string>(type: "text", nullable: true),
                    data = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "timers",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    definition_id = table.Column<Guid>(type: "uuid", nullable: true),
                    bookmark_id = table.Column<Guid>(type: "uuid", nullable: true),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    due_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    due_date = table.Column<LocalDate>(type: "date", nullable: true),
                    deadline_rule_key = table.Column<string>(type: "text", nullable: true),
                    deadline_rule_version = table.Column<int>(type: "integer", nullable: true),
                    anchor_variable = table.Column<string>(type: "text", nullable: true),
                    anchor_date = table.Column<LocalDate>(type: "date", nullable: true),
                    repeats_remaining = table.Column<int>(type: "integer", nullable: true),
                    cycle_interval = table.Column<string>(type: "text", nullable: true),
                    locked_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    fired_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    cancelled_because = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    cancelled_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    waived_by = table.Column<string>(type: "text", nullable: true),
                    waiver_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bookmarks",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    token_id = table.Column<string>(type: "text", nullable: true),
                    scope_instance_id = table.Column<string>(type: "text", nullable: true),
                    message_name = table.Column<string>(type: "text", nullable: true),
                    correlation_id = table.Column<string>(type: "text", nullable: true),
                    due_date = table.Column<LocalDate>(type: "date", nullable: true),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookmarks", x => x.id);
                    table.ForeignKey(
                        name: "FK_bookmarks_instances_instance_id",
                        column: x => x.instance_id,
                        principalSchema: "workflows",
                        principalTable: "instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bookmarks_instance_id",
                schema: "workflows",
                table: "bookmarks",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_bookmarks_message_name_correlation_id",
                schema: "workflows",
                table: "bookmarks",
                columns: new[] { "message_name", "correlation_id" },
                filter: "kind = 'Message'");

            migrationBuilder.CreateIndex(
                name: "ix_deadline_rules_key_version",
                schema: "workflows",
                table: "deadline_rules",
                columns: new[] { "key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_definitions_key_version",
                schema: "workflows",
                table: "definitions",
                columns: new[] { "key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_definitions_one_draft_per_key",
                schema: "workflows",
                table: "definitions",
                column: "key",
                unique: true,
                filter: "status = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "ix_human_tasks_assignee_status",
                schema: "workflows",
                table: "human_tasks",
                columns: new[] { "assignee", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_human_tasks_bookmark_id",
                schema: "workflows",
                table: "human_tasks",
                column: "bookmark_id");

            migrationBuilder.CreateIndex(
                name: "ix_human_tasks_instance_id",
                schema: "workflows",
                table: "human_tasks",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_human_tasks_office_status",
                schema: "workflows",
                table: "human_tasks",
                columns: new[] { "office", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_instance_id",
                schema: "workflows",
                table: "incidents",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_instances_correlation_id",
                schema: "workflows",
                table: "instances",
                column: "correlation_id");

            migrationBuilder.CreateIndex(
                name: "ix_instances_definition_key_status",
                schema: "workflows",
                table: "instances",
                columns: new[] { "definition_key", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_journal_instance_id_id",
                schema: "workflows",
                table: "journal",
                columns: new[] { "instance_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_timers_bookmark_id",
                schema: "workflows",
                table: "timers",
                column: "bookmark_id");

            migrationBuilder.CreateIndex(
                name: "ix_timers_instance_id",
                schema: "workflows",
                table: "timers",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_timers_pending_due",
                schema: "workflows",
                table: "timers",
                column: "due_at",
                filter: "status = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bookmarks",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "clock_state",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "deadline_rules",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "definitions",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "human_tasks",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "incidents",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "journal",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "timers",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "instances",
                schema: "workflows");
        }
    }
}
