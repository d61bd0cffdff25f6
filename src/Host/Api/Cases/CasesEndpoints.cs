using Microsoft.AspNetCore.Http.HttpResults;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Host.Security;

namespace Verkstallighet.Host.Api;

/// <summary>Cases: create one (its workflow starts), read it, post events to it, read its plans, waive its deadlines.</summary>
public static class CasesEndpoints
{
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Cases");

        group.MapPost("/", async (CreateCaseRequest request, HttpContext context, CaseService cases, CancellationToken ct) =>
        {
            var created = await cases.CreateAsync(request, context.User.ToActor(), ct);
            return Results.Created($"/api/cases/{created.CaseId}", created);
        }).WithSummary("Creates a case at my office and starts the workflow of its sanction.");

        group.MapGet("/", async (HttpContext context, CaseService cases, CancellationToken ct) =>
            await cases.ListAsync(context.User.ToActor(), ct))
            .WithSummary("My office's cases (personnummer masked).");

        group.MapGet("/{id:guid}", async (Guid id, HttpContext context, CaseService cases, CancellationToken ct) =>
            await cases.GetAsync(id, context.User.ToActor(), ct))
            .WithSummary("The case: client (personnummer masked), risk assessment, plan and measures, deadlines, open tasks and journal.");

        group.MapPost("/{id:guid}/events", async (Guid id, CaseEventRequest request, HttpContext context, CaseService cases, CancellationToken ct) =>
            StepResponse.From(await cases.PostEventAsync(id, request, context.User.ToActor(), ct)))
            .WithSummary("Signals the case's workflow: TransferRequested, ClientNotReached, ClientReached, ProgrammeCompleted, SupervisionEnding.");

        group.MapGet("/{id:guid}/plans", async (Guid id, HttpContext context, CaseService cases, CancellationToken ct) =>
            await cases.PlansAsync(id, context.User.ToActor(), ct))
            .WithSummary("Every version of the case's plan.");

        group.MapGet("/{id:guid}/plans/{version:int}", async (Guid id, int version, HttpContext context, CaseService cases, CancellationToken ct) =>
            await cases.PlanAsync(id, version, context.User.ToActor(), ct));

        group.MapGet("/{id:guid}/plans/{version:int}/copy", async (Guid id, int version, HttpContext context, CaseService cases, CancellationToken ct) =>
            Results.Content(await cases.ClientCopyAsync(id, version, context.User.ToActor(), ct), "text/html; charset=utf-8"))
            .WithSummary("The client's copy of an established plan (KVFS 2011:5 12 §), printable.");

        group.MapGet("/{id:guid}/plans/{version:int}/copy.pdf", ClientCopyPdf)
            .WithSummary("The client's copy of an established plan (KVFS 2011:5 12 §) as a PDF on A4, personnummer masked.")
            .Produces<Stream>(StatusCodes.Status200OK, Verkstallighet.Activities.Plans.ClientCopyPdf.ContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/{id:guid}/deadlines/{deadlineId:guid}/waive", async (Guid id, Guid deadlineId, WaiveDeadlineRequest request, HttpContext context, CaseService cases, CancellationToken ct) =>
            await cases.WaiveDeadlineAsync(id, deadlineId, request, context.User.ToActor(), ct))
            .WithSummary("A chief waives a deadline for special reasons (särskilda skäl, 16 §); no escalation follows.");
        return app;
    }

    /// <summary>The PDF of the client's copy, as a download named after the case and plan version.</summary>
    public static async Task<FileContentHttpResult> ClientCopyPdf(Guid id, int version, HttpContext context, CaseService cases, CancellationToken ct)
    {
        var pdf = await cases.ClientCopyPdfAsync(id, version, context.User.ToActor(), ct);
        return TypedResults.File(pdf, Verkstallighet.Activities.Plans.ClientCopyPdf.ContentType, $"verkstallighetsplan-{id:N}-v{version}.pdf");
    }
}
