using Verkstallighet.Activities.Assessments;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.FollowUps;
using Verkstallighet.Activities.Misconduct;
using Verkstallighet.Activities.Plans;

namespace Verkstallighet.Activities.Statements;

/// <summary>What the case's documentation holds for a statement to the court.</summary>
public sealed record CourtStatementSources(
    Case Case,
    RiskAssessment? LatestAssessment,
    IReadOnlyList<Plan> Plans,
    IReadOnlyList<FollowUp> FollowUps,
    IReadOnlyList<MisconductReview> MisconductReviews,
    IReadOnlyList<ClientContactEpisode> ContactEpisodes);
