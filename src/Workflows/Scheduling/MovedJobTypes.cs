using Hangfire.Common;

namespace Verkstallighet.Workflows.Scheduling;

/// <summary>
/// Hangfire stores a job by its type's name. The sweep's jobs moved from the Timers namespace to Scheduling; a job that
/// an older Host enqueued under the old name still runs, rather than failing until its timer's lease runs out.
/// </summary>
public static class MovedJobTypes
{
    private const string From = "Verkstallighet.Workflows.Timers.";
    private const string To = "Verkstallighet.Workflows.Scheduling.";

    private static readonly string[] Moved = [nameof(TimerFireJob), nameof(TimerSweepJob), nameof(ClaimedTimer)];

    /// <summary>Hangfire's type resolver, with the moved names read as their new ones.</summary>
    public static Type Resolve(string typeName) => TypeHelper.DefaultTypeResolver(Rename(typeName));

    public static string Rename(string typeName)
    {
        foreach (var name in Moved)
        {
            typeName = typeName.Replace(From + name, To + name, StringComparison.Ordinal);
        }

        return typeName;
    }
}
