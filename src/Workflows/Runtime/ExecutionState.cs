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

    /// <summary>
    /// The tokens that say where the instance waits: at a task, catch event, gateway or sub-process, or at an incident.
    /// What the instance view, its diagram and a migration's selection all call "waiting at".
    /// </summary>
    public IEnumerable<Token> WaitingTokens => Tokens.Where(t => t.Status is TokenStatus.Waiting or TokenStatus.Joining or TokenStatus.Incident);

    public static ExecutionState Deserialize(string json) =>
        JsonSerializer.Deserialize<ExecutionState>(json, WorkflowJson.Options) ?? new ExecutionState();

    public string Serialize() => JsonSerializer.Serialize(this, WorkflowJson.Options);
}
