using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Host.Api.Definitions;

/// <summary>A saved draft and what validation found in it: a draft may have problems, which publishing refuses.</summary>
public sealed record SavedDraft(DefinitionSummary Draft, bool IsValid, IReadOnlyList<ValidationProblem> Problems);
