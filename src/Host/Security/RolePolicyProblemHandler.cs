using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Verkstallighet.Host.Security;

/// <summary>
/// An API call refused by a role policy gets a 403 ProblemDetails that names the roles it needs and those the caller
/// has, so that a script's author sees why. Everything else (pages, the Hangfire dashboard, challenges) is handled as
/// ASP.NET Core does by default.
/// </summary>
public sealed class RolePolicyProblemHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        // The standard handling first: it runs the endpoint, or challenges or forbids through the scheme, which for the
        // API only sets the status; the refusal's body is written here.
        await standard.HandleAsync(next, context, policy, authorizeResult);
        var roles = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<RolesAuthorizationRequirement>().FirstOrDefault();
        if (!authorizeResult.Forbidden || roles is null || !context.Request.Path.StartsWithSegments("/api") || context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden.",
                Detail = Refusal(roles.AllowedRoles, context.User.ToActor().Roles),
                Instance = context.Request.Path,
            },
        });
    }

    public static string Refusal(IEnumerable<string> needed, IReadOnlyCollection<string> held) =>
        $"This needs the role {string.Join(" or ", needed)}; you have {(held.Count == 0 ? "no role" : string.Join(", ", held))}.";
}
