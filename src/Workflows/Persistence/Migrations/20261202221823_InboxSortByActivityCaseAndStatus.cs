using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verkstallighet.Workflows.Persistence.Migrations
{
    /// <summary>
    /// The inbox sorts by activity, case and status as well as by due date: a business key (the case number) on instances
    /// and their tasks, the ICU collation text keys compare with, and a partial index on open tasks per sort for the two
    /// ways the inbox narrows a large list (office; role and office). Expression indexes are SQL, so the model snapshot
    /// does not list them. Each holds the expressions of Tasks.TaskListSql.TextKey as they are today, written out so that
    /// this migration means the same whatever that code becomes; TaskListSqlIndexTests check the plans use them.
    /// </summary>
    public partial class InboxSortByActivityCaseAndStatus : Migration
    {
        private const string DueKeys = "COALESCE(due_date, 'infinity'::date), created_at, id";

        private static readonly (string Name, string Key)[] Sorts =
        [
            ("activity", "(title COLLATE workflows.natural_sort)"),
            ("case", "(COALESCE(business_key, '') COLLATE workflows.natural_sort)"),
            ("status", "(COALESCE(assignee, '') COLLATE workflows.natural_sort)"),
        ];

        private static readonly (string Name, string Leading)[] Lists = [("office", "office"), ("role", "candidate_role, office")];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "business_key",
                schema: "workflows",
                table: "instances",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "business_key",
                schema: "workflows",
                table: "human_tasks",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // Swedish letter order, digits compared as numbers; deterministic, so equal keys are equal and a btree works.
            migrationBuilder.Sql("CREATE COLLATION IF NOT EXISTS workflows.natural_sort (provider = icu, locale = 'sv-u-kn-true');");
            foreach (var (name, leading, key) in Indexes())
            {
                migrationBuilder.Sql($"CREATE INDEX {name} ON workflows.human_tasks ({leading}, {key}, {DueKeys}) WHERE status = 'Open';");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _, _) in Indexes())
            {
                migrationBuilder.Sql($"DROP INDEX workflows.{name};");
            }

            migrationBuilder.Sql("DROP COLLATION workflows.natural_sort;");
            migrationBuilder.DropColumn(
                name: "business_key",
                schema: "workflows",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "business_key",
                schema: "workflows",
                table: "human_tasks");
        }

        private static IEnumerable<(string Name, string Leading, string Key)> Indexes() =>
            from list in Lists from sort in Sorts select ($"ix_human_tasks_open_{list.Name}_by_{sort.Name}", list.Leading, sort.Key);
    }
}
