using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Verkstallighet.Activities.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "verkstallighet");

            migrationBuilder.CreateTable(
                name: "access_log",
                schema: "verkstallighet",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    what = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                schema: "verkstallighet",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_name = table.Column<string>(type: "text", nullable: false),
                    personnummer = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: false),
                    office = table.Column<string>(type: "text", nullable: false),
                    sanction = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    judgment_enforceable = table.Column<LocalDate>(type: "date", nullable: true),
                    supervision_start = table.Column<LocalDate>(type: "date", nullable: true),
                    supervision_end = table.Column<LocalDate>(type: "date", nullable: true),
                    release_date = table.Column<LocalDate>(type: "date", nullable: true),
                    community_service_hours = table.Column<int>(type: "integer", nullable: true),
                    workflow_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "follow_ups",
                schema: "verkstallighet",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_version = table.Column<int>(type: "integer", nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    measures = table.Column<string>(type: "jsonb", nullable: false),
                    decision = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    notes = table.Column<string>(type: "text", nullable: true),
                    by = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_ups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "misconduct_reviews",
                schema: "verkstallighet",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reasons = table.Column<string>(type: "text", nullable: false),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decided_by = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_misconduct_reviews", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "plans",
                schema: "verkstallighet",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    client_participation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    participation_reason = table.Column<string>(type: "text", nullable: true),
                    measures = table.Column<string>(type: "jsonb", nullable: false),
                    drafted_by = table.Column<string>(type: "text", nullable: false),
                    drafted_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "text", nullable: true),
                    decided_at = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    return_comment = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_assessments",
                schema: "verkstallighet",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    risk_level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    factors = table.Column<string>(type: "jsonb", nullable: false),
                    risk_management_measures = table.Column<string>(type: "text", nullable: false),
                    needs = table.Column<string>(type: "text", nullable: false),
                    assessed_by = table.Column<string>(type: "text", nullable: false),
                    assessed_at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transfers",
                schema: "verkstallighet",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_office = table.Column<string>(type: "text", nullable: false),
                    to_office = table.Column<string>(type: "text", nullable: true),
                    to_country = table.Column<string>(type: "text", nullable: true),
                    transfer_date = table.Column<LocalDate>(type: "date", nullable: false),
                    by = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_access_log_case_id_at",
                schema: "verkstallighet",
                table: "access_log",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_status",
                schema: "verkstallighet",
                table: "cases",
                columns: new[] { "office", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_personnummer",
                schema: "verkstallighet",
                table: "cases",
                column: "personnummer");

            migrationBuilder.CreateIndex(
                name: "ix_cases_workflow_instance_id",
                schema: "verkstallighet",
                table: "cases",
                column: "workflow_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_case_id",
                schema: "verkstallighet",
                table: "follow_ups",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_misconduct_reviews_case_id",
                schema: "verkstallighet",
                table: "misconduct_reviews",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_case_id_version",
                schema: "verkstallighet",
                table: "plans",
                columns: new[] { "case_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_assessments_case_id",
                schema: "verkstallighet",
                table: "risk_assessments",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfers_case_id",
                schema: "verkstallighet",
                table: "transfers",
                column: "case_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_log",
                schema: "verkstallighet");

            migrationBuilder.DropTable(
                name: "cases",
                schema: "verkstallighet");

            migrationBuilder.DropTable(
                name: "follow_ups",
                schema: "verkstallighet");

            migrationBuilder.DropTable(
                name: "misconduct_reviews",
                schema: "verkstallighet");

            migrationBuilder.DropTable(
                name: "plans",
                schema: "verkstallighet");

            migrationBuilder.DropTable(
                name: "risk_assessments",
                schema: "verkstallighet");

            migrationBuilder.DropTable(
                name: "transfers",
                schema: "verkstallighet");
        }
    }
}
