using System.Collections.Concurrent;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Tests.Support;

/// <summary>An automatic activity that fails for the instances a test lists: for incident tests.</summary>
[Activity("Flaky", "Ostadig", Category = "Test")]
public sealed class FlakyActivity : AutomaticActivity
{
    public static ConcurrentDictionary<string, bool> FailFor { get; } = new();

    [Input("Nyckel")]
    public string? Key { get; set; }

    [Output("Körd")]
    public bool Ran { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (Key is not null && FailFor.ContainsKey(Key))
        {
            throw new InvalidOperationException("The service is down.");
        }

        Ran = true;
        return ValueTask.CompletedTask;
    }
}
