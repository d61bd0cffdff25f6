using Verkstallighet.Host.Ui.Shell;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Host.Ui.Studio;

/// <summary>Which document Studio opens and how it saves one, with the same rules as the definitions API.</summary>
public static class StudioSources
{
    /// <summary>An editor opens the draft when there is one; everyone else, and an editor without a draft, the latest version.</summary>
    public static async Task<(WorkflowDefinition Definition, string Source)> OpenAsync(DefinitionService definitions, string key, bool canEdit)
    {
        if (canEdit)
        {
            try
            {
                var draft = await definitions.GetDraftAsync(key);
                return (draft, $"Utkast, senast sparat {SwedishTime.Format(draft.CreatedAt)} av {draft.CreatedBy}.");
            }
            catch (NotFoundException)
            {
                // No draft: the latest published version is where an edit starts.
            }
        }

        var versions = await definitions.ListAsync(key);
        var latest = versions.Where(v => v.Status == DefinitionStatus.Published).MaxBy(v => v.Version)
            ?? versions.Where(v => v.Version is not null).MaxBy(v => v.Version)
            ?? throw new NotFoundException($"Workflow '{key}' has no version.");
        return (latest, $"Version {latest.Version} ({(latest.Status == DefinitionStatus.Retired ? "tillbakadragen" : "publicerad")} {SwedishTime.Format(latest.PublishedAt ?? latest.CreatedAt)}).");
    }

    /// <summary>
    /// Saves the document as the draft of <paramref name="key"/> (it must be that workflow's process), or, without a
    /// key, of the workflow the document names (an import).
    /// </summary>
    public static async Task<(WorkflowDefinition Draft, ParsedDefinition Parsed)> SaveDraftAsync(DefinitionService definitions, string? key, string xml, Actor actor)
    {
        if (!StudioAccess.CanEdit(actor))
        {
            throw new ForbiddenException("Only process owners and administrators change workflows.");
        }

        return await definitions.SaveDraftAsync(xml, actor, key);
    }
}
