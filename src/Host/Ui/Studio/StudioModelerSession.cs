using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Host.Ui.Studio;

/// <summary>
/// One bpmn-js modeler in the page (Scripts/studio-modeler.js), behind typed calls. The diagram comes back as a stream,
/// so that a large workflow is not cut by the circuit's message size; it is bounded by the parser's own limit.
/// </summary>
public sealed class StudioModelerSession : IAsyncDisposable
{
    private readonly IJSObjectReference module;
    private readonly IJSObjectReference handle;
    private readonly IDisposable callbacks;

    private StudioModelerSession(IJSObjectReference module, IJSObjectReference handle, IDisposable callbacks)
    {
        this.module = module;
        this.handle = handle;
        this.callbacks = callbacks;
    }

    public static async Task<StudioModelerSession> CreateAsync<TPage>(
        IJSRuntime js, ElementReference container, IReadOnlyList<StudioActivity> activities, string description, bool readOnly, TPage page)
        where TPage : class
    {
        var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/studio-modeler.js");
        var callbacks = DotNetObjectReference.Create(page);
        var handle = await module.InvokeAsync<IJSObjectReference>("create", container, new { activities, description, readOnly }, callbacks);
        return new StudioModelerSession(module, handle, callbacks);
    }

    public async Task<StudioImportResult> LoadAsync(string xml) => await handle.InvokeAsync<StudioImportResult>("load", xml);

    /// <summary>The diagram as BPMN XML, or null when it is larger than a workflow may be.</summary>
    public async Task<string?> XmlAsync()
    {
        var stream = await handle.InvokeAsync<IJSStreamReference>("xml");
        await using (stream)
        {
            if (stream.Length > BpmnParser.DefaultMaxBytes)
            {
                return null;
            }

            await using var content = await stream.OpenReadStreamAsync(BpmnParser.DefaultMaxBytes);
            using var reader = new StreamReader(content);
            return await reader.ReadToEndAsync();
        }
    }

    public async Task<IReadOnlyList<StudioListedElement>> ElementsAsync() => await handle.InvokeAsync<List<StudioListedElement>>("elements");

    public async Task<bool> SelectAsync(string id) => await handle.InvokeAsync<bool>("select", id);

    public async Task UpdateAsync(string? id, Dictionary<string, object?> patch) => await handle.InvokeVoidAsync("update", id, patch);

    public async Task<string?> AppendActivityAsync(string activityType, string afterId) => await handle.InvokeAsync<string?>("appendActivity", activityType, afterId);

    public async Task<string?> AddDeadlineTimerAsync(string taskId) => await handle.InvokeAsync<string?>("addDeadlineTimer", taskId);

    public async Task<string?> MakeExecutableAsync() => await handle.InvokeAsync<string?>("makeExecutable");

    public async Task ShowProblemsAsync(IReadOnlyList<ValidationProblem> problems) => await handle.InvokeAsync<int>("problems", problems);

    public async Task DownloadAsync(string xml, string fileName) => await module.InvokeVoidAsync("download", xml, fileName);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await handle.InvokeVoidAsync("destroy");
            await handle.DisposeAsync();
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's page with it.
        }

        callbacks.Dispose();
    }
}
