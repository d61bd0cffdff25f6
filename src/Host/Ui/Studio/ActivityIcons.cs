using MudBlazor;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Host.Ui.Studio;

/// <summary>
/// The palette's icon for an activity (Material icons, as in the rest of the UI). An icon is the UI's business, so the
/// activities do not carry one; an activity not listed gets the icon of its kind.
/// </summary>
public static class ActivityIcons
{
    private static readonly Dictionary<string, string> ByType = new(StringComparer.Ordinal)
    {
        ["RiskAssessment"] = Icons.Material.Filled.Assessment,
        ["DraftPlan"] = Icons.Material.Filled.EditNote,
        ["EstablishPlan"] = Icons.Material.Filled.Verified,
        ["FollowUp"] = Icons.Material.Filled.EventRepeat,
        ["TransferCase"] = Icons.Material.Filled.MoveUp,
        ["MisconductReview"] = Icons.Material.Filled.Gavel,
        ["CloseCase"] = Icons.Material.Filled.Archive,
        ["ManualTask"] = Icons.Material.Filled.TaskAlt,
        ["SetVariable"] = Icons.Material.Filled.DataObject,
        ["AddPeriodToDate"] = Icons.Material.Filled.EditCalendar,
    };

    public static string For(ActivityDescriptor descriptor) =>
        ByType.GetValueOrDefault(descriptor.Type)
        ?? (descriptor.Kind == ActivityKind.Human ? Icons.Material.Filled.Person : Icons.Material.Filled.Settings);
}
