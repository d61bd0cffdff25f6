using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Runtime;

// The bookmarks are tracked, so the change tracker also puts them in the instance's Bookmarks.
internal sealed record TimerWithInstance(WorkflowTimer Timer, WorkflowInstance? Instance, List<Bookmark> Bookmarks);
