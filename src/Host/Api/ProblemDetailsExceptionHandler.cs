using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Verkstallighet.Activities.Documents;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.InstanceMigration;

namespace Verkstallighet.Host.Api;

/// <summary>Turns the engine's refusals, and malformed requests, into ProblemDetails with the right status.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            DefinitionInvalidException invalid => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The workflow definition is not valid.",
                Detail = invalid.Message,
                Extensions = { ["problems"] = invalid.Problems.Select(p => new { elementId = p.ElementId, message = p.Message }).ToList() },
            },
            MigrationRefusedException refused => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The migration cannot be applied; nothing was changed.",
                Detail = refused.Message,
                Extensions = { ["problems"] = refused.Problems.Select(p => new { instanceId = p.InstanceId, elementId = p.ElementId, message = p.Message }).ToList() },
            },
            FormInvalidException form => new HttpValidationProblemDetails(
                form.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The submitted data is not valid.",
                Detail = form.Message,
            },
            BadRequestException bad => Problem(StatusCodes.Status400BadRequest, "The request is not valid.", bad.Message),
            NotFoundException missing => Problem(StatusCodes.Status404NotFound, "Not found.", missing.Message),
            ConflictException conflict => Problem(StatusCodes.Status409Conflict, "Conflict with the current state.", conflict.Message),
            ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, "Forbidden.", forbidden.Message),
            BadHttpRequestException bad => Problem(bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request is malformed.", Unwrap(bad)),
            FontsMissingException fonts => Problem(StatusCodes.Status503ServiceUnavailable, "The PDF cannot be made on this server.", fonts.Message),
            _ when IsDatabaseUnavailable(exception) => Problem(StatusCodes.Status503ServiceUnavailable, "The database is not available.",
                "PostgreSQL did not answer; nothing was changed. Try again shortly."),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error for {Method} {Path}", context.Request.Method, context.Request.Path);
            return false;
        }

        problem.Instance = context.Request.Path;
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static bool IsDatabaseUnavailable(Exception exception) =>
        exception is Npgsql.NpgsqlException { IsTransient: true } or TimeoutException
        || exception.InnerException is Npgsql.NpgsqlException { IsTransient: true } or TimeoutException;

    private static string Unwrap(Exception exception)
    {
        // Minimal APIs wrap JSON errors; the inner message says where the JSON was wrong.
        var inner = exception.InnerException;
        return inner is System.Text.Json.JsonException json ? $"{exception.Message} {json.Message}" : exception.Message;
    }
}
