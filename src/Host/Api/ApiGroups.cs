namespace Verkstallighet.Host.Api;

public static class ApiGroups
{
    /// <summary>
    /// The endpoints of one resource. Each needs a signed-in caller (the fallback policy) and says so in OpenAPI as a
    /// 401 ProblemDetails (the status code pages write it).
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix).WithTags(tag).ProducesProblem(StatusCodes.Status401Unauthorized);
}
