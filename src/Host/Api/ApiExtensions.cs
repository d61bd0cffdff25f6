using Scalar.AspNetCore;
using Verkstallighet.Host.Api.AccessLog;
using Verkstallighet.Host.Api.Activities;
using Verkstallighet.Host.Api.Cases;
using Verkstallighet.Host.Api.Clock;
using Verkstallighet.Host.Api.DeadlineRules;
using Verkstallighet.Host.Api.Definitions;
using Verkstallighet.Host.Api.Incidents;
using Verkstallighet.Host.Api.Instances;
using Verkstallighet.Host.Api.Messages;
using Verkstallighet.Host.Api.Migrations;
using Verkstallighet.Host.Api.Notifications;
using Verkstallighet.Host.Api.Simulations;
using Verkstallighet.Host.Api.Statements;
using Verkstallighet.Host.Api.Tasks;
using Verkstallighet.Host.Database;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows.Json;

namespace Verkstallighet.Host.Api;

public static class ApiExtensions
{
    /// <summary>The largest request body Kestrel accepts (BPMN documents have their own, smaller limit).</summary>
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    public static WebApplicationBuilder AddVerkstallighetApi(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(options => WorkflowJson.Configure(options.SerializerOptions));
        // Minimal APIs answer a body that outgrew the limit while being bound with a bare 413; say which limit.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge
                ? RequestSizeLimit.TooLargeMessage(MaxRequestBodyBytes)
                : null);
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Verkställighet.Workflows";
            document.Info.Description = "Workflow engine for Kriminalvården's verkställighetsplanering: definitions, instances, tasks, messages, timers.";
            return Task.CompletedTask;
        }));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgresql");
        return builder;
    }

    /// <param name="beforeRouting">Middleware that must see the API's status pages' answer come back and run before routing (the UI's "not found" page).</param>
    public static WebApplication UseVerkstallighetApi(this WebApplication app, bool simulatedClock, Action<WebApplication>? beforeRouting = null)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimit>(MaxRequestBodyBytes);
        beforeRouting?.Invoke(app);
        app.UseRouting(); // here, after the status pages, so that a re-executed request is routed anew
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery(); // validates the forms of endpoints that ask for it (Blazor's among them)

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi();
        // Its fonts come from this Host, not from Scalar's font server, which the Content-Security-Policy does not allow.
        app.MapScalarApiReference(options => options.WithTitle("Verkställighet.Workflows API").DisableDefaultFonts());
        app.MapSignInAndOut(app.Environment.IsDevelopment());
        app.MapDefinitions();
        app.MapInstances();
        app.MapCases();
        app.MapStatements();
        app.MapTasks();
        app.MapNotifications();
        app.MapMessages();
        app.MapIncidents();
        app.MapActivities();
        app.MapDeadlineRules();
        app.MapMigrations();
        app.MapAccessLog();
        app.MapClock(simulatedClock);
        app.MapSimulations();
        app.MapHangfireDashboardForAdministrators();
        // An address under /api that no endpoint has is a 404 for every method, never a 405 that some page's GET
        // route (the UI's, or static files') would otherwise make of it.
        app.MapFallback("/api/{**path}", (HttpContext context) => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                detail: $"There is no API endpoint {context.Request.Method} {context.Request.Path}."))
            .ExcludeFromDescription();
        return app;
    }
}
