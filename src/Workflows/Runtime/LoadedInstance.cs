using Verkstallighet.Workflows.Definitions;
namespace Verkstallighet.Workflows.Runtime;

/// <summary>An instance loaded for a step, with the step made for it.</summary>
internal sealed record LoadedInstance(WorkflowInstance Instance, ProcessModel Model, InstanceStep Step, List<Bookmark> Bookmarks, List<Incident> Incidents);
