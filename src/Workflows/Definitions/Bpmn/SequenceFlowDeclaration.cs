namespace Verkstallighet.Workflows.Definitions;

/// <summary>A sequence flow as read, before <see cref="FlowLinker"/> resolves its ends. Id is null when the flow has none.</summary>
internal sealed record SequenceFlowDeclaration(string? Id, string? SourceRef, string? TargetRef, string? Condition, ScopeModel Scope);
