using System.Diagnostics;
using System.Globalization;

namespace Verkstallighet.Benchmarks;

/// <summary>Times an operation a number of times and gives the percentiles, in milliseconds.</summary>
internal sealed class Latencies
{
    private readonly List<double> milliseconds = [];

    public int Count => milliseconds.Count;

    public async Task<T> TimeAsync<T>(Func<Task<T>> operation)
    {
        var watch = Stopwatch.StartNew();
        var result = await operation();
        milliseconds.Add(watch.Elapsed.TotalMilliseconds);
        return result;
    }

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double p)
    {
        var sorted = milliseconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Percentile(50):F1} ms, p95 {Percentile(95):F1} ms, max {Percentile(100):F1} ms over {Count} requests");
}
