using NodaTime;

namespace Verkstallighet.Workflows.Journal;

/// <summary>One line of an instance's append-only audit trail: what happened, when, where, by whom, with what data.</summary>
public sealed class JournalEntry
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public Instant At { get; set; }

    public required string Kind { get; set; }

    public string? ElementId { get; set; }

    public string? Actor { get; set; }

    /// <summary>JSON, or null.</summary>
    public string? Data { get; set; }
}
