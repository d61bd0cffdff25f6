using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Tasks;

namespace Verkstallighet.Host.Ui.Tasks;

/// <summary>
/// A task's form: it keeps what the user types for as long as the page lives (a refused or stale submission never loses
/// it) and gives the data to complete the task with, in the shape the activity's form type reads.
/// </summary>
public abstract class TaskForm : ComponentBase
{
    [Parameter, EditorRequired]
    public HumanTask Task { get; set; } = null!;

    [Parameter, EditorRequired]
    public ActivityDescriptor Descriptor { get; set; } = null!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = null!;

    /// <summary>The server's problems with the last submission, shown on their fields.</summary>
    [Parameter]
    public FormErrors Errors { get; set; } = FormErrors.None;

    /// <summary>True while the task cannot be completed (sent, or completed elsewhere): inputs stay readable.</summary>
    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>The data to complete the task with.</summary>
    public abstract JsonObject BuildData();

    /// <summary>The server's message for exactly this field, or null.</summary>
    protected string? ErrorOf(string field) => Errors.For(field);

    protected bool HasError(string field) => Errors.Has(field);

    /// <summary>Empty text is sent as null, so that the activity's "required" rule answers, not a parse error.</summary>
    protected static JsonNode? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : JsonValue.Create(value);

    /// <summary>The case the task belongs to, when its correlation is a case id.</summary>
    protected Guid? CaseId => Guid.TryParse(Task.CorrelationId, out var id) ? id : null;
}
