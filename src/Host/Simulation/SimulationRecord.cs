using NodaTime;

namespace Verkstallighet.Host.Simulation;

/// <summary>
/// A simulation as stored in its own database (table <c>sandbox.simulation</c>, one row): who owns it, what it runs
/// (the real version it was made from; null for the draft) and the sample case and instance it started.
/// </summary>
public sealed record SimulationRecord(
    Guid Id, string HomeDatabase, string Owner, string DefinitionKey, int? DefinitionVersion, Guid CaseId, Guid InstanceId, Instant Start, Instant CreatedAt);
