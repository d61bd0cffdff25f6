namespace Verkstallighet.Activities.FollowUps;

/// <summary>Which follow-up of 16 § this is.</summary>
public enum FollowUpKind
{
    /// <summary>Within six months of the start of supervision.</summary>
    Scheduled,

    /// <summary>Of the prison plan, for a conditionally released client, within a month.</summary>
    PrisonPlan,

    /// <summary>Before a transfer to another office, or abroad.</summary>
    BeforeTransfer,

    /// <summary>Within four weeks after a transfer, by the receiving office.</summary>
    AfterTransfer,

    /// <summary>Before supervision ends.</summary>
    BeforeEnd,

    /// <summary>When there is reason to.</summary>
    Other,
}
