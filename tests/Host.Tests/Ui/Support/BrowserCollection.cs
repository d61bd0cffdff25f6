namespace Verkstallighet.Host.Tests.Ui.Support;

/// <summary>
/// The browser tests share one Chromium and run one class at a time, so that two cores are not shared by several
/// browsers and Hosts at once; the rest of the suite still runs beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
