using System.Text.Json.Nodes;

namespace Verkstallighet.Workflows.Activities.Builtin;

/// <summary>Computes a value (a literal, or an expression when it starts with <c>=</c>) and writes it to a variable.</summary>
[Activity("SetVariable", "Set variable", Description = "Computes a value and stores it in a variable.")]
public sealed class SetVariable : AutomaticActivity
{
    [Input("Value", Required = true, Description = "A value, or an expression that starts with '='.")]
    public JsonNode? Value { get; set; }

    [Output("Result", DefaultVariable = "value")]
    public JsonNode? Result { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        Result = Value?.DeepClone();
        return ValueTask.CompletedTask;
    }
}
