using System.Xml.Linq;
using static Verkstallighet.Workflows.Definitions.BpmnVocabulary;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// Reads the candidate group other tools give a user task (Camunda 7's <c>camunda:candidateGroups</c>, Zeebe's
/// <c>&lt;zeebe:assignmentDefinition candidateGroups="…"/&gt;</c>) as the task's candidate role. A task is offered to one
/// role, so only a single group that names one of the environment's roles maps; anything else is a problem on the task.
/// </summary>
internal sealed class CandidateGroupReader(ParseSession session)
{
    /// <summary>The role the task's foreign candidate group names; null when it has none or it does not map (reported).</summary>
    public string? Read(XElement task, string id)
    {
        var (source, groups) = Declared(task);
        if (string.IsNullOrWhiteSpace(groups))
        {
            return null;
        }

        // A stored version read its foreign groups as nothing before they were mapped; one that does not map stays so.
        var report = !session.Environment.IsPublishedVersion;
        var roles = session.Environment.CandidateRoles;
        if (IsFeelOrJuel(groups))
        {
            if (report)
            {
                session.Problem(id, $"{source} '{groups.Trim()}' is an expression, and FEEL/JUEL is not supported; name one role instead.{Allowed(roles)}");
            }

            return null;
        }

        var names = groups.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var role = names.Length == 1 ? roles.FirstOrDefault(r => string.Equals(r, names[0], StringComparison.OrdinalIgnoreCase)) : null;
        if (role is null && report)
        {
            session.Problem(id, names.Length > 1
                ? $"{source} lists several groups ('{groups.Trim()}'), but a task is offered to one role.{Allowed(roles)}"
                : $"{source} '{groups.Trim()}' is not one of the roles a task can be offered to.{Allowed(roles)}");
        }

        return role;
    }

    private static (string Source, string? Groups) Declared(XElement task)
    {
        if ((string?)task.Attribute(Camunda + "candidateGroups") is { } camunda)
        {
            return ("camunda:candidateGroups", camunda);
        }

        var assignment = task.Element(Bpmn + "extensionElements")?.Element(Zeebe + "assignmentDefinition");
        return ("zeebe:assignmentDefinition candidateGroups", (string?)assignment?.Attribute("candidateGroups"));
    }

    private static string Allowed(IReadOnlyCollection<string> roles) =>
        roles.Count == 0 ? " No roles are configured to map it to." : $" The roles are: {string.Join(", ", roles)}.";
}
