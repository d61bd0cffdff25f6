using NodaTime;
using Verkstallighet.Workflows.Deadlines;

namespace Verkstallighet.Workflows.Scheduling;

/// <summary>The rule change an apply journals on every instance it reaches: which version, which scope, why, by whom, when.</summary>
internal sealed record DeadlineChangeRecord(string RuleKey, int RuleVersion, DeadlineChangeScope Scope, string Reason, string By, Instant At);
