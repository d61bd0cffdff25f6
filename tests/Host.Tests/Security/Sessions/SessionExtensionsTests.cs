using Microsoft.Extensions.Configuration;
using Verkstallighet.Host.Security;
using Verkstallighet.Host.Security.Sessions;

namespace Verkstallighet.Host.Tests.Security.Sessions;

public sealed class SessionExtensionsTests
{
    [Theory]
    [InlineData(null, 20)]
    [InlineData("00:45:00", 45)]
    public void IdleTimeout_IsTheSetting_OrTwentyMinutes(string? setting, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), SessionExtensions.IdleTimeout(Configuration(setting)));
    }

    [Theory]
    [InlineData("twenty minutes")]
    [InlineData("00:00:00")]
    [InlineData("-00:10:00")]
    public void IdleTimeout_StopsTheHost_WhenNotAPositiveTimeSpan(string setting)
    {
        var error = Assert.Throws<HostConfigurationException>(() => SessionExtensions.IdleTimeout(Configuration(setting)));

        Assert.Contains("Authentication:IdleTimeout", error.Message);
    }

    private static IConfiguration Configuration(string? idleTimeout) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Authentication:IdleTimeout"] = idleTimeout })
        .Build();
}
