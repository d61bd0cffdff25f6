using Microsoft.Playwright;

namespace Verkstallighet.Host.Tests.Ui.Support;

/// <summary>
/// One headless Chromium for the browser tests: Debian's <c>/usr/bin/chromium</c> (which .ci/run installs), driven by
/// Playwright for .NET. Set <c>CHROMIUM_PATH</c> to use another build.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultChromium;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {executable}: on Debian 'apt-get install chromium' (bash .ci/run does it), or set CHROMIUM_PATH.");
        }

        // Web-first assertions wait for their condition; on a busy CI machine a circuit may take more than the default 5 s.
        Assertions.SetDefaultExpectTimeout(45_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true });
    }

    /// <summary>A fresh browser profile (cookies and storage of its own) on the Host, signed in as the seeded user.</summary>
    public async Task<IPage> SignInAsync(Uri host, string user)
    {
        var page = await NewPageAsync(host);
        await page.GotoAsync("/login");
        await page.Locator($"button[name='login-{user}']").ClickAsync();
        // The landing page's document, not its load event (stylesheets and fonts can be slow on a busy machine);
        // callers wait for what they need on the page.
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    /// <summary>A fresh browser profile on the Host, not signed in; A4-wide enough for the case page's sections.</summary>
    public async Task<IPage> NewPageAsync(Uri host)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000); // a busy CI machine; every wait is for a condition, never a fixed sleep
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
