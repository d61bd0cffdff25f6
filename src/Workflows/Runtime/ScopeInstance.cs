namespace Verkstallighet.Workflows.Runtime;

/// <summary>A running scope. Its owner token sits on the sub-process element in the parent scope.</summary>
internal sealed class ScopeInstance
{
    public required string Id { get; set; }

    /// <summary>The process id or the sub-process element id.</summary>
    public required string ScopeId { get; set; }

    public string? ParentId { get; set; }

    public string? OwnerTokenId { get; set; }
}
