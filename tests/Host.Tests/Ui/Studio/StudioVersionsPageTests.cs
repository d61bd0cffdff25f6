using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Studio;

public sealed class StudioVersionsPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task History_ShowsTheChangeNote_AndTheDiffMarksAndListsTheRenamedTask()
    {
        await PublishRenamedAssessmentAsync();
        var page = await SignInAsync("cecilia");
        await page.GotoAsync("/studio/Supervision/versions");
        await Assertions.Expect(page.GetByTestId("versions").Locator("tr[data-version='2']")).ToContainTextAsync("Nytt namn på bedömningen");

        await page.GetByRole(AriaRole.Button, new() { Name = "Jämför" }).ClickAsync();
        await page.ExpectPathAsync("/studio/Supervision/diff/1/2");
        var row = page.GetByTestId("changes-changed").Locator("tr[data-changed='Assess']");
        await Assertions.Expect(row).ToContainTextAsync("Namn");
        await Assertions.Expect(row).ToContainTextAsync("Risk- och behovsbedömning (ny)");
        await Assertions.Expect(page.Locator("[data-testid='diff-new'] .djs-element.vp-diff-changed[data-element-id='Assess']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid='diff-old'] .djs-element.vp-diff-changed[data-element-id='Assess']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("changes-added")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("studio-diff");
    }

    [Fact]
    public async Task ProcessOwner_RetiresVersion1_AndNewCasesStartOnVersion2()
    {
        await PublishRenamedAssessmentAsync();
        var page = await SignInAsync("cecilia");
        await page.GotoAsync("/studio/Supervision/versions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Dra tillbaka version 1" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("versions").Locator("tr[data-version='1']")).ToContainTextAsync("Tillbakadragen");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dra tillbaka version 1" })).ToHaveCountAsync(0);
        var caseId = await Cases.CreateCaseAsync();
        var instance = await (await Host.As("cecilia").GetAsync($"/api/instances/{await Cases.InstanceIdAsync(caseId)}")).OkJsonAsync();
        Assert.Equal(2, (int)instance["instance"]!["definitionVersion"]!);
    }

    [Fact]
    public async Task Officer_SeesTheWorkflowReadOnly_WithoutSaveOrPublish()
    {
        var page = await SignInAsync("anna");
        await page.GotoAsync("/studio/Supervision");
        await Assertions.Expect(page.GetByText("Du kan titta på arbetsflödet.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='studio-canvas'] .djs-element[data-element-id='PlanDraft']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publicera …" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".djs-palette")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    }

    /// <summary>
    /// The modeler page's time to interactive with the shipped supervision workflow on a warm Host: from navigation to
    /// the diagram drawn with its palette and the first validation shown. Kept as an artefact (the README quotes it);
    /// the figure depends on the machine, so the test fails only when the page never becomes interactive.
    /// </summary>
    [Fact]
    public async Task ModelerPage_BecomesInteractive_AndTheTimeIsKept()
    {
        var page = await SignInAsync("cecilia");
        var times = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            var watch = Stopwatch.StartNew();
            await page.GotoAsync("/studio/Supervision");
            await Assertions.Expect(page.Locator("[data-testid='studio-canvas'] .djs-element[data-element-id='PlanDraft']")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator(".djs-palette")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("problem-summary")).ToContainTextAsync("Inga problem");
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        var warm = times.Skip(1).Order().ToList(); // the first load warms the Host and the browser's cache
        var figure = $"studio modeler interactive (warm, supervision.bpmn): median {warm[warm.Count / 2]:F0} ms, best {warm[0]:F0} ms, of {warm.Count} loads";
        Console.WriteLine(figure);
        Directory.CreateDirectory(PageChecks.ScreenshotDirectory);
        await File.WriteAllTextAsync(Path.Combine(PageChecks.ScreenshotDirectory, "studio-load-time.txt"), figure + Environment.NewLine);
    }

    private async Task PublishRenamedAssessmentAsync()
    {
        var owner = Host.As("cecilia");
        var v1 = await (await owner.GetAsync("/api/definitions/Supervision/versions/1/xml")).Content.ReadAsStringAsync();
        var v2 = v1.Replace("name=\"Risk- och behovsbedömning\"", "name=\"Risk- och behovsbedömning (ny)\"");
        Assert.NotEqual(v1, v2);
        await (await owner.PostAsync("/api/definitions?changeNote=Nytt%20namn%20p%C3%A5%20bed%C3%B6mningen", new StringContent(v2, Encoding.UTF8, "application/xml"))).OkJsonAsync();
    }
}
