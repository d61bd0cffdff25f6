namespace Verkstallighet.Workflows.Definitions;

public sealed class DefinitionOptions
{
    /// <summary>
    /// How long validating one document (on validate, save and publish) may take before it is refused. Real models
    /// take milliseconds; the budget stops a hostile one from keeping a core busy.
    /// </summary>
    public TimeSpan ValidationBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The roles a task may be offered to; the domain sets them. Another tool's candidate group is read as a task's
    /// candidate role only when it names one of these.
    /// </summary>
    public HashSet<string> CandidateRoles { get; } = new(StringComparer.Ordinal);
}
