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

        var (draft, _) = await engine.Definitions.SaveDraftAsync(xml, Actors.ProcessOwner);
        var (redraft, _) = await engine.Definitions.SaveDraftAsync(xml.Replace("Granska ärendet", "Granska"), Actors.ProcessOwner);
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

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.Definitions.PublishAsync(BpmnFiles.Read("user-task.bpmn"), Actors.ProcessOwner, cancellationToken: cancelled.Token));

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

    [Fact]
    public async Task EachWayOfPublishing_KeepsTheModelItValidated_SoTheDocumentIsNotParsedAgainToRunIt()
    {
        await using var engine = await TestEngine.StartAsync();
        var models = engine.Services.GetRequiredService<ProcessModelCache>();
        await engine.Definitions.SaveDraftAsync(BpmnFiles.Read("user-task.bpmn"), Actors.ProcessOwner);

        var fromDraft = await engine.Definitions.PublishDraftAsync("UserTask", Actors.ProcessOwner);
        var direct = await engine.Definitions.PublishAsync(BpmnFiles.Read("exclusive.bpmn"), Actors.ProcessOwner);
        var (_, seeded) = await engine.Definitions.PublishIfNewAsync(BpmnFiles.Read("timer-start.bpmn"), Actors.ProcessOwner);

        foreach (var published in new[] { fromDraft, direct, seeded! })
        {
            Assert.True(models.TryGet(published.Id, out var model), $"Publishing {published.Key} left no model for its runtime, which would parse the document again.");
            Assert.Equal(published.Key, model.Key);
        }
    }

    [Fact]
    public async Task PublishIfNew_PublishesAKeyOnce_AndReturnsTheProblemsOfAnInvalidDocument_StoringNothing()
    {
        await using var engine = await TestEngine.StartAsync();
        var xml = BpmnFiles.Read("user-task.bpmn");

        var (first, published) = await engine.Definitions.PublishIfNewAsync(xml, Actors.ProcessOwner);
        var (again, republished) = await engine.Definitions.PublishIfNewAsync(xml.Replace("Granska ärendet", "Ändrad"), Actors.ProcessOwner);
        var (broken, notPublished) = await engine.Definitions.PublishIfNewAsync(BpmnFiles.Read("exclusive.bpmn").Replace("targetRef=\"Risk\"", "targetRef=\"Nowhere\""), Actors.ProcessOwner);

        Assert.True(first.IsValid && again.IsValid);
        Assert.Equal(1, published!.Version);
        Assert.Null(republished);
        Assert.Null(notPublished);
        Assert.Contains(broken.Problems, p => p.ElementId == "f1");
        Assert.Contains("Granska ärendet", Assert.Single(await engine.Definitions.ListAsync()).Xml);
    }
}
