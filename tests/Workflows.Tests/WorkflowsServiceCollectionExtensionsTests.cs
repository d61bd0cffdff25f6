using Npgsql;
using Verkstallighet.Workflows.Hosting;

namespace Verkstallighet.Workflows.Tests;

public sealed class WorkflowsServiceCollectionExtensionsTests
{
    [Fact]
    public void EngineConnectionString_PreparesStatements_AndSkipsTheResetOnClose()
    {
        var tuned = new NpgsqlConnectionStringBuilder(WorkflowsServiceCollectionExtensions.EngineConnectionString("Host=db;Database=w"));

        Assert.Equal((200, 2, true), (tuned.MaxAutoPrepare, tuned.AutoPrepareMinUsages, tuned.NoResetOnClose));
        Assert.Equal(("db", "w"), (tuned.Host, tuned.Database));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")] // behind a pooler that cannot keep prepared statements
    [InlineData("Host=db;maxautoprepare=0")]
    public void EngineConnectionString_KeepsAMaxAutoPrepareTheConnectionStringSets(string given)
    {
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(WorkflowsServiceCollectionExtensions.EngineConnectionString(given)).MaxAutoPrepare);
    }
}
