using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Verkstallighet.Host.Tests.Ui.Support;

/// <summary>What every browser test checks of a page: WCAG 2.1 AA by axe, and a screenshot kept as an artefact.</summary>
public static class PageChecks
{
    /// <summary>Fails on any serious or critical axe violation of WCAG 2.0/2.1 A and AA, naming the rule and the elements.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join("; ", v.Nodes.Take(5).Select(n => n.Html))}")));
    }

    /// <summary>
    /// Waits until the page's address has this path. It polls the address rather than waiting for a navigation event,
    /// so a Blazor NavigateTo (a same-document history change) that lands just before the wait starts is not missed.
    /// </summary>
    public static Task ExpectPathAsync(this IPage page, string path) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex("^[a-z]+://[^/]+" + Regex.Escape(path) + "([?#].*)?$"));

    /// <summary>Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would; fails after 80 presses.</summary>
    public static async Task TabToAsync(this IPage page, string predicate, bool backwards = false)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await page.EvaluateAsync<bool>($"() => document.activeElement !== null && ({predicate})(document.activeElement)"))
            {
                return;
            }
        }

        Assert.Fail($"No focusable element matching {predicate} reached with {(backwards ? "Shift+Tab" : "Tab")}.");
    }

    /// <summary>Where screenshots go: SCREENSHOT_DIR, or artifacts/screenshots in the repository.</summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } configured ? configured : Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    /// <summary>Saves a full-page PNG named after the page, for people to look at (and for the README's pictures).</summary>
    public static async Task<string> ScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Verkstallighet.Workflows.sln")))
            {
                return directory.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
