using NodaTime;
using Verkstallighet.Activities.Cases;

namespace Verkstallighet.Activities.Misconduct;

/// <summary>A chief's review of a client's misconduct.</summary>
public sealed class MisconductReview
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public required string Reasons { get; set; }

    public MisconductOutcome Outcome { get; set; }

    public required string DecidedBy { get; set; }

    public Instant At { get; set; }

    /// <summary>
    /// The outcomes open under each sanction. Under skyddstillsyn and villkorlig frigivning misconduct goes to the
    /// övervakningsnämnd (BrB 28 kap. 7–8 §§, 26 kap. 17–19 §§) or ends in a warning; under villkorlig dom with
    /// samhällstjänst there is no supervision board, and the report goes to the prosecutor (allmänna råd till 3 §,
    /// BrB 27 kap. 2 a §).
    /// </summary>
    public static IReadOnlyList<MisconductOutcome> AllowedFor(Sanction sanction) => sanction switch
    {
        Sanction.Skyddstillsyn => [MisconductOutcome.NoAction, MisconductOutcome.Warning, MisconductOutcome.ReportToSupervisionBoard],
        Sanction.VillkorligFrigivning => [MisconductOutcome.NoAction, MisconductOutcome.Warning, MisconductOutcome.ReportToSupervisionBoard],
        Sanction.VillkorligDom => [MisconductOutcome.NoAction, MisconductOutcome.ReportToProsecutor],
        _ => [MisconductOutcome.NoAction],
    };
}
