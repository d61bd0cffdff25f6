using Verkstallighet.Workflows.Tasks;

namespace Verkstallighet.Workflows.Runtime;

// The bookmarks are tracked, so the change tracker also puts them in the instance's Bookmarks.
internal sealed record TaskWithInstance(HumanTask Task, WorkflowInstance? Instance, List<Bookmark> Bookmarks);
