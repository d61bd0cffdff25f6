using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verkstallighet.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeadlineRuleReminderAndPastConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "past_effective_date_confirmed",
                schema: "workflows",
                table: "deadline_rules",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "reminder_lead_time",
                schema: "workflows",
                table: "deadline_rules",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "past_effective_date_confirmed",
                schema: "workflows",
                table: "deadline_rules");

            migrationBuilder.DropColumn(
                name: "reminder_lead_time",
                schema: "workflows",
                table: "deadline_rules");
        }
    }
}
