using NodaTime;

namespace Verkstallighet.Activities.FollowUps;

/// <summary>A follow-up of the plan (16–17 §§).</summary>
public sealed class FollowUp
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The plan version followed up, if the case had one.</summary>
    public int? PlanVersion { get; set; }

    public FollowUpKind Kind { get; set; }

    public List<MeasureFollowUp> Measures { get; set; } = [];

    public FollowUpDecision Decision { get; set; }

    public string? Notes { get; set; }

    public required string By { get; set; }

    public Instant At { get; set; }
}
