using Microsoft.AspNetCore.Http.HttpResults;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.Plans;
using Verkstallighet.Host.Api.Instances;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Host.Api.Cases;

/// <summary>
/// Cases: create one (its workflow starts), read it, post events to it, read its plans, waive its deadlines. Officers and
/// chiefs of the case's office only; the case service applies that rule, as it does for the pages.
/// </summary>
public static class CasesEndpoints
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/cases", "Cases").ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", CreateCase)
            .WithSummary("Creates a case at my office and starts the workflow of its sanction.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/", ListCases)
            .WithSummary("My office's cases (personnummer masked).");

        group.MapGet("/{id:guid}", GetCase)
            .WithSummary("The case: client (personnummer masked), risk assessment, plan and measures, deadlines, open tasks and journal.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/events", PostEvent)
            .WithSummary("Signals the case's workflow: TransferRequested, ClientNotReached, ClientReached, ProgrammeCompleted, SupervisionEnding.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}/plans", ListPlans)
            .WithSummary("Every version of the case's plan.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/plans/{version:int}", GetPlan)
            .WithSummary("One version of the case's plan.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/plans/{version:int}/copy", ClientCopy)
            .WithSummary("The client's copy of an established plan (KVFS 2011:5 12 §), printable.")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}/plans/{version:int}/copy.pdf", ClientCopyPdf)
            .WithSummary("The client's copy of an established plan (KVFS 2011:5 12 §) as a PDF on A4, personnummer masked.")
            .Produces<Stream>(StatusCodes.Status200OK, Verkstallighet.Activities.Plans.ClientCopyPdf.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/{id:guid}/deadlines/{deadlineId:guid}/waive", WaiveDeadline)
            .WithSummary("A chief waives a deadline for special reasons (särskilda skäl, 16 §); no escalation follows.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/deadlines/{deadlineId:guid}/adjust", AdjustDeadline)
            .WithSummary("An administrator or the case office's chief moves a pending deadline (moveTo: yyyy-MM-dd) or fires it now " +
                         "(fireNow: true), with a reason; the case's journal shows it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Created<CaseCreated>> CreateCase(CreateCaseRequest request, HttpContext context, CaseService cases, CancellationToken ct)
    {
        var created = await cases.CreateAsync(request, context.User.ToActor(), ct);
        return TypedResults.Created($"/api/cases/{created.CaseId}", created);
    }

    public static async Task<Ok<IReadOnlyList<CaseSummary>>> ListCases(HttpContext context, CaseService cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.ListAsync(context.User.ToActor(), ct));

    public static async Task<Ok<CaseDetails>> GetCase(Guid id, HttpContext context, CaseService cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.GetAsync(id, context.User.ToActor(), ct));

    public static async Task<Ok<StepResponse>> PostEvent(Guid id, CaseEventRequest request, HttpContext context, CaseService cases, CancellationToken ct) =>
        TypedResults.Ok(StepResponse.From(await cases.PostEventAsync(id, request, context.User.ToActor(), ct)));

    public static async Task<Ok<IReadOnlyList<PlanView>>> ListPlans(Guid id, HttpContext context, CaseService cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.PlansAsync(id, context.User.ToActor(), ct));

    public static async Task<Ok<PlanView>> GetPlan(Guid id, int version, HttpContext context, CaseService cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.PlanAsync(id, version, context.User.ToActor(), ct));

    public static async Task<ContentHttpResult> ClientCopy(Guid id, int version, HttpContext context, CaseService cases, CancellationToken ct) =>
        TypedResults.Content(await cases.ClientCopyAsync(id, version, context.User.ToActor(), ct), HtmlContentType);

    /// <summary>The PDF of the client's copy, as a download named after the case and plan version.</summary>
    public static async Task<FileContentHttpResult> ClientCopyPdf(Guid id, int version, HttpContext context, CaseService cases, CancellationToken ct)
    {
        var pdf = await cases.ClientCopyPdfAsync(id, version, context.User.ToActor(), ct);
        return TypedResults.File(pdf, Verkstallighet.Activities.Plans.ClientCopyPdf.ContentType, $"verkstallighetsplan-{id:N}-v{version}.pdf");
    }

    public static async Task<Ok<DeadlineView>> WaiveDeadline(Guid id, Guid deadlineId, WaiveDeadlineRequest request, HttpContext context, CaseService cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.WaiveDeadlineAsync(id, deadlineId, request, context.User.ToActor(), ct));

    public static async Task<Ok<DeadlineView>> AdjustDeadline(Guid id, Guid deadlineId, DeadlineAdjustment request, HttpContext context, CaseService cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.AdjustDeadlineAsync(id, deadlineId, request, context.User.ToActor(), ct));
}
