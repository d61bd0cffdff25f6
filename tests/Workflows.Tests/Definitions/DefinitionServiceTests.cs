using Microsoft.Extensions.DependencyInjection;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Tests.Definitions;

public sealed class DefinitionServiceTests
{
    [Fact]
    public async Task Draft_IsReplacedUntilPublished_ThenEachPublishIsTheNextImmutableVersion()
    {
        await using var engine = await TestEngine.StartAsync();
        var xml = BpmnFiles.Read("user-task.bpmn");

        var draft = await engine.Definitions.SaveDraftAsync(xml, Actors.ProcessOwner);
        var redraft = await engine.Definitions.SaveDraftAsync(xml.Replace("Granska ärendet", "Granska"), Actors.ProcessOwner);
        Assert.Equal(draft.Id, redraft.Id);
        Assert.Null(redraft.Version);
        await Assert.ThrowsAsync<NotFoundException>(() => engine.Definitions.GetAsync("UserTask", null));

        var v1 = await engine.Definitions.PublishDraftAsync("UserTask", Actors.ProcessOwner);
        var v2 = await engine.Definitions.PublishAsync(xml, Actors.ProcessOwner);

        Assert.Equal((1, DefinitionStatus.Published), (v1.Version, v1.Status));
        Assert.Equal(2, v2.Version);
        Assert.Contains("<bpmn:userTask id=\"Review\" name=\"Granska\">", (await engine.Definitions.GetAsync("UserTask", 1)).Xml);
        Assert.Equal(2, (await engine.Definitions.GetAsync("UserTask", null)).Version);
        await Assert.ThrowsAsync<NotFoundException>(() => engine.Definitions.PublishDraftAsync("UserTask", Actors.ProcessOwner));
    }

    [Fact]
    public async Task Export_ReturnsTheDocumentAsSubmitted_DiagramIncluded()
    {
        await using var engine = await TestEngine.StartAsync();
        var xml = BpmnFiles.Read("user-task.bpmn");
        await engine.Definitions.PublishAsync(xml, Actors.ProcessOwner);

        var exported = (await engine.Definitions.GetAsync("UserTask", 1)).Xml;

        Assert.Equal(xml, exported);
        Assert.Contains("<bpmndi:BPMNShape id=\"Review_di\" bpmnElement=\"Review\">", exported);
    }

    [Fact]
    public async Task InvalidDocument_IsRefusedWithItsProblems_AndNothingIsStored()
    {
        await using var engine = await TestEngine.StartAsync();
        var broken = BpmnFiles.Read("user-task.bpmn").Replace("targetRef=\"End\"", "targetRef=\"Nowhere\"");

        var refused = await Assert.ThrowsAsync<DefinitionInvalidException>(() => engine.Definitions.PublishAsync(broken, Actors.ProcessOwner));

        Assert.Contains(refused.Problems, p => p.ElementId == "Flow_2");
        Assert.Empty(await engine.Definitions.ListAsync());
    }

    [Fact]
    public async Task Publish_PastTheValidationBudget_IsRefusedAsInvalid_AndNothingIsStored()
    {
        await using var engine = await TestEngine.StartAsync(configure: services =>
            services.Configure<DefinitionOptions>(o => o.ValidationBudget = TimeSpan.FromTicks(1)));

        var refused = await Assert.ThrowsAsync<DefinitionInvalidException>(() => engine.Definitions.PublishAsync(BpmnFiles.Read("user-task.bpmn"), Actors.ProcessOwner));
        await Assert.ThrowsAsync<DefinitionInvalidException>(() => engine.Definitions.SaveDraftAsync(BpmnFiles.Read("user-task.bpmn"), Actors.ProcessOwner));

        Assert.Contains("time budget", Assert.Single(refused.Problems).Message);
        Assert.Empty(await engine.Definitions.ListAsync());
    }

    [Fact]
    public async Task Publish_WhenCancelled_StopsAndStoresNothing()
    {
        await using var engine = await TestEngine.StartAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.Definitions.PublishAsync(BpmnFiles.Read("user-task.bpmn"), Actors.ProcessOwner, cancelled.Token));

        Assert.Empty(await engine.Definitions.ListAsync());
    }

    [Fact]
    public async Task Retire_StopsNewStartsOnThatVersion_AndOnlyPublishedVersionsCanBeRetired()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishFileAsync("user-task.bpmn");

        await engine.Definitions.RetireAsync("UserTask", 1);

        await Assert.ThrowsAsync<NotFoundException>(() => engine.StartAsync("UserTask"));
        await Assert.ThrowsAsync<ConflictException>(() => engine.Definitions.RetireAsync("UserTask", 1));
        await Assert.ThrowsAsync<NotFoundException>(() => engine.Definitions.RetireAsync("UserTask", 7));
    }
}
