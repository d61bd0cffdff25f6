using NodaTime;

namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>An open human task re-pointed by a migration: the same task (and id), at the target element, with its title.</summary>
public sealed record TaskChange(
    Guid TaskId,
    string FromElement,
    string ToElement,
    string OldTitle,
    string NewTitle,
    string NewActivityType,
    LocalDate? OldDueDate,
    LocalDate? NewDueDate);
