namespace Verkstallighet.Host.Api.Clock;

/// <summary>Advance by an ISO 8601 duration (<c>P1M</c>), or to a date or instant; exactly one of the two.</summary>
public sealed record AdvanceClockRequest(string? By, string? To);
