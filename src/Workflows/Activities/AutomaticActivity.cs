namespace Verkstallighet.Workflows.Activities;

/// <summary>An activity that runs at once, inside the step that reaches it. If it throws, the instance gets an incident.</summary>
public abstract class AutomaticActivity : Activity
{
    public abstract ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);
}
