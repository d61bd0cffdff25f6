using System.Text.Json.Nodes;
using NodaTime;
using Verkstallighet.Activities.Assessments;
using Verkstallighet.Activities.FollowUps;
using Verkstallighet.Activities.Plans;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Activities.Cases;

public sealed record CreateCaseRequest(
    string? ClientName,
    string? Personnummer,
    string? Office,
    Sanction? Sanction,
    LocalDate? JudgmentEnforceable,
    LocalDate? SupervisionStart,
    LocalDate? SupervisionEnd,
    LocalDate? ReleaseDate,
    int? CommunityServiceHours);

public sealed record CaseCreated(Guid CaseId, Guid InstanceId, string Workflow, IReadOnlyList<Guid> OpenedTaskIds);

/// <summary>A case in a list: the personnummer masked.</summary>
public sealed record CaseSummary(Guid Id, long Number, string ClientName, string Personnummer, string Office, Sanction Sanction, CaseStatus Status, LocalDate? SupervisionStart, LocalDate? SupervisionEnd);

public sealed record CaseDetails(
    CaseSummary Client,
    LocalDate? JudgmentEnforceable,
    LocalDate? ReleaseDate,
    int? CommunityServiceHours,
    Guid? WorkflowInstanceId,
    RiskAssessmentView? LatestRiskAssessment,
    PlanView? CurrentPlan,
    PlanView? PendingPlan,
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<CaseTaskView> OpenTasks,
    IReadOnlyList<CaseJournalLine> Journal,
    IReadOnlyList<MeasureStatusView> MeasureStatuses);

/// <summary>A measure's status at its latest follow-up (16–17 §§).</summary>
public sealed record MeasureStatusView(Guid MeasureId, MeasureStatus Status, string? Note, string By, Instant At);

public sealed record RiskAssessmentView(RiskLevel RiskLevel, AssessmentReason Reason, string AssessedBy, Instant AssessedAt, IReadOnlyList<ReviewedFactor> Factors, string RiskManagementMeasures, string Needs);

public sealed record PlanView(
    int Version, PlanStatus Status, ClientParticipation ClientParticipation, string? ParticipationReason, IReadOnlyList<Measure> Measures,
    string DraftedBy, Instant DraftedAt, string? DecidedBy, Instant? DecidedAt, string? ReturnComment,
    LocalDate? KollegiumDate = null, IReadOnlyList<string>? KollegiumParticipants = null)
{
    public static PlanView From(Plan p) =>
        new(p.Version, p.Status, p.ClientParticipation, p.ParticipationReason, p.Measures, p.DraftedBy, p.DraftedAt, p.DecidedBy, p.DecidedAt, p.ReturnComment,
            p.KollegiumDate, p.KollegiumParticipants);
}

public sealed record CaseTaskView(Guid Id, string Title, string ActivityType, string ElementId, string CandidateRole, string? Office, string? Assignee, LocalDate? DueDate, int Version);

public sealed record CaseJournalLine(Instant At, string Kind, string? ElementId, string? Actor, JsonNode? Data);

public sealed record CaseEventRequest(string? Name, JsonObject? Payload);

public sealed record WaiveDeadlineRequest(string? Reason);
