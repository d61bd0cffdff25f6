using NodaTime;

namespace Verkstallighet.Activities.Cases;

/// <summary>One line of the access log: who read or wrote which case, when, and what.</summary>
public sealed class AccessLogEntry
{
    public long Id { get; set; }

    public Instant At { get; set; }

    public required string UserId { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>Read, Write or Denied.</summary>
    public required string Kind { get; set; }

    /// <summary>What was read or written, e.g. "case", "plan 2", "task RiskAssessment". Never personal data.</summary>
    public required string What { get; set; }
}
