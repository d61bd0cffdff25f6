using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Host.Api.Definitions;

/// <summary>What validation found: the problems in the document are the answer, not an error.</summary>
public sealed record ValidationResult(bool Valid, string? Key, string? Name, IReadOnlyList<ValidationProblem> Problems);
