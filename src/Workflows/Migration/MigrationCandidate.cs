using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>
/// A selected instance with its bookmarks, and what a migration re-points with it: its pending timers, its fired
/// deadlines not yet resolved, and its open tasks.
/// </summary>
internal sealed record MigrationCandidate(WorkflowInstance Instance, List<WorkflowTimer> Timers, List<HumanTask> Tasks);
