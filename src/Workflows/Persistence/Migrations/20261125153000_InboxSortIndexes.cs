using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verkstallighet.Workflows.Persistence.Migrations
{
    /// <summary>
    /// Partial indexes on open tasks in the inbox's sort order (due date with none last, created, id), one per way the
    /// inbox narrows the list, so that a page reads only its own rows. EF cannot model an expression index, hence SQL;
    /// the model snapshot does not list them. See <see cref="Tasks.TaskListSql"/>.
    /// </summary>
    [DbContext(typeof(WorkflowsDbContext))]
    [Migration("20261125153000_InboxSortIndexes")]
    public partial class InboxSortIndexes : Migration
    {
        private const string Sort = "COALESCE(due_date, 'infinity'::date), created_at, id";

        private static readonly (string Name, string Leading)[] Indexes =
        [
            ("ix_human_tasks_open_office_sort", "office"),
            ("ix_human_tasks_open_assignee_sort", "assignee"),
            ("ix_human_tasks_open_role_sort", "candidate_role, office"),
            ("ix_human_tasks_open_correlation_sort", "correlation_id"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, leading) in Indexes)
            {
                migrationBuilder.Sql($"CREATE INDEX {name} ON workflows.human_tasks ({leading}, {Sort}) WHERE status = 'Open';");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _) in Indexes)
            {
                migrationBuilder.Sql($"DROP INDEX workflows.{name};");
            }
        }
    }
}
