using System.Text.Json.Nodes;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Activities.Builtin;

namespace Verkstallighet.Workflows.Tests.Activities;

public sealed class ActivityDescriptorTests
{
    [Fact]
    public void HumanActivity_DescriptorComesFromItsClass()
    {
        var descriptor = ActivityDescriptor.Describe(typeof(ManualTask));

        Assert.Equal("ManualTask", descriptor.Type);
        Assert.Equal("Manuell uppgift", descriptor.DisplayName);
        Assert.Equal(ActivityKind.Human, descriptor.Kind);
        Assert.Equal(["assignee", "candidateRole", "instructions", "office", "outcomes"], descriptor.Inputs.Select(i => i.Name).Order());
        Assert.Null(descriptor.Input("candidateRole")!.Default); // the engine names no role: the domain configures the default
        Assert.Equal(["outcome", "comment"], descriptor.Outputs.Select(o => o.Name));
        var form = descriptor.FormSchema!.AsObject();
        Assert.Equal("Utfall", (string?)form["properties"]!["outcome"]!["title"]);
    }

    [Fact]
    public void FormSchema_CarriesTheMaxLengthOfTextFields_SoClientsCanSizeTheirInputs()
    {
        var form = ActivityDescriptor.Describe(typeof(ManualTask)).FormSchema!;

        Assert.Equal(200, (int?)form["properties"]!["outcome"]!["maxLength"]);
        Assert.Equal(4000, (int?)form["properties"]!["comment"]!["maxLength"]);
    }

    [Fact]
    public void AutomaticActivity_HasTypedInputsAndOutputsAndNoForm()
    {
        var descriptor = ActivityDescriptor.Describe(typeof(AddPeriodToDate));

        Assert.Equal(ActivityKind.Automatic, descriptor.Kind);
        Assert.Null(descriptor.FormSchema);
        Assert.Equal("date", descriptor.Input("date")!.Type);
        Assert.Equal("period", descriptor.Input("period")!.Type);
        Assert.True(descriptor.Input("date")!.Required);
        Assert.Equal("computedDate", Assert.Single(descriptor.Outputs).DefaultVariable);
    }

    [Fact]
    public void Registry_RefusesTwoActivitiesWithOneTypeName()
    {
        Assert.Throws<InvalidOperationException>(() => new ActivityRegistry([new(typeof(ManualTask)), new(typeof(Duplicate))]));
    }

    [Fact]
    public void ValueTypes_ConvertLiteralsToTheInputType()
    {
        Assert.True(ValueTypes.TryConvertLiteral("2026-01-31", typeof(NodaTime.LocalDate), out var date, out _));
        Assert.Equal(new NodaTime.LocalDate(2026, 1, 31), date);
        Assert.False(ValueTypes.TryConvertLiteral("31/1", typeof(NodaTime.LocalDate), out _, out var error));
        Assert.Contains("not a valid date", error);
        Assert.True(ValueTypes.TryConvertLiteral("{\"a\":1}", typeof(JsonNode), out var json, out _));
        Assert.Equal(1, (int)((JsonNode)json!)["a"]!);
    }

    [Activity("ManualTask", "Dubblett")]
    private sealed class Duplicate : AutomaticActivity
    {
        public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
