using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Host.Ui.Studio;

/// <summary>One workflow in Studio's list: its draft, and its versions with how many instances run on each.</summary>
public sealed record StudioWorkflowRow(string Key, string? Name, WorkflowDefinition? Draft, IReadOnlyList<StudioVersionRow> Versions)
{
    public static IReadOnlyList<StudioWorkflowRow> From(IEnumerable<WorkflowDefinition> definitions, IReadOnlyDictionary<Guid, int> running, bool includeDraftOnly) =>
        definitions.GroupBy(d => d.Key)
            .Select(g =>
            {
                var versions = g.Where(d => d.Version is not null).OrderByDescending(d => d.Version)
                    .Select(d => new StudioVersionRow(d, running.GetValueOrDefault(d.Id))).ToList();
                var draft = includeDraftOnly ? g.FirstOrDefault(d => d.Status == DefinitionStatus.Draft) : null;
                var name = versions.FirstOrDefault()?.Definition.Name ?? draft?.Name;
                return new StudioWorkflowRow(g.Key, name, draft, versions);
            })
            .Where(row => row.Versions.Count > 0 || row.Draft is not null)
            .OrderBy(row => row.Name ?? row.Key, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false))
            .ToList();
}
