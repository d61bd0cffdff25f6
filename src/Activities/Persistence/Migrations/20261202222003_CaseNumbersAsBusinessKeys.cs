using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verkstallighet.Activities.Persistence.Migrations
{
    /// <summary>
    /// Cases created before the inbox sorted by case give their number to their instances and open tasks as the business
    /// key, as new cases do when they start. Runs after the engine's migrations (the Host migrates the engine first).
    /// </summary>
    public partial class CaseNumbersAsBusinessKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE workflows.instances AS i SET business_key = c.number::text
                FROM verkstallighet.cases AS c
                WHERE i.correlation_id = c.id::text AND i.business_key IS NULL;

                UPDATE workflows.human_tasks AS t SET business_key = c.number::text
                FROM verkstallighet.cases AS c
                WHERE t.correlation_id = c.id::text AND t.business_key IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The engine's columns stay; its own migration drops them.
        }
    }
}
