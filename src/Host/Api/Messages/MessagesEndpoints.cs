using Verkstallighet.Activities;
using System.Text.Json.Nodes;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Host.Api;

/// <summary>A message by name to one instance, given by its id or by its correlation (e.g. the case id).</summary>
public sealed record SendMessageRequest(string Name, Guid? InstanceId, string? CorrelationId, JsonObject? Payload);

public static class MessagesEndpoints
{
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", async (SendMessageRequest request, HttpContext context, WorkflowRuntime runtime, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Name))
            {
                throw new BadRequestException("The message needs a name.");
            }

            var actor = context.User.RequireRole(Roles.Officer, Roles.Chief, Roles.ProcessOwner, Roles.Administrator);
            return StepResponse.From(await runtime.SignalAsync(request.Name, request.InstanceId, request.CorrelationId, request.Payload, actor, ct));
        })
        .WithTags("Messages")
        .WithSummary("Delivers a message. 409 when no instance waits for it (messages are never buffered).");
        return app;
    }
}
