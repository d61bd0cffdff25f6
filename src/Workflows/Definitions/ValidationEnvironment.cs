using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// The environment for validating new documents: the registered activities, the stored deadline rules and the routing
/// variables the domain protects.
/// </summary>
public sealed class ValidationEnvironment(ActivityRegistry activities, IReadOnlySet<string> deadlineRules, IReadOnlySet<string>? protectedVariables = null) : IDefinitionEnvironment
{
    public bool TryGetActivity(string type, out ActivityDescriptor descriptor) => activities.TryGet(type, out descriptor);

    public bool DeadlineRuleExists(string key) => deadlineRules.Contains(key);

    public bool IsProtectedVariable(string name) => protectedVariables?.Contains(name) == true;
}
