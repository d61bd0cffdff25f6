using Microsoft.AspNetCore.Http.HttpResults;
using Verkstallighet.Host.Api.Instances;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Host.Api.Messages;

/// <summary>Messages to waiting instances.</summary>
public static class MessagesEndpoints
{
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("/api/messages", "Messages")
            .MapPost("/", SendMessage)
            .RequireAuthorization(Policies.AnyRole)
            .WithSummary("Delivers a message. 409 when no instance waits for it (messages are never buffered).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Ok<StepResponse>> SendMessage(SendMessageRequest request, HttpContext context, WorkflowRuntime runtime, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            throw new BadRequestException("The message needs a name.");
        }

        var result = await runtime.SignalAsync(request.Name, request.InstanceId, request.CorrelationId, request.Payload, context.User.ToActor(), ct);
        return TypedResults.Ok(StepResponse.From(result));
    }
}
