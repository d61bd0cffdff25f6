using NodaTime;

namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>
/// What a migration does to one pending timer: it follows its element (<paramref name="ToElement"/>), keeping or
/// recomputing its due time, or it is cancelled with a dropped event (<paramref name="ToElement"/> null).
/// </summary>
public sealed record TimerChange(
    Guid TimerId,
    string FromElement,
    string? ToElement,
    TimerMigrationChoice Choice,
    Instant OldDueAt,
    Instant? NewDueAt,
    LocalDate? OldDueDate,
    LocalDate? NewDueDate)
{
    public bool Cancelled => ToElement is null;
}
