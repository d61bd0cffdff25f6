using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Expressions;
using Verkstallighet.Workflows.Json;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// Makes the activity of a task from its descriptor, as Elsa's descriptor constructs an activity: a new object whose
/// inputs are bound from the model (literals, or expressions over the variables), and after it ran, its outputs written
/// back to the variables.
/// </summary>
internal sealed class ActivityFactory(StepServices services, WorkflowInstance instance, InstanceVariables variables, Actor actor, Instant now, StepEffects effects)
{
    public ActivityDescriptor Describe(TaskNode node) => services.Activities.Get(node.ActivityType);

    public Activity Create(ActivityDescriptor descriptor, TaskNode node)
    {
        var activity = (Activity)Activator.CreateInstance(descriptor.ClrType)!;
        foreach (var (name, text) in node.Inputs)
        {
            var input = descriptor.Input(name)!;
            var value = Bind(input, text);
            if (value is null && input.Required)
            {
                throw new ElementFailedException($"The required input '{input.Name}' is empty.");
            }

            input.Property.SetValue(activity, value);
        }

        return activity;
    }

    public ActivityContext ContextFor(TaskNode node) =>
        new(instance.Id, node.Id, instance.CorrelationId, now, variables.Values, actor == Actor.System ? null : actor.UserId, services.Services, effects);

    public void WriteOutputs(ActivityDescriptor descriptor, TaskNode node, Activity activity)
    {
        foreach (var output in descriptor.Outputs)
        {
            var name = node.Outputs.TryGetValue(output.Name, out var mapped) ? mapped : output.DefaultVariable;
            if (variables.IsOfficeMirror(name))
            {
                continue; // the engine's mirror of the instance's office; an activity moves the instance with MoveInstanceToOffice
            }

            var value = output.Property.GetValue(activity);
            variables.Values[name] = value is null ? null : JsonSerializer.SerializeToNode(value, output.Property.PropertyType, WorkflowJson.Options);
        }
    }

    private object? Bind(InputDescriptor input, string text)
    {
        if (!text.TrimStart().StartsWith('='))
        {
            return ValueTypes.TryConvertLiteral(text, input.Property.PropertyType, out var literal, out var error)
                ? literal
                : throw new ElementFailedException($"Input '{input.Name}': {error}");
        }

        JsonNode? result;
        try
        {
            result = services.Scripts.Evaluate(text, variables.Values);
        }
        catch (ScriptException e)
        {
            throw new ElementFailedException($"Input '{input.Name}': {e.Message}", e);
        }

        try
        {
            return result.Deserialize(input.Property.PropertyType, WorkflowJson.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new ElementFailedException($"Input '{input.Name}': the expression gave {result?.ToJsonString() ?? "null"}, which is not a valid {input.Type}.", e);
        }
    }
}
