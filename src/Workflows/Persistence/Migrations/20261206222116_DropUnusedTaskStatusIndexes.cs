using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verkstallighet.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DropUnusedTaskStatusIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_human_tasks_assignee_status",
                schema: "workflows",
                table: "human_tasks");

            migrationBuilder.DropIndex(
                name: "ix_human_tasks_office_status",
                schema: "workflows",
                table: "human_tasks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_human_tasks_assignee_status",
                schema: "workflows",
                table: "human_tasks",
                columns: new[] { "assignee", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_human_tasks_office_status",
                schema: "workflows",
                table: "human_tasks",
                columns: new[] { "office", "status" });
        }
    }
}
