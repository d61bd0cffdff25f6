using NodaTime;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>A failure at an element (an activity threw, an expression failed). The token stays there until retried.</summary>
public sealed class Incident
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public required string ElementId { get; set; }

    /// <summary>The token that failed, or null for a timer that could not be fired.</summary>
    public string? TokenId { get; set; }

    public Guid? TimerId { get; set; }

    /// <summary>For a failed event sub-process subscription: the scope instance it belongs to.</summary>
    public string? ScopeInstanceId { get; set; }

    public required string Message { get; set; }

    public Instant CreatedAt { get; set; }

    public Instant? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }
}
