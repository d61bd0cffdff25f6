using System.Text.Json.Nodes;

namespace Verkstallighet.Host.Simulation;

/// <summary>
/// What to simulate: a workflow's draft (<paramref name="Version"/> null) or one of its versions, from a simulated
/// <paramref name="Start"/> (an ISO date or instant; the real now if absent), with a sample case's
/// <paramref name="Variables"/> (office, sanction, the case's dates, communityServiceHours).
/// </summary>
public sealed record SimulationStart(string? DefinitionKey, int? Version, string? Start, JsonObject? Variables);
