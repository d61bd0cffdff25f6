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

    /// <summary>
    /// The roles a task may be offered to, which another tool's candidate group (<c>camunda:candidateGroups</c>,
    /// <c>zeebe:assignmentDefinition</c>) must name to be read as the task's candidate role. The domain knows them.
    /// </summary>
    IReadOnlyCollection<string> CandidateRoles => [];

    /// <summary>
    /// True when reading a version that is already published. The checks on imported files (explicit
    /// <c>isExecutable="false"</c>, FEEL/JUEL conditions, references outside the executable process, candidate groups
    /// that are no role) came after some versions were published; they are not applied again, so a stored version
    /// still loads and runs as it was accepted.
    /// </summary>
    bool IsPublishedVersion => false;
}
