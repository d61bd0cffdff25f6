using NodaTime;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>A bookmark re-pointed by a migration: its new element, the message it then waits for, and its copy of a timer's due date.</summary>
internal sealed record BookmarkMove(Bookmark Bookmark, string ElementId, string? MessageName, LocalDate? DueDate);
