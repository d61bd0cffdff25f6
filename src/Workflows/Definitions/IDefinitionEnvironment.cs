using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>What validation checks activity types and deadline rules against.</summary>
public interface IDefinitionEnvironment
{
    bool TryGetActivity(string type, out ActivityDescriptor descriptor);

    bool DeadlineRuleExists(string key);

    /// <summary>
    /// Routing and identity variables (the office, a case id) that only the code owning them sets: a message may never
    /// declare them in <c>vp:payload</c>.
    /// </summary>
    bool IsProtectedVariable(string name);
}
