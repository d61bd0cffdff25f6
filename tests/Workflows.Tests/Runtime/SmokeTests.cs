using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Workflows.Tests.Runtime;

public sealed class SmokeTests
{
    [Fact]
    public async Task UserTask_CompletesInstance_WhenCompleted()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("user-task.bpmn");
        var started = await engine.StartAsync("UserTask", new { office = "Stockholm" });
        var task = Assert.Single(await engine.OpenTasksAsync(started.InstanceId));
        Assert.Equal("Granska ärendet", task.Title);
        await engine.CompleteAsync(task, new { outcome = "Godkänd" });
        var instance = await engine.InstanceAsync(started.InstanceId);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
    }
}
