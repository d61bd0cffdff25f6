using System.Text;
using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Host.Tests.Ui.Support;

namespace Verkstallighet.Host.Tests.Ui.Studio;

public sealed class StudioMigrationPageTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task ProcessOwner_DryRunsAndMigratesOneRunningCase_ToVersion2_AndTheOtherStays()
    {
        var moved = await Cases.CreateCaseAsync();
        var stays = await Cases.CreateCaseAsync();
        var owner = Host.As("cecilia");
        var v1 = await (await owner.GetAsync("/api/definitions/Supervision/versions/1/xml")).Content.ReadAsStringAsync();
        var v2 = v1.Replace("name=\"Risk- och behovsbedömning\"", "name=\"Risk- och behovsbedömning (ny)\"");
        Assert.NotEqual(v1, v2);
        await (await owner.PostAsync("/api/definitions?changeNote=Nytt%20namn", new StringContent(v2, Encoding.UTF8, "application/xml"))).OkJsonAsync();
        var movedInstance = (string)(await Cases.CaseAsync(moved))["workflowInstanceId"]!;
        var staysInstance = (string)(await Cases.CaseAsync(stays))["workflowInstanceId"]!;

        var page = await SignInAsync("cecilia");
        await page.GotoAsync("/studio/Supervision/migrate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Provkör", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("migration-status")).ToContainTextAsync("Kan flyttas: 2 ärenden");
        var staysNumber = (long)(await Cases.CaseAsync(stays))["client"]!["number"]!;
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Ta med ärende {staysNumber}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Provkör igen med valen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("migration-status")).ToContainTextAsync("Kan flyttas: 1 ärende");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("studio-migration-dry-run");

        await page.GetByTestId("apply-migration").ClickAsync();
        await Assertions.Expect(page.GetByTestId("migration-status")).ToContainTextAsync("1 flyttade");
        await page.ScreenshotAsync("studio-migration-applied");

        Assert.Equal(2, await VersionAsync(movedInstance));
        Assert.Equal(1, await VersionAsync(staysInstance));
        var journal = (await (await owner.GetAsync($"/api/instances/{movedInstance}/journal")).OkJsonAsync()).AsArray();
        Assert.Contains(journal, e => (string?)e!["kind"] == "InstanceMigrated" && (string?)e["actor"] == "cecilia");
    }

    [Fact]
    public async Task Officer_CannotOpenTheMigrationPage()
    {
        var page = await SignInAsync("anna");
        await page.GotoAsync("/studio/Supervision/migrate");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ingen behörighet" })).ToBeVisibleAsync();
    }

    private async Task<int> VersionAsync(string instanceId) =>
        (int)(await (await Host.As("cecilia").GetAsync($"/api/instances/{instanceId}")).OkJsonAsync())["instance"]!["definitionVersion"]!;
}
