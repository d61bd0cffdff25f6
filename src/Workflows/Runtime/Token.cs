namespace Verkstallighet.Workflows.Runtime;

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
