namespace Verkstallighet.Host.Ui.Studio;

/// <summary>What bpmn-js found drawing a document: an error when it could not, and warnings for what it skipped.</summary>
public sealed record StudioImportResult(string? Error, IReadOnlyList<string> Warnings);
