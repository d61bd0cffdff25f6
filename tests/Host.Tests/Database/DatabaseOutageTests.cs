using System.Net;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Host.Tests.Database;

public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task WhenPostgresIsDown_RequestsGet503ProblemDetails_AndHealthSaysUnhealthy()
    {
        await using var cluster = await LocalPostgresCluster.StartThrowawayAsync();
        await cluster.CreateDatabaseAsync("outage");
        await using var host = new HostFactory(cluster.ConnectionStringFor("outage") + ";Timeout=3");
        await (await host.As("anna").GetAsync("/api/tasks")).OkJsonAsync();

        await cluster.StopAsync();

        var tasks = await host.As("anna").GetAsync("/api/tasks");
        var health = await host.As(null).GetAsync("/health");
        Assert.Contains("nothing was changed", (string)(await tasks.ProblemAsync(503))["detail"]!);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }
}
