using System.Diagnostics;

namespace Verkstallighet.Benchmarks;

/// <summary>Wall-clock time and this process's CPU time since <see cref="Start"/>.</summary>
internal sealed class Measuring
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly TimeSpan cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    public static Measuring Start() => new();

    public TimeSpan Elapsed => watch.Elapsed;

    public Figure Stop(int done) => new(done, watch.Elapsed.TotalSeconds, Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart);
}
