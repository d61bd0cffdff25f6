using Verkstallighet.Workflows.Deadlines;

namespace Verkstallighet.Host.Api.DeadlineRules;

/// <summary>Which deadlines a rule version's preview covers: NewOnly, Pending (each by its anchor's version) or AllPending.</summary>
public sealed record DeadlineChangePreviewRequest(DeadlineChangeScope? Scope);
