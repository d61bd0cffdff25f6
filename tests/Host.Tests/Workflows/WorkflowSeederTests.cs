using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Tests.Support;

namespace Verkstallighet.Host.Tests.Workflows;

public sealed class WorkflowSeederTests
{
    [Fact]
    public async Task ShippedWorkflows_ArePublishedWhenAbsent_AndNeverOverwritten()
    {
        var folder = Directory.CreateTempSubdirectory("workflows-").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Bpmn", "user-task.bpmn"), Path.Combine(folder, "user-task.bpmn"));
        File.WriteAllText(Path.Combine(folder, "broken.bpmn"), "<not-bpmn/>");
        var connectionString = await TestPostgres.CreateDatabaseAsync();

        await using (var first = new HostFactory(connectionString, seedDirectory: folder))
        {
            var versions = await (await first.As("cecilia").GetAsync("/api/definitions")).OkJsonAsync();
            var seeded = Assert.Single(versions.AsArray());
            Assert.Equal("UserTask", (string?)seeded!["key"]);
            Assert.Equal(1, (int)seeded["version"]!);
        }

        File.WriteAllText(Path.Combine(folder, "user-task.bpmn"), File.ReadAllText(Path.Combine(folder, "user-task.bpmn")).Replace("Granska ärendet", "Ändrad"));
        await using var second = new HostFactory(connectionString, seedDirectory: folder);
        var after = await (await second.As("cecilia").GetAsync("/api/definitions")).OkJsonAsync();
        Assert.Single(after.AsArray());
        var xml = await (await second.As("cecilia").GetAsync("/api/definitions/UserTask/versions/1/xml")).Content.ReadAsStringAsync();
        Assert.Contains("Granska ärendet", xml);
    }
}
