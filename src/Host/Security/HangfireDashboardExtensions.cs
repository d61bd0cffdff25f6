using Hangfire;

namespace Verkstallighet.Host.Security;

public static class HangfireDashboardExtensions
{
    /// <summary>The Hangfire dashboard at <c>/hangfire</c>, for administrators only.</summary>
    public static IEndpointRouteBuilder MapHangfireDashboardForAdministrators(this IEndpointRouteBuilder app)
    {
        var storage = app.ServiceProvider.GetRequiredService<JobStorage>();
        app.MapHangfireDashboardWithAuthorizationPolicy(
            Policies.Administrators,
            "/hangfire",
            new DashboardOptions { DashboardTitle = "Verkställighet.Workflows – timers", Authorization = [], AsyncAuthorization = [] },
            storage);
        return app;
    }
}
