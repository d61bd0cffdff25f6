namespace Verkstallighet.Workflows.Activities;

/// <summary>What activities asked the step to do besides writing their outputs.</summary>
internal sealed class StepEffects(Action<string, string, object?> journal)
{
    public Action<string, string, object?> Journal { get; } = journal;

    public List<Func<StepTransaction, CancellationToken, Task>> AlsoSave { get; } = [];

    /// <summary>The office an activity moved the instance to, until the step applies it.</summary>
    public string? MoveToOffice { get; set; }
}
