using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verkstallighet.Workflows.Persistence.Migrations
{
    /// <summary>
    /// Partial indexes on deadline timers by due date, for the chiefs' overview and the office reports: one over the
    /// deadlines still open or missed (pending or fired), which lists what is overdue; one over every deadline, covering
    /// the columns the reports count, so a year of deadlines is aggregated from the index alone. Timers carry no office;
    /// the queries keep an office's rows through the instance and case joins. Hand-written SQL (an INCLUDE list on a
    /// partial index), so the model snapshot does not list them.
    /// </summary>
    [DbContext(typeof(WorkflowsDbContext))]
    [Migration("20261125170000_DeadlineReportIndexes")]
    public partial class DeadlineReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX ix_timers_deadlines_open_due ON workflows.timers (due_date) INCLUDE (instance_id)
                WHERE deadline_rule_key IS NOT NULL AND status IN ('Pending', 'Fired');
                """);
            migrationBuilder.Sql("""
                CREATE INDEX ix_timers_deadlines_due ON workflows.timers (due_date)
                INCLUDE (deadline_rule_key, instance_id, status, cancelled_because)
                WHERE deadline_rule_key IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX workflows.ix_timers_deadlines_open_due;");
            migrationBuilder.Sql("DROP INDEX workflows.ix_timers_deadlines_due;");
        }
    }
}
