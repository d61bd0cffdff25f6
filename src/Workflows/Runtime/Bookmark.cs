using NodaTime;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// A point where an instance waits: an open human task, a message subscription or a pending timer. Resuming a
/// bookmark is how the outside world moves an instance on.
/// </summary>
public sealed class Bookmark
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public BookmarkKind Kind { get; set; }

    /// <summary>The element that is triggered: a task, a catch event, a boundary event or an event sub-process's start event.</summary>
    public required string ElementId { get; set; }

    /// <summary>The token that waits (for a boundary event: the activity's token). Null for event sub-process starts.</summary>
    public string? TokenId { get; set; }

    /// <summary>For event sub-process starts: the scope instance whose lifetime the subscription has.</summary>
    public string? ScopeInstanceId { get; set; }

    public string? MessageName { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>For a timer: the date it is due, so tasks inside a sub-process can show their scope's deadline.</summary>
    public LocalDate? DueDate { get; set; }

    public Instant CreatedAt { get; set; }
}
