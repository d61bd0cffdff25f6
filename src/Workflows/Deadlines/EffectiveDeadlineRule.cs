using NodaTime;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>A rule version as a timer uses it: the parsed period and the version that was applied.</summary>
public sealed record EffectiveDeadlineRule(string Key, int Version, Period Period, bool MoveToNextWorkingDay, string LegalReference);
