using Verkstallighet.Workflows.Deadlines;

namespace Verkstallighet.Host.Api.DeadlineRules;

/// <summary>Applies what a preview showed: its scope and fingerprint, and why the pending deadlines move.</summary>
public sealed record DeadlineChangeApplyRequest(DeadlineChangeScope? Scope, string? Fingerprint, string? Reason);
