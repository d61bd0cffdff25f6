using NodaTime;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// One stored BPMN document. A key has at most one Draft, which has no version yet; publishing gives it the next
/// version number, after which the row never changes again (except for retiring it).
/// </summary>
public sealed class WorkflowDefinition
{
    public Guid Id { get; set; }

    public required string Key { get; set; }

    /// <summary>Null while a draft.</summary>
    public int? Version { get; set; }

    public DefinitionStatus Status { get; set; }

    public string? Name { get; set; }

    /// <summary>The document exactly as it was submitted, diagram included.</summary>
    public required string Xml { get; set; }

    public Instant CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public Instant? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public Instant? RetiredAt { get; set; }

    /// <summary>What the process owner wrote when publishing: why this version exists.</summary>
    public string? ChangeNote { get; set; }
}
