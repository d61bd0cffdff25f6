using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Studio;

public sealed class StudioSimulationPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Workflow = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:vp="urn:verkstallighet:bpmn:1" id="Defs_Sim" targetNamespace="urn:test">
          <bpmn:process id="SimTest" name="Simuleringstest" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:userTask id="Review" name="Granska"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
            <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
            <bpmn:boundaryEvent id="ReviewOverdue" attachedToRef="Review" cancelActivity="false">
              <bpmn:outgoing>F3</bpmn:outgoing>
              <bpmn:timerEventDefinition vp:deadlineRule="PlanEstablishment" vp:anchor="supervisionStart" />
            </bpmn:boundaryEvent>
            <bpmn:userTask id="Escalate" name="Granskningen är sen"><bpmn:incoming>F3</bpmn:incoming><bpmn:outgoing>F4</bpmn:outgoing></bpmn:userTask>
            <bpmn:endEvent id="EscalateEnd"><bpmn:incoming>F4</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
            <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
            <bpmn:sequenceFlow id="F3" sourceRef="ReviewOverdue" targetRef="Escalate" />
            <bpmn:sequenceFlow id="F4" sourceRef="Escalate" targetRef="EscalateEnd" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task ProcessOwner_SimulatesAWorkflow_TheDeadlineFiresInSimulatedTime_AndNothingReachesTheRealInbox()
    {
        await (await Host.As("cecilia").PostXmlAsync("/api/definitions", Workflow)).OkJsonAsync();
        var realTasks = (await (await Host.As("anna").GetAsync("/api/tasks")).OkJsonAsync()).ToJsonString();
        var page = await SignInAsync("cecilia");
        await page.GotoAsync("/studio/SimTest/simulate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Starta simuleringen" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-simulation-task='Review']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("simulation-deadlines").Locator("li[data-deadline-element='ReviewOverdue']")).ToContainTextAsync("2026-02-28");

        // One month (16 §) from 31 January is 28 February; the deadline is overdue at the start of 1 March.
        await page.GetByRole(AriaRole.Button, new() { Name = "+1 månad" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("simulation-fired")).ToContainTextAsync("Ingen tid löpte ut.");
        await page.GetByRole(AriaRole.Button, new() { Name = "+1 dag" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("simulation-fired").Locator("li[data-fired-element='ReviewOverdue']")).ToContainTextAsync("2026-03-01 00:00");
        await Assertions.Expect(page.Locator("[data-simulation-task='Escalate']")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("studio-simulation");

        await page.Locator("[data-simulation-task='Review']").GetByRole(AriaRole.Button, new() { NameRegex = new("^Slutför i simuleringen") }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-simulation-task='Review']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("simulation-journal")).ToContainTextAsync("Uppgift slutförd Review");

        Assert.Equal(realTasks, (await (await Host.As("anna").GetAsync("/api/tasks")).OkJsonAsync()).ToJsonString());
        var instances = (await (await Host.As("cecilia").GetAsync("/api/instances?definitionKey=SimTest")).OkJsonAsync()).AsArray();
        Assert.Empty(instances);

        await page.GetByRole(AriaRole.Button, new() { Name = "Avsluta simuleringen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Starta simuleringen" })).ToBeVisibleAsync();
    }
}
