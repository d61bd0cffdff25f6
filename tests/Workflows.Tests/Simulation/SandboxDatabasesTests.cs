using Verkstallighet.Workflows.Simulation;

namespace Verkstallighet.Workflows.Tests.Simulation;

public sealed class SandboxDatabasesTests
{
    [Fact]
    public void HomeDatabase_IsTheConnectionStringsDatabase()
    {
        Assert.Equal("verkstallighet", new SandboxDatabases("Host=db;Username=app;Database=verkstallighet").HomeDatabase);
    }

    [Fact]
    public void HomeDatabase_IsTheUsersName_WhenTheConnectionStringNamesNoDatabase_AsPostgreSqlDoes()
    {
        Assert.Equal("app", new SandboxDatabases("Host=db;Username=app").HomeDatabase);
    }

    [Fact]
    public void ConnectionStringWithNeitherDatabaseNorUser_IsRefusedWhenUsed()
    {
        Assert.Throws<ArgumentException>(() => new SandboxDatabases("Host=db"));
    }
}
