using System.Text.Json.Nodes;

namespace Verkstallighet.Host.Api.Simulations;

/// <summary>
/// A workflow to simulate: its draft (<c>version</c> absent or null) or a stored version; the simulated start (an ISO
/// date or instant; the real now if absent); and the sample case's variables: office, sanction, supervisionStart,
/// supervisionEnd, judgmentEnforceable, releaseDate (ISO dates) and communityServiceHours.
/// </summary>
public sealed record StartSimulationRequest(string? DefinitionKey, int? Version, string? Start, JsonObject? Variables);
