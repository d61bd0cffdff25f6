using System.Security.Claims;
using Verkstallighet.Activities;
using Verkstallighet.Workflows;

namespace Verkstallighet.Host.Security;

public static class ActorExtensions
{
    /// <summary>
    /// The engine's view of the signed-in user: id, roles and office. Roles are the claims of each identity's own role
    /// claim type, the one the authorization policies read too: <c>roles</c> from the identity provider's tokens and
    /// its cookie sign-in, <see cref="ClaimTypes.Role"/> in Development.
    /// </summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous",
        user.Identities.SelectMany(identity => identity.FindAll(identity.RoleClaimType)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
        user.FindFirstValue(Roles.OfficeClaim));
}
