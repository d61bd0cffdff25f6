using NodaTime;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>A running (or finished) workflow. Its variables and token state are JSON documents.</summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }

    public Guid DefinitionId { get; set; }

    public required string DefinitionKey { get; set; }

    public int DefinitionVersion { get; set; }

    /// <summary>The business key messages can be correlated by, e.g. a case id.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>What people call the instance (a case number); the inbox shows and sorts by it. See <see cref="StartInstance.BusinessKey"/>.</summary>
    public string? BusinessKey { get; set; }

    public InstanceStatus Status { get; set; }

    /// <summary>
    /// The office the instance belongs to: set at start (the starter's, or one a permitted role chose), changed only by an
    /// activity that moves the instance. Null for an instance of no office (one a timer started, say).
    /// </summary>
    public string? Office { get; set; }

    /// <summary>The variables: one JSON object.</summary>
    public string Variables { get; set; } = "{}";

    /// <summary>The scopes and tokens: a serialized <see cref="ExecutionState"/>.</summary>
    public string State { get; set; } = "{}";

    public int OpenIncidents { get; set; }

    public Instant StartedAt { get; set; }

    public string? StartedBy { get; set; }

    public Instant? EndedAt { get; set; }

    /// <summary>Incremented by every step; a step that saw an older revision lost a race and is retried.</summary>
    public int Revision { get; set; }

    /// <summary>Where the instance waits now: loaded with the instance in one query by every step.</summary>
    public List<Bookmark> Bookmarks { get; set; } = [];
}
