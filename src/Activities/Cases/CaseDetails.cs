using NodaTime;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Activities.Cases;

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
