using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Scheduling;

namespace Verkstallighet.Workflows.Tests.Timers;

public sealed class TimerOptionsTests
{
    [Theory]
    [InlineData(1, 16, 1)]
    [InlineData(16, 16, 1)] // as many due timers as jobs: still a job per timer
    [InlineData(17, 16, 2)]
    [InlineData(2000, 16, 125)] // a full batch in a burst: 16 jobs
    [InlineData(5, 0, 5)] // a nonsensical setting still makes jobs
    public void TimersPerJob_GivesEachTimerAJob_UntilABurstMustShare(int claimed, int fireJobsPerBatch, int expected)
    {
        Assert.Equal(expected, new TimerOptions { FireJobsPerBatch = fireJobsPerBatch }.TimersPerJob(claimed));
    }

    [Fact]
    public async Task ASweepSettingOfZero_IsRefusedWithAMessage_InsteadOfStoppingEveryTimer()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestEngine.StartAsync(configure: s => s.Configure<TimerOptions>(o => o.MaxBatchesPerSweep = 0)));
        Assert.Contains("MaxBatchesPerSweep", e.Message);
    }

    [Theory]
    [InlineData(2, 3)] // a live process that is only slow between two beats would lose its leases
    [InlineData(0, 10)]
    public async Task AHolderTimeoutShorterThanTwoHeartbeats_IsRefusedWithAMessage(int heartbeatSeconds, int timeoutSeconds)
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => TestEngine.StartAsync(configure: s => s.Configure<TimerOptions>(o =>
            (o.HeartbeatInterval, o.HolderTimeout) = (TimeSpan.FromSeconds(heartbeatSeconds), TimeSpan.FromSeconds(timeoutSeconds)))));
        Assert.Contains("HolderTimeout", e.Message);
    }
}
