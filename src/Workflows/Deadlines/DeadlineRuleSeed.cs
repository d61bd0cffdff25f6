using NodaTime;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>A deadline rule as shipped: the first version, inserted when its key is absent. Periods are ISO 8601 text.</summary>
public sealed record DeadlineRuleSeed(
    string Key,
    string Period,
    string LegalReference,
    string Description,
    LocalDate EffectiveFrom,
    bool MoveToNextWorkingDay = false,
    string ChangeReason = "Shipped rule.",
    string? ReminderLeadTime = null);
