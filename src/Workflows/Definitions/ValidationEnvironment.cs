using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// The environment for validating new documents: the registered activities, the stored deadline rules, the routing
/// variables the domain protects and the roles a task may be offered to.
/// </summary>
public sealed class ValidationEnvironment(
    ActivityRegistry activities,
    IReadOnlySet<string> deadlineRules,
    IReadOnlySet<string>? protectedVariables = null,
    IReadOnlyCollection<string>? candidateRoles = null) : IDefinitionEnvironment
{
    public bool TryGetActivity(string type, out ActivityDescriptor descriptor) => activities.TryGet(type, out descriptor);

    public bool DeadlineRuleExists(string key) => deadlineRules.Contains(key);

    public bool IsProtectedVariable(string name) => protectedVariables?.Contains(name) == true;

    public IReadOnlyCollection<string> CandidateRoles { get; } = candidateRoles ?? [];

    public bool IsPublishedVersion => false;
}
