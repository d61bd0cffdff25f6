using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Activities.Builtin;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Tests.Support;

/// <summary>Knows every activity type (unknown ones as a manual task) and every deadline rule, so mutations get past them to the structure.</summary>
internal sealed class AnyActivityEnvironment : IDefinitionEnvironment
{
    private readonly ActivityRegistry activities = new([new(typeof(ManualTask)), new(typeof(SetVariable)), new(typeof(AddPeriodToDate))]);

    public bool TryGetActivity(string type, out ActivityDescriptor descriptor) =>
        activities.TryGet(type, out descriptor) || activities.TryGet(ManualTask.TypeName, out descriptor);

    public bool DeadlineRuleExists(string key) => true;

    public bool IsProtectedVariable(string name) => name == "caseId";
}
