namespace Verkstallighet.Host.Api.Definitions;

/// <summary>Publishing a draft: the change note says why the new version exists (shown in its history).</summary>
public sealed record PublishRequest(string? ChangeNote);
