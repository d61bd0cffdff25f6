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

    /// <summary>Throws a 403 with the reason unless the user has one of the roles.</summary>
    public static Actor RequireRole(this ClaimsPrincipal user, params string[] roles)
    {
        var actor = user.ToActor();
        if (!roles.Any(actor.IsInRole))
        {
            throw new ForbiddenException($"This needs the role {string.Join(" or ", roles)}; you have {(actor.Roles.Count == 0 ? "no role" : string.Join(", ", actor.Roles))}.");
        }

        return actor;
    }
}
