using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Tests.Support;

/// <summary>
/// One throwaway PostgreSQL cluster per test process (see <see cref="ThrowawayTestCluster"/>). Each test gets a fresh
/// database copied from a template that is already migrated, which is fast.
/// </summary>
public static class TestPostgres
{
    /// <summary>Other test projects add their schemas to the template here (before the first database is made).</summary>
    public static List<Func<string, Task>> ExtraTemplateMigrations { get; } = [];

    // Declared after ExtraTemplateMigrations: static initializers run in order, and this one needs that list.
    private static readonly ThrowawayTestCluster Shared = new(ExtraTemplateMigrations);

    public static Task<string> CreateDatabaseAsync() => Shared.CreateDatabaseAsync();

    public static Task<LocalPostgresCluster> ClusterAsync() => Shared.ClusterAsync();
}
