using System.Diagnostics;
using System.Text;

namespace Verkstallighet.Host.Tests.Support;

/// <summary>
/// A child process (such as a Host) whose output is collected as it comes, so waiting for it never blocks on a pipe,
/// and whose wait has a timeout: a child that hangs is killed, with its process tree, and the test fails with what it
/// printed.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder errors = new();

    private ChildProcess(Process process)
    {
        this.process = process;
    }

    /// <summary>Starts the process; <paramref name="onOutputLine"/> sees each line of standard output as it comes.</summary>
    public static ChildProcess Start(ProcessStartInfo info, Action<string>? onOutputLine = null)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var child = new ChildProcess(new Process { StartInfo = info });
        child.process.OutputDataReceived += (_, e) =>
        {
            child.Append(child.output, e.Data);
            if (e.Data is { } line)
            {
                onOutputLine?.Invoke(line);
            }
        };
        child.process.ErrorDataReceived += (_, e) => child.Append(child.errors, e.Data);
        child.process.Start();
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        return child;
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Standard output so far.</summary>
    public string Output => Read(output);

    /// <summary>Standard error so far.</summary>
    public string Errors => Read(errors);

    /// <summary>
    /// Waits until the process has exited (and its output is read), and returns its exit code. Past
    /// <paramref name="timeout"/> it kills the process tree and throws <see cref="TimeoutException"/> with the output.
    /// </summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAndReapAsync();
            throw new TimeoutException(
                $"{Path.GetFileName(process.StartInfo.FileName)} (pid {process.Id}) did not exit within {timeout.TotalSeconds:0.#} s and was killed.\n" +
                $"stdout:\n{Output}\nstderr:\n{Errors}");
        }

        return process.ExitCode;
    }

    /// <summary>Waits for the process to exit, without a timeout of its own.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    /// <summary>Kills the process and its children, if it still runs.</summary>
    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }
    }

    /// <summary>
    /// Kills the process tree and waits until the kernel has reaped the child: a SIGKILL is only delivered, not done,
    /// when <see cref="Process.Kill(bool)"/> returns, so a caller that checks <see cref="HasExited"/> right away could
    /// see it still running on a busy machine.
    /// </summary>
    private async Task KillAndReapAsync()
    {
        Kill();
        using var reaped = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(reaped.Token);
        }
        catch (OperationCanceledException)
        {
            // Still not gone after a SIGKILL and 30 s: the caller's HasExited says so.
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (to)
        {
            to.AppendLine(line);
        }
    }

    private static string Read(StringBuilder from)
    {
        lock (from)
        {
            return from.ToString();
        }
    }
}
