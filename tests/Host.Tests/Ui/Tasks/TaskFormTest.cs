using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Tasks;

/// <summary>A browser test of a task form: open a case's task at /tasks/{id}, fill its fields by their JSON paths, complete it.</summary>
public abstract class TaskFormTest : BrowserTest
{

    protected TaskFormTest(BrowserFixture browser)
        : base(browser)
    {
    }

    /// <summary>Signs in as <paramref name="user"/> and opens the case's open task at that element, once its form is on screen.</summary>
    protected async Task<IPage> OpenTaskAsync(string caseId, string elementId, string user = "anna")
    {
        var task = await Cases.TaskAsync(caseId, elementId, user);
        var page = await SignInAsync(user);
        await page.GotoAsync($"/tasks/{(string)task["id"]!}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = (string)task["title"]!, Level = 1 })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>The text input of the field with that JSON path (<c>measures[1].dueDate</c>).</summary>
    protected static ILocator Field(IPage page, string path) =>
        page.Locator($"[data-field='{path}']").Locator("textarea:not([aria-hidden='true']):not([readonly]), input:not([type='hidden']):not([readonly]):not([aria-hidden='true'])").First;

    protected static Task FillAsync(IPage page, string path, string value) => Field(page, path).FillAsync(value);

    /// <summary>Picks a radio button by its Swedish label.</summary>
    protected static Task ChooseRadioAsync(IPage page, string label) =>
        page.GetByRole(AriaRole.Radio, new() { Name = label, Exact = true }).CheckAsync(new() { Force = true });

    /// <summary>Opens the select of that field and picks the option shown with that text.</summary>
    protected static async Task SelectAsync(IPage page, string path, string option)
    {
        await page.Locator($"[data-field='{path}'] .mud-select").First.ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") });
        await item.First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    protected static Task CompleteInBrowserAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Slutför uppgiften" }).ClickAsync();

    protected static Task ExpectCompletedAsync(IPage page) =>
        Assertions.Expect(page.GetByText("Uppgiften är slutförd och ärendet har gått vidare.")).ToBeVisibleAsync();

    /// <summary>A task as the API shows it, with the data it was completed with.</summary>
    protected async Task<JsonNode> TaskByIdAsync(string taskId, string user = "anna") =>
        await (await Host.As(user).GetAsync($"/api/tasks/{taskId}")).OkJsonAsync();

    protected static async Task FillRiskAssessmentAsync(IPage page, string level = "Hög")
    {
        await ChooseRadioAsync(page, level);
        for (var i = 0; i < 6; i++)
        {
            await FillAsync(page, $"factors[{i}].assessment", $"Bedömning av faktor {i + 1} vid samtal.");
        }

        await FillAsync(page, "riskManagementMeasures", "Täta besök och drogtester under de första månaderna.");
        await FillAsync(page, "needs", "Stöd till sysselsättning och boende.");
    }
}
