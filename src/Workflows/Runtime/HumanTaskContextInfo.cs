namespace Verkstallighet.Workflows.Runtime;

/// <summary>The completing user's roles and office, for activities that check who may do what.</summary>
internal sealed record HumanTaskContextInfo(IReadOnlySet<string> Roles, string? Office);
