namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>An element of an instance (a token, a scope or a subscription) and the target element it moves to.</summary>
public sealed record ElementMove(string From, string To, string What);
