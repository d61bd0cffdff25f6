using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Scalar.AspNetCore;
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

    public static WebApplication UseVerkstallighetApi(this WebApplication app, bool simulatedClock)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimit>(MaxRequestBodyBytes);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery(); // validates the forms of endpoints that ask for it (Blazor's among them)

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi();
        // Its fonts come from this Host, not from Scalar's font server, which the Content-Security-Policy does not allow.
        app.MapScalarApiReference(options => options.WithTitle("Verkställighet.Workflows API").DisableDefaultFonts());
        if (app.Environment.IsDevelopment())
        {
            app.MapDevelopmentLogin();
        }

        app.MapGet("/", (HttpContext context, IAntiforgery antiforgery) => Results.Content(HomePage(antiforgery.GetAndStoreTokens(context)), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapDefinitions();
        app.MapInstances();
        app.MapCases();
        app.MapTasks();
        app.MapMessages();
        app.MapIncidents();
        app.MapActivities();
        app.MapDeadlineRules();
        app.MapAccessLog();
        app.MapClock(simulatedClock);
        app.MapHangfireDashboardForAdministrators();
        return app;
    }

    private static string HomePage(AntiforgeryTokenSet antiforgery) => $$"""
        <!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Verkställighet.Workflows</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto}</style></head><body>
        <h1>Verkställighet.Workflows</h1>
        <ul>
          <li><a href="/scalar/v1">API-referens</a> (OpenAPI: <a href="/openapi/v1.json">/openapi/v1.json</a>)</li>
          <li><a href="/hangfire">Hangfire</a> (administratörer)</li>
          <li><a href="/health">Hälsa</a></li>
        </ul>
        <form method="post" action="/logout"><input type="hidden" name="{{WebUtility.HtmlEncode(antiforgery.FormFieldName)}}" value="{{WebUtility.HtmlEncode(antiforgery.RequestToken)}}"><button>Logga ut</button></form>
        </body></html>
        """;
}

/// <summary>Healthy when PostgreSQL answers.</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", e);
        }
    }
}
