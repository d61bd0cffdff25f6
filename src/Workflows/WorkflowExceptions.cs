using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows;

/// <summary>A request the engine refuses. The Host turns each kind into a ProblemDetails response.</summary>
public abstract class WorkflowException(string message) : Exception(message);

/// <summary>404: the thing asked for does not exist.</summary>
public sealed class NotFoundException(string message) : WorkflowException(message);

/// <summary>409: the request does not fit the current state (completed twice, stale version, nothing waits for a message).</summary>
public sealed class ConflictException(string message) : WorkflowException(message);

/// <summary>403: the user may not do this; the message says why.</summary>
public sealed class ForbiddenException(string message) : WorkflowException(message);

/// <summary>400: the request itself is malformed.</summary>
public sealed class BadRequestException(string message) : WorkflowException(message);

/// <summary>400: a BPMN document with problems, each naming its element.</summary>
public sealed class DefinitionInvalidException(IReadOnlyList<ValidationProblem> problems)
    : WorkflowException($"The workflow definition has {problems.Count} problem(s).")
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}

/// <summary>400: submitted task data with problems, each naming its field.</summary>
public sealed class FormInvalidException(IReadOnlyList<FieldProblem> problems)
    : WorkflowException($"The submitted data has {problems.Count} problem(s).")
{
    public IReadOnlyList<FieldProblem> Problems { get; } = problems;
}

/// <summary>Who is doing something: a user id, their roles and their office. The engine itself acts as <see cref="System"/>.</summary>
public sealed record Actor(string UserId, IReadOnlySet<string> Roles, string? Office)
{
    public static Actor System { get; } = new("system", new HashSet<string>(), null);

    public bool IsInRole(string role) => Roles.Contains(role);
}
