using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Verkstallighet.Activities.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlanKollegium : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<LocalDate>(
                name: "kollegium_date",
                schema: "verkstallighet",
                table: "plans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kollegium_participants",
                schema: "verkstallighet",
                table: "plans",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "kollegium_date",
                schema: "verkstallighet",
                table: "plans");

            migrationBuilder.DropColumn(
                name: "kollegium_participants",
                schema: "verkstallighet",
                table: "plans");
        }
    }
}
