using System.Text.Json.Nodes;

namespace Verkstallighet.Host.Api.Instances;

/// <summary>
/// Starts a workflow. The instance belongs to my office; a chief or administrator may name another in
/// <paramref name="Office"/>. The variables may not set the office or another routing variable (400).
/// </summary>
public sealed record StartInstanceRequest(string DefinitionKey, JsonObject? Variables, string? CorrelationId, string? Office = null, string? BusinessKey = null);
