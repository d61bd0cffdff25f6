namespace Verkstallighet.Host.Security.Sessions;

public static class AntiforgeryValidationExtensions
{
    /// <summary>The endpoint accepts only forms with a valid antiforgery token.</summary>
    public static RouteHandlerBuilder RequireAntiforgeryToken(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<AntiforgeryValidation>();
}
