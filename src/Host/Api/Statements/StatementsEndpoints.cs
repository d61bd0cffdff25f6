using Microsoft.AspNetCore.Http.HttpResults;
using Verkstallighet.Activities.Documents;
using Verkstallighet.Activities.Statements;
using Verkstallighet.Host.Security;

namespace Verkstallighet.Host.Api.Statements;

/// <summary>
/// A case's statements to the court (yttrande i brottmål, general advice to 5 kap. 9 § förordningen (1998:642)): the
/// draft assembled from the plan documentation, saved and finalised by the officer, and the finalised one as a PDF.
/// </summary>
public static class StatementsEndpoints
{
    public static IEndpointRouteBuilder MapStatements(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/cases/{id:guid}/statements", "Court statements");

        group.MapGet("/", ListStatements)
            .WithSummary("Every statement to the court of the case, the newest first, drafts and finalised ones.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/draft", GetDraft)
            .WithSummary("The case's open draft, or a new one assembled from the plan documentation (version 0, not stored until saved).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/draft", SaveDraft)
            .WithSummary("Saves the draft: version 0 stores a new one, else the stored draft's version; a stale version is 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/draft/finalise", FinaliseDraft)
            .WithSummary("Finalises the saved draft at its version; every section must be written. A finalised statement never changes.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{number:int}/pdf", StatementPdf)
            .WithSummary("A finalised statement to the court as a PDF on A4 (personnummer masked); a draft is 409.")
            .Produces<Stream>(StatusCodes.Status200OK, PdfTextDocument.ContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<CourtStatementView>>> ListStatements(Guid id, HttpContext context, CourtStatementService statements, CancellationToken ct) =>
        TypedResults.Ok(await statements.ListAsync(id, context.User.ToActor(), ct));

    public static async Task<Ok<CourtStatementView>> GetDraft(Guid id, HttpContext context, CourtStatementService statements, CancellationToken ct) =>
        TypedResults.Ok(await statements.DraftAsync(id, context.User.ToActor(), ct));

    public static async Task<Ok<CourtStatementView>> SaveDraft(Guid id, SaveCourtStatementRequest request, HttpContext context, CourtStatementService statements, CancellationToken ct) =>
        TypedResults.Ok(await statements.SaveDraftAsync(id, request, context.User.ToActor(), ct));

    public static async Task<Ok<CourtStatementView>> FinaliseDraft(Guid id, FinaliseCourtStatementRequest request, HttpContext context, CourtStatementService statements, CancellationToken ct) =>
        TypedResults.Ok(await statements.FinaliseAsync(id, request, context.User.ToActor(), ct));

    /// <summary>The PDF as a download named after the case and the statement's number.</summary>
    public static async Task<FileContentHttpResult> StatementPdf(Guid id, int number, HttpContext context, CourtStatementService statements, CancellationToken ct)
    {
        var pdf = await statements.PdfAsync(id, number, context.User.ToActor(), ct);
        return TypedResults.File(pdf, PdfTextDocument.ContentType, $"yttrande-{id:N}-{number}.pdf");
    }
}
