using System.Security.Claims;
using Verkstallighet.Host.Security;

namespace Verkstallighet.Host.Tests.Security;

public sealed class ActorExtensionsTests
{
    [Fact]
    public void Actor_FromTheIdentityProvidersToken_HasTheRolesItsPoliciesSee()
    {
        // As JWT bearer and OpenID Connect make it here: inbound claims not mapped, names and roles under their own types.
        var identity = new ClaimsIdentity(
            [new Claim("preferred_username", "karin"), new Claim("roles", "Chief"), new Claim("roles", "Officer"), new Claim("office", "Malmö")],
            authenticationType: "Bearer", nameType: "preferred_username", roleType: "roles");
        var user = new ClaimsPrincipal(identity);

        var actor = user.ToActor();

        Assert.True(user.IsInRole("Chief")); // what a policy sees…
        Assert.Equal(("karin", "Malmö"), (actor.UserId, actor.Office));
        Assert.Equal(["Chief", "Officer"], actor.Roles.Order()); // …is what the services see
    }

    [Fact]
    public void Actor_FromADevelopmentSignIn_ReadsTheStandardRoleClaims()
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "anna"), new Claim(ClaimTypes.Role, "Officer")], "Basic");

        var actor = new ClaimsPrincipal(identity).ToActor();

        Assert.Equal("anna", actor.UserId);
        Assert.Equal(["Officer"], actor.Roles);
    }
}
