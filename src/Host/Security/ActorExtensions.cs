using Verkstallighet.Activities;
using System.Security.Claims;
using Verkstallighet.Workflows;

namespace Verkstallighet.Host.Security;

public static class ActorExtensions
{
    /// <summary>The engine's view of the signed-in user: id, roles and office.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
        user.FindFirstValue(Roles.OfficeClaim));
}
