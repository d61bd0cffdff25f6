using Verkstallighet.Activities.Cases;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Host.Ui.Studio;

/// <summary>The date variables a timer may count from: the case's own dates and every activity's date outputs.</summary>
public static class StudioAnchors
{
    public static IReadOnlyList<string> From(IEnumerable<ActivityDescriptor> activities) =>
        CaseVariables.Dates
            .Concat(activities.SelectMany(a => a.Outputs).Where(o => o.Type == "date").Select(o => o.DefaultVariable))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
