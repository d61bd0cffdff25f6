using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Diagram;

public sealed class WorkflowDiagramTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string AssessName = "Risk- och behovsbedömning";

    [Fact]
    public async Task DiagramPage_DrawsTheCasesWorkflow_WithTheWaitingStepHighlightedAndNamedInText()
    {
        var caseId = await Cases.CreateCaseAsync();
        var instanceId = await Cases.InstanceIdAsync(caseId);
        var page = await SignInAsync("anna");
        // Collected in the page (an init script is not subject to the policy), so that anything the viewer needs beyond
        // the Content-Security-Policy (eval, a foreign font or style) fails the test.
        await page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
              window.__cspViolations.push(e.effectiveDirective + ' ' + e.blockedURI));
            """);

        await page.GotoAsync($"/instances/{instanceId}/diagram");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Arbetsflöde för ärendet", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var assess = page.Locator(".workflow-diagram__canvas svg g.djs-element[data-element-id='Assess']");
        await Assertions.Expect(assess).ToBeVisibleAsync(new() { Timeout = 30_000 }); // the first draw loads the bundle
        await Assertions.Expect(assess).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bvp-waiting\b"));
        await Assertions.Expect(page.Locator("g.djs-element[data-element-id='Start']")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bvp-waiting\b"));
        await Assertions.Expect(page.Locator(".vp-waiting-badge").First).ToHaveTextAsync("Väntar");
        await Assertions.Expect(page.Locator("li[data-waiting-element='Assess']")).ToHaveTextAsync(AssessName);
        await Assertions.Expect(page.GetByRole(AriaRole.Figure, new() { Name = $"Väntar vid: {AssessName}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = $"Väntar vid: {AssessName}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".bjs-powered-by")).ToBeVisibleAsync();

        // Neither the shell nor the viewer needs anything the policy refuses.
        var violations = await page.EvaluateAsync<string[]>("window.__cspViolations");
        Assert.Empty(violations);
        Assert.Contains("anna Read instance diagram", await Cases.AccessLogAsync(caseId));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("diagram");
    }

    [Fact]
    public async Task InstanceView_MarksThePathTaken_AndListsThePendingDeadlineAndTheJournal()
    {
        var caseId = await Cases.CreateCaseAsync();
        await Cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        var instanceId = await Cases.InstanceIdAsync(caseId);
        var page = await SignInAsync("anna");

        await page.GotoAsync($"/instances/{instanceId}/diagram");

        var assess = page.Locator(".workflow-diagram__canvas svg g.djs-element[data-element-id='Assess']");
        await Assertions.Expect(assess).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bvp-done\b"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("g.djs-element[data-element-id='PlanDraft']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bvp-waiting\b"));
        // The plan is due one month from supervision's start, 31 January: 28 February (16 §).
        await Assertions.Expect(page.GetByTestId("instance-timers").Locator("li[data-timer-element='PlanOverdue']")).ToContainTextAsync("2026-02-28");
        await Assertions.Expect(page.GetByTestId("instance-journal")).ToContainTextAsync("Uppgift slutförd Assess (anna)");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Försök igen") })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("instance-view");
    }

    [Fact]
    public async Task InstanceView_ListsAnOpenIncident_AndAProcessOwnerRetriesIt()
    {
        // A condition that fails when it runs (no such variable): the gateway raises an incident. No DI, as from a script.
        const string Failing = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs_Fail" targetNamespace="urn:test">
              <bpmn:process id="Failing" isExecutable="true">
                <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:exclusiveGateway id="Decide" default="F3"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing><bpmn:outgoing>F3</bpmn:outgoing></bpmn:exclusiveGateway>
                <bpmn:endEvent id="Yes"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
                <bpmn:endEvent id="No"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Decide" />
                <bpmn:sequenceFlow id="F2" sourceRef="Decide" targetRef="Yes"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">noSuchVariable.count &gt; 0</bpmn:conditionExpression></bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="F3" sourceRef="Decide" targetRef="No" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        var owner = Host.As("cecilia");
        await (await owner.PostXmlAsync("/api/definitions", Failing)).OkJsonAsync();
        var started = await (await Host.As("anna").PostJsonAsync("/api/instances", new { definitionKey = "Failing", office = "Stockholm City" })).OkJsonAsync();
        var instanceId = (string)started["instanceId"]!;
        Func<IPage, ILocator> incidents = p => p.GetByTestId("instance-incidents");

        var officer = await SignInAsync("anna");
        await officer.GotoAsync($"/instances/{instanceId}/diagram");
        await Assertions.Expect(incidents(officer)).ToContainTextAsync("Decide");
        await Assertions.Expect(officer.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Försök igen") })).ToHaveCountAsync(0);

        var page = await SignInAsync("cecilia");
        await page.GotoAsync($"/instances/{instanceId}/diagram");
        // The document has no diagram interchange: the drawing says so, and the facts stay.
        await Assertions.Expect(page.GetByText("Diagrammet kunde inte ritas: no diagram to display")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Försök igen med Decide" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Steget har körts igen.")).ToBeVisibleAsync();
        // The cause is still there, so the retry failed the same way: the journal shows the incident twice.
        var journal = (await (await owner.GetAsync($"/api/instances/{instanceId}/journal")).OkJsonAsync()).AsArray();
        Assert.Equal(2, journal.Count(e => (string?)e!["kind"] == "IncidentRaised"));
        await Assertions.Expect(incidents(page).Locator("li")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task DiagramPage_DrawsTheVersionTheCaseRunsOn_NotTheLatest()
    {
        var caseId = await Cases.CreateCaseAsync();
        var instanceId = await Cases.InstanceIdAsync(caseId);
        var owner = Host.As("cecilia");
        var instance = await (await owner.GetAsync($"/api/instances/{instanceId}")).OkJsonAsync();
        var key = (string)instance["instance"]!["definitionKey"]!;
        var version = (int)instance["instance"]!["definitionVersion"]!;
        var xml = await owner.GetStringAsync($"/api/definitions/{key}/versions/{version}/xml");
        Assert.Contains($"name=\"{AssessName}\"", xml);
        await (await owner.PostXmlAsync("/api/definitions", xml.Replace($"id=\"Assess\" name=\"{AssessName}\"", "id=\"Assess\" name=\"Bedömning i nästa version\""))).OkJsonAsync();

        var page = await SignInAsync("anna");
        await page.GotoAsync($"/instances/{instanceId}/diagram");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"version {version}" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("g.djs-element[data-element-id='Assess']")).ToContainTextAsync("behovsbedömning", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("li[data-waiting-element='Assess']")).ToHaveTextAsync(AssessName);
        await Assertions.Expect(page.GetByText("Bedömning i nästa version")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task DiagramPage_RefusesAnOfficerOfAnotherOffice_AndLogsTheRefusal()
    {
        var caseId = await Cases.CreateCaseAsync();
        var instanceId = await Cases.InstanceIdAsync(caseId);
        var page = await SignInAsync("erik");

        await page.GotoAsync($"/instances/{instanceId}/diagram");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("svg g.djs-element")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText(AssessName)).ToHaveCountAsync(0);
        Assert.Contains("erik Denied instance diagram", await Cases.AccessLogAsync(caseId));
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task DiagramBundle_IsServedAsJavaScript_WithItsStyles()
    {
        var client = Host.As("anna");

        var script = await client.GetAsync("/js/diagram-viewer.js");
        var styles = await client.GetAsync("/js/diagram-viewer.css");

        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("importXML", await script.Content.ReadAsStringAsync());
        Assert.Equal(System.Net.HttpStatusCode.OK, styles.StatusCode);
        Assert.Equal("text/css", styles.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".vp-waiting", await styles.Content.ReadAsStringAsync());
    }
}
