namespace Verkstallighet.Benchmarks;

/// <summary>How many items a figure got done, in how long, and the CPU this process used meanwhile.</summary>
internal sealed record Figure(int Done, double Seconds, TimeSpan Cpu);
