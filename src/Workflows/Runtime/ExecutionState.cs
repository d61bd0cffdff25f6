using System.Text.Json;
using Verkstallighet.Workflows.Json;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// The token state of an instance: a tree of scope instances (the process, sub-processes and event sub-processes
/// being run) and the tokens in them. Stored as JSON on the instance row.
/// </summary>
internal sealed class ExecutionState
{
    public int NextId { get; set; }

    public List<ScopeInstance> Scopes { get; set; } = [];

    public List<Token> Tokens { get; set; } = [];

    public string NewId(string prefix) => prefix + (++NextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Token? Token(string? id) => id is null ? null : Tokens.Find(t => t.Id == id);

    public ScopeInstance? Scope(string? id) => id is null ? null : Scopes.Find(s => s.Id == id);

    public static ExecutionState Deserialize(string json) =>
        JsonSerializer.Deserialize<ExecutionState>(json, WorkflowJson.Options) ?? new ExecutionState();

    public string Serialize() => JsonSerializer.Serialize(this, WorkflowJson.Options);
}

/// <summary>A running scope. Its owner token sits on the sub-process element in the parent scope.</summary>
internal sealed class ScopeInstance
{
    public required string Id { get; set; }

    /// <summary>The process id or the sub-process element id.</summary>
    public required string ScopeId { get; set; }

    public string? ParentId { get; set; }

    public string? OwnerTokenId { get; set; }
}

internal enum TokenStatus
{
    /// <summary>About to run the element it is at.</summary>
    Active,

    /// <summary>At a task, catch event, event-based gateway or sub-process, waiting for a bookmark or its child scope.</summary>
    Waiting,

    /// <summary>Arrived at a parallel join and waits for the other incoming flows.</summary>
    Joining,

    /// <summary>Failed at its element; waits for a retry.</summary>
    Incident,
}

internal sealed class Token
{
    public required string Id { get; set; }

    public required string ScopeInstanceId { get; set; }

    public required string ElementId { get; set; }

    public TokenStatus Status { get; set; }

    /// <summary>The flow the token arrived by (parallel joins count arrivals per flow).</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>For a token with an incident: whether it failed leaving the element (so a retry must not run it again).</summary>
    public bool FailedLeaving { get; set; }
}
