namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// Stops <see cref="System.Xml.Linq.XDocument.Load(System.Xml.XmlReader)"/> at the first element nested too deep; the parser
/// turns it into its <see cref="Problem"/>, so it never leaves the parser.
/// </summary>
internal sealed class ElementTooDeepException(ValidationProblem problem) : Exception(problem.Message)
{
    public ValidationProblem Problem { get; } = problem;
}
