using Verkstallighet.Host.Ui.Tasks.Forms;

namespace Verkstallighet.Host.Ui.Tasks;

/// <summary>
/// Which component shows the form of an activity type: hand-made where the schema alone makes a poor form (a plan's
/// measures, the follow-up of each measure, the kollegium), otherwise the form generated from the JSON Schema.
/// </summary>
public static class TaskFormTypes
{
    private static readonly Dictionary<string, Type> HandMade = new(StringComparer.Ordinal)
    {
        ["RiskAssessment"] = typeof(RiskAssessmentForm),
        ["DraftPlan"] = typeof(DraftPlanForm),
        ["EstablishPlan"] = typeof(EstablishPlanForm),
        ["FollowUp"] = typeof(FollowUpForm),
    };

    public static Type For(string activityType) => HandMade.TryGetValue(activityType, out var type) ? type : typeof(SchemaForm);
}
