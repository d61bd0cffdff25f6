using Microsoft.Playwright;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Ui.Support;

/// <summary>
/// A browser test: the Host with the shipped workflows on a real port and a fresh database, and the shared Chromium.
/// The pages it opened are closed before the Host stops, so no Blazor circuit holds the shutdown up.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<IPage> pages = [];

    protected CaseHost Cases { get; private set; } = null!;

    protected HostFactory Host => Cases.Host;

    public virtual async Task InitializeAsync() => Cases = await CaseHost.StartAsync(kestrel: true, configure: ConfigureHost);

    /// <summary>Settings of this class's Host beyond the defaults (for example a short idle timeout).</summary>
    protected virtual void ConfigureHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder host)
    {
    }

    /// <summary>A fresh browser profile signed in as the seeded user, on the page of their role.</summary>
    protected async Task<IPage> SignInAsync(string user) => Track(await browser.SignInAsync(Host.BaseAddress, user));

    /// <summary>A fresh browser profile, not signed in.</summary>
    protected async Task<IPage> AnonymousPageAsync() => Track(await browser.NewPageAsync(Host.BaseAddress));

    private IPage Track(IPage page)
    {
        pages.Add(page);
        return page;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }

        await Cases.DisposeAsync();
    }
}
