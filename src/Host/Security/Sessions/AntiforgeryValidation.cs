using Microsoft.AspNetCore.Antiforgery;

namespace Verkstallighet.Host.Security.Sessions;

/// <summary>
/// Refuses a form post whose antiforgery token is missing or does not match the caller's antiforgery cookie and user,
/// with a 400 ProblemDetails. For the browser forms only; API calls carry their credential in a header and need none.
/// </summary>
public sealed class AntiforgeryValidation(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context.HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Missing or invalid antiforgery token",
                detail: $"The form posted to {context.HttpContext.Request.Path} lacks a valid antiforgery token. Reload the page and submit the form again.");
        }

        return await next(context);
    }
}
