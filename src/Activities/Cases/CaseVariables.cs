namespace Verkstallighet.Activities.Cases;

/// <summary>
/// The variables a case gives its workflow that identify or route it. Only the case sets them: they are refused in a
/// start from outside and in message payloads, and a workflow may not declare them in vp:payload.
/// </summary>
public static class CaseVariables
{
    /// <summary>The case's office, mirrored by the engine from the instance (see <c>InstanceAccessOptions.OfficeVariable</c>).</summary>
    public const string Office = "office";

    public const string CaseId = "caseId";
    public const string Sanction = "sanction";
    public const string ConditionallyReleased = "conditionallyReleased";
    public const string CommunityServiceHours = "communityServiceHours";

    public const string JudgmentEnforceable = "judgmentEnforceable";
    public const string SupervisionStart = "supervisionStart";
    public const string SupervisionEnd = "supervisionEnd";
    public const string ReleaseDate = "releaseDate";

    public static IReadOnlyList<string> Owned { get; } = [CaseId, Sanction, ConditionallyReleased, CommunityServiceHours];

    /// <summary>The case's dates, which deadlines count from (a timer's vp:anchor); Studio offers them.</summary>
    public static IReadOnlyList<string> Dates { get; } = [JudgmentEnforceable, SupervisionStart, SupervisionEnd, ReleaseDate];
}
