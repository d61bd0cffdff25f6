using System.Diagnostics;

namespace Verkstallighet.Host.Tests.Support;

public sealed class ChildProcessTests
{
    [Fact]
    public async Task WaitForExit_FailsWithinItsTimeout_AndKillsAChildThatHangs()
    {
        using var child = ChildProcess.Start(new ProcessStartInfo("sh", ["-c", "echo started; exec sleep 600"]));

        var e = await Assert.ThrowsAsync<TimeoutException>(() => child.WaitForExitAsync(TimeSpan.FromSeconds(2)));

        Assert.Contains("did not exit within 2 s", e.Message);
        Assert.True(child.HasExited, "The hanging child was left running.");
    }

    [Fact]
    public async Task WaitForExit_ReturnsTheExitCode_WithOutputLargerThanAPipeHolds()
    {
        // 1 MB on stderr fills a pipe that nobody reads; the child would block on it forever.
        using var child = ChildProcess.Start(new ProcessStartInfo("sh", ["-c", "head -c 1048576 /dev/zero | tr '\\0' x >&2; echo; echo done; exit 3"]));

        Assert.Equal(3, await child.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains("done", child.Output);
        Assert.True(child.Errors.Length >= 1024 * 1024);
    }
}
