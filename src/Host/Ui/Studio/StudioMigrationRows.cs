using Verkstallighet.Workflows.InstanceMigration;

namespace Verkstallighet.Host.Ui.Studio;

/// <summary>The source elements a migration's mapping is about: where instances wait, their timers, and what has problems.</summary>
public static class StudioMigrationRows
{
    /// <summary>The source elements whose pending timers the migration keeps or counts again.</summary>
    public static IReadOnlySet<string> Timers(MigrationReport report) =>
        report.Instances.SelectMany(i => i.Timers).Select(t => t.FromElement).ToHashSet(StringComparer.Ordinal);

    public static List<string> From(MigrationReport report) =>
        report.Instances.SelectMany(i => i.WaitingAt)
            .Concat(report.Instances.SelectMany(i => i.Timers).Select(t => t.FromElement))
            .Concat(report.Problems.Select(p => p.ElementId).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
