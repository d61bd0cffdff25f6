using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows;

namespace Verkstallighet.Host.Ui.Shell;

/// <summary>The signed-in user of this circuit, as the services know users: the same <see cref="Actor"/> the API builds.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<Actor> GetAsync() => (await UserAsync()).ToActor();
}
