namespace Verkstallighet.Workflows.Definitions;

public sealed class DefinitionOptions
{
    /// <summary>
    /// How long validating one document (on validate, save and publish) may take before it is refused. Real models
    /// take milliseconds; the budget stops a hostile one from keeping a core busy.
    /// </summary>
    public TimeSpan ValidationBudget { get; set; } = TimeSpan.FromSeconds(5);
}
