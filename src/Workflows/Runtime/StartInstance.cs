using System.Text.Json.Nodes;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>What starting an instance takes.</summary>
/// <param name="DefinitionKey">The workflow; its latest published version starts.</param>
/// <param name="Variables">Variables from outside: they may not set the office or another protected variable (400).</param>
/// <param name="CorrelationId">The business key messages can find the instance by.</param>
/// <param name="BusinessKey">
/// What people call the instance (a case number), shown and sorted by in the inbox; copied onto its tasks. At most 200 characters.
/// </param>
/// <param name="Office">An office to start at other than the actor's own, for roles that may choose one.</param>
/// <param name="OwnedVariables">
/// Routing and identity variables (a case id) set by the domain code that owns them, never taken from a request.
/// </param>
public sealed record StartInstance(
    string DefinitionKey,
    JsonObject? Variables = null,
    string? CorrelationId = null,
    string? Office = null,
    JsonObject? OwnedVariables = null,
    string? BusinessKey = null);
