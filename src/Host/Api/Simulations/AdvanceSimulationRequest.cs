namespace Verkstallighet.Host.Api.Simulations;

/// <summary>Advance the simulation's clock by an ISO 8601 duration (<c>P1M</c>), or to a date or instant; exactly one of the two.</summary>
public sealed record AdvanceSimulationRequest(string? By, string? To);
