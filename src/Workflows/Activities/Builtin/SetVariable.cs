using System.Text.Json.Nodes;

namespace Verkstallighet.Workflows.Activities.Builtin;

/// <summary>Computes a value (a literal, or an expression when it starts with <c>=</c>) and writes it to a variable.</summary>
[Activity("SetVariable", "Sätt variabel", Category = "Allmänt", Description = "Beräknar ett värde och sparar det i en variabel.")]
public sealed class SetVariable : AutomaticActivity
{
    [Input("Värde", Required = true, Description = "Ett värde, eller ett uttryck som börjar med '='.")]
    public JsonNode? Value { get; set; }

    [Output("Resultat", DefaultVariable = "value")]
    public JsonNode? Result { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        Result = Value?.DeepClone();
        return ValueTask.CompletedTask;
    }
}
