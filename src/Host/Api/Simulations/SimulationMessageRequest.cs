using System.Text.Json.Nodes;

namespace Verkstallighet.Host.Api.Simulations;

/// <summary>A message to the simulation's instance, with the payload its catching event declares.</summary>
public sealed record SimulationMessageRequest(string? Name, JsonObject? Payload);
