using Microsoft.AspNetCore.Http.HttpResults;
using Verkstallighet.Host.Security;
using Verkstallighet.Host.Simulation;

namespace Verkstallighet.Host.Api.Simulations;

/// <summary>
/// Simulations of a workflow's draft or version in a sandbox of their own (process owners and administrators): a sample
/// case on a simulated clock, its tasks completed with sample input, messages sent, time advanced. Nothing reaches the
/// real cases, timers, clock or inbox. A simulation is its creator's (an administrator may open any).
/// </summary>
public static class SimulationsEndpoints
{
    public static IEndpointRouteBuilder MapSimulations(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/simulations", "Simulations").RequireAuthorization(Policies.ProcessOwnersOrAdministrators);

        group.MapGet("/", ListSimulations)
            .WithSummary("The caller's simulations (an administrator's: everyone's), newest first, at most 100.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", CreateSimulation)
            .WithSummary("Starts a simulation of a workflow's draft (no version) or version, with a sample case, on its own clock.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}", GetSimulation)
            .WithSummary("A simulation: its simulated now, waiting elements, open tasks, pending timers, deadlines and journal.")
            .ProducesSimulationProblems();

        group.MapPost("/{id:guid}/tasks/{taskId:guid}/complete", CompleteSimulationTask)
            .WithSummary("Completes an open task of the simulation with sample form data.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesSimulationProblems()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/messages", SendSimulationMessage)
            .WithSummary("Sends a message to the simulation's instance.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesSimulationProblems()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/advance", AdvanceSimulation)
            .WithSummary("Moves the simulation's clock by a period or to a date; the timers due on the way fire in due order, at their due time.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesSimulationProblems();

        group.MapDelete("/{id:guid}", DeleteSimulation)
            .WithSummary("Deletes a simulation and everything it did.")
            .ProducesSimulationProblems();
        return app;
    }

    public static async Task<Ok<IReadOnlyList<SimulationSummary>>> ListSimulations(HttpContext context, SimulationService simulations, CancellationToken ct) =>
        TypedResults.Ok(await simulations.ListAsync(context.User.ToActor(), ct));

    public static async Task<Created<SimulationState>> CreateSimulation(StartSimulationRequest request, HttpContext context, SimulationService simulations, CancellationToken ct)
    {
        var snapshot = await simulations.CreateAsync(
            new SimulationStart(request.DefinitionKey, request.Version, request.Start, request.Variables), context.User.ToActor(), ct);
        return TypedResults.Created($"/api/simulations/{snapshot.Simulation.Id}", SimulationState.From(snapshot));
    }

    public static async Task<Ok<SimulationState>> GetSimulation(Guid id, HttpContext context, SimulationService simulations, CancellationToken ct) =>
        TypedResults.Ok(SimulationState.From(await simulations.GetAsync(id, context.User.ToActor(), ct)));

    public static async Task<Ok<SimulationState>> CompleteSimulationTask(
        Guid id, Guid taskId, CompleteSimulationTaskRequest request, HttpContext context, SimulationService simulations, CancellationToken ct) =>
        TypedResults.Ok(SimulationState.From(await simulations.CompleteTaskAsync(id, taskId, request.Data, context.User.ToActor(), ct)));

    public static async Task<Ok<SimulationState>> SendSimulationMessage(
        Guid id, SimulationMessageRequest request, HttpContext context, SimulationService simulations, CancellationToken ct) =>
        TypedResults.Ok(SimulationState.From(await simulations.SendMessageAsync(id, request.Name, request.Payload, context.User.ToActor(), ct)));

    public static async Task<Ok<SimulationState>> AdvanceSimulation(
        Guid id, AdvanceSimulationRequest request, HttpContext context, SimulationService simulations, CancellationToken ct) =>
        TypedResults.Ok(SimulationState.From(await simulations.AdvanceAsync(id, request.By, request.To, context.User.ToActor(), ct)));

    public static async Task<NoContent> DeleteSimulation(Guid id, HttpContext context, SimulationService simulations, CancellationToken ct)
    {
        await simulations.DeleteAsync(id, context.User.ToActor(), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Every call on one simulation: someone else's is a 403, an unknown one a 404.</summary>
    private static RouteHandlerBuilder ProducesSimulationProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
}
