using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Verkstallighet.Host.Tests.Support;

/// <summary>
/// The Host as a child process (<c>dotnet Verkstallighet.Host.dll</c>) in Development on a given database and the
/// simulated clock, listening on a port the system picks, so that a test can kill it for real.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private const string RunningAt = "is running at ";
    private readonly ChildProcess child;

    private HostProcess(ChildProcess child, Uri url)
    {
        this.child = child;
        Url = url;
    }

    public Uri Url { get; }

    public int Id => child.Id;

    /// <summary>Starts the Host and waits until it listens; fails with its output if it exits or takes too long.</summary>
    public static async Task<HostProcess> StartAsync(string connectionString, string serverName, TimeSpan timeout, Dictionary<string, string>? settings = null)
    {
        // Its appsettings.json (log levels, timer settings) lies beside it; the working directory is elsewhere, so that
        // nothing the Host writes lands in the checkout.
        var location = typeof(Program).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", [location, "--urls", "http://127.0.0.1:0", "--contentRoot", Path.GetDirectoryName(location)!])
        {
            WorkingDirectory = Path.GetTempPath(),
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ConnectionStrings__Workflows"] = connectionString;
        info.Environment["Clock__Mode"] = "Simulated";
        info.Environment["Clock__Start"] = HostFactory.ClockStart;
        info.Environment["Workflows__ServerName"] = serverName;
        info.Environment["Workflows__SeedDirectory"] = Path.Combine(Path.GetTempPath(), "no-workflows-here");
        foreach (var (name, value) in settings ?? [])
        {
            info.Environment[name] = value;
        }

        var url = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var child = ChildProcess.Start(info, line =>
        {
            var at = line.IndexOf(RunningAt, StringComparison.Ordinal);
            if (at >= 0)
            {
                url.TrySetResult(new Uri(line[(at + RunningAt.Length)..].Split(' ', 2)[0]));
            }
        });

        var exited = child.WaitForExitAsync(CancellationToken.None);
        var first = await Task.WhenAny(url.Task, exited, Task.Delay(timeout));
        if (first != url.Task)
        {
            var why = first == exited ? $"exited with {child.ExitCode}" : $"did not listen within {timeout}";
            child.Dispose();
            throw new InvalidOperationException($"The Host {why}. Its output:\n{child.Output}\n{child.Errors}");
        }

        return new HostProcess(child, await url.Task);
    }

    /// <summary>What the Host wrote, for a failure message.</summary>
    public string Output => child.Output + child.Errors;

    /// <summary>A client signed in as a seeded development user (HTTP Basic, empty password).</summary>
    public HttpClient As(string user) => new()
    {
        BaseAddress = Url,
        Timeout = TimeSpan.FromMinutes(2),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":"))) },
    };

    /// <summary>kill -9 (SIGKILL on Unix): no shutdown, no cleanup; its connections drop and its rows stay as they were.</summary>
    public async Task KillAsync()
    {
        child.Kill();
        await child.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!child.HasExited)
        {
            await KillAsync();
        }

        child.Dispose();
    }
}
