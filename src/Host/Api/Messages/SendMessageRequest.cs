using System.Text.Json.Nodes;

namespace Verkstallighet.Host.Api.Messages;

/// <summary>A message by name to one instance, given by its id or by its correlation (e.g. the case id).</summary>
public sealed record SendMessageRequest(string Name, Guid? InstanceId, string? CorrelationId, JsonObject? Payload);
