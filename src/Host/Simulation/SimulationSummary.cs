using NodaTime;

namespace Verkstallighet.Host.Simulation;

/// <summary>A simulation in a list: what it runs, whose it is, and where its clock stands.</summary>
public sealed record SimulationSummary(Guid Id, string Owner, string DefinitionKey, int? DefinitionVersion, Instant Start, Instant? Now, Instant CreatedAt);
