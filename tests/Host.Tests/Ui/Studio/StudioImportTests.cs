using System.Text;
using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Studio;

public sealed class StudioImportTests(BrowserFixture browser) : BrowserTest(browser)
{
    // In the shape Camunda Modeler 7 writes: not executable, a candidate group, an inclusive gateway the engine does not run.
    private const string CamundaFile = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.0.0">
          <bpmn:process id="Intake" name="Intag" isExecutable="false">
            <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:userTask id="Check" name="Kontrollera" camunda:candidateGroups="Chief"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>
            <bpmn:inclusiveGateway id="Split"><bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing></bpmn:inclusiveGateway>
            <bpmn:endEvent id="End"><bpmn:incoming>Flow_3</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Check" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Check" targetRef="Split" />
            <bpmn:sequenceFlow id="Flow_3" sourceRef="Split" targetRef="End" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_1">
            <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Intake">
              <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Check_di" bpmnElement="Check"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Split_di" bpmnElement="Split"><dc:Bounds x="395" y="95" width="50" height="50" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="502" y="102" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="340" y="120" /><di:waypoint x="395" y="120" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_3_di" bpmnElement="Flow_3"><di:waypoint x="445" y="120" /><di:waypoint x="502" y="120" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task ImportingACamundaFile_ListsWhatIsUnsupported_ThenMakesItExecutable_AndOpensItAsADraftWithTheSameProblems()
    {
        var page = await SignInAsync("cecilia");
        await page.GotoAsync("/studio");
        await page.GetByLabel("BPMN-fil från Studio, Camunda Modeler eller ett annat verktyg").SetInputFilesAsync(
            new FilePayload { Name = "intag.bpmn", MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes(CamundaFile) });

        var problems = page.GetByTestId("import-problems");
        await Assertions.Expect(problems).ToContainTextAsync("isExecutable");
        await Assertions.Expect(problems).ToContainTextAsync("Split");
        await Assertions.Expect(page.GetByTestId("import-result")).ToContainTextAsync("inte markerad som körbar");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("studio-import");

        await page.GetByRole(AriaRole.Button, new() { Name = "Gör processen körbar och öppna" }).ClickAsync();
        await page.ExpectPathAsync("/studio/Intake");
        await Assertions.Expect(page.Locator("[data-testid='studio-canvas'] .djs-element[data-element-id='Check']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("problems").Locator("li[data-problem-element='Split']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".djs-element.vp-problem[data-element-id='Split']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("not-executable")).ToHaveCountAsync(0);

        // Saved back from bpmn-js and exported: the other tool's attributes and the diagram are still there.
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Utkastet är sparat", new() { Exact = false })).ToBeVisibleAsync();
        var draft = await (await Host.As("cecilia").GetAsync("/api/definitions/Intake/draft/xml")).Content.ReadAsStringAsync();
        Assert.Contains("isExecutable=\"true\"", draft);
        Assert.Contains("camunda:candidateGroups=\"Chief\"", draft);
        Assert.Contains("exporter=\"Camunda Modeler\"", draft);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Exportera .bpmn" }).ClickAsync());
        Assert.Equal("Intake.bpmn", download.SuggestedFilename);
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("<bpmndi:BPMNShape id=\"Check_di\" bpmnElement=\"Check\">", exported);
        Assert.Contains("camunda:candidateGroups=\"Chief\"", exported);
    }

    [Fact]
    public async Task ImportingAFileThatIsNotXml_SaysSo_AndStoresNothing()
    {
        var page = await SignInAsync("cecilia");
        await page.GotoAsync("/studio");
        await page.GetByLabel("BPMN-fil från Studio, Camunda Modeler eller ett annat verktyg").SetInputFilesAsync(
            new FilePayload { Name = "inte.bpmn", MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes("<bpmn:definitions") });

        await Assertions.Expect(page.GetByText("not well-formed", new() { Exact = false })).ToBeVisibleAsync();
        var definitions = (await (await Host.As("cecilia").GetAsync("/api/definitions")).OkJsonAsync()).AsArray();
        Assert.DoesNotContain(definitions, d => (string?)d!["status"] == "Draft");
    }
}
