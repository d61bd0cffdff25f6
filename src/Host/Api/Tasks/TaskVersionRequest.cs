namespace Verkstallighet.Host.Api.Tasks;

/// <summary>A claim or release, optionally at the version the client read (stale → 409).</summary>
public sealed record TaskVersionRequest(int? Version);
