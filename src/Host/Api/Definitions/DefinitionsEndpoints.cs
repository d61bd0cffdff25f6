using Verkstallighet.Activities;
using NodaTime;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Host.Api;

public sealed record DefinitionSummary(
    Guid Id, string Key, int? Version, DefinitionStatus Status, string? Name,
    Instant CreatedAt, string? CreatedBy, Instant? PublishedAt, string? PublishedBy, Instant? RetiredAt)
{
    public static DefinitionSummary From(WorkflowDefinition d) =>
        new(d.Id, d.Key, d.Version, d.Status, d.Name, d.CreatedAt, d.CreatedBy, d.PublishedAt, d.PublishedBy, d.RetiredAt);
}

public sealed record ValidationResult(bool Valid, string? Key, string? Name, IReadOnlyList<ValidationProblem> Problems);

/// <summary>Workflow definitions: validate, draft, publish (the next immutable version), export, retire.</summary>
public static class DefinitionsEndpoints
{
    public static IEndpointRouteBuilder MapDefinitions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/definitions").WithTags("Definitions");

        group.MapGet("/", async (DefinitionService definitions, CancellationToken ct) =>
            (await definitions.ListAsync(cancellationToken: ct)).Select(DefinitionSummary.From))
            .WithSummary("All stored definitions: drafts, published and retired versions.");

        group.MapPost("/validate", Validate)
            .Accepts<string>("application/xml")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Validates a BPMN document and lists every problem with its element (process owners and administrators).");

        group.MapPost("/", async (HttpRequest request, DefinitionService definitions, CancellationToken ct) =>
        {
            var actor = request.HttpContext.User.RequireRole(Roles.ProcessOwner);
            var published = await definitions.PublishAsync(await RequestBodies.ReadBpmnAsync(request, ct), actor, ct);
            return Results.Created($"/api/definitions/{published.Key}/versions/{published.Version}", DefinitionSummary.From(published));
        }).Accepts<string>("application/xml").WithSummary("Publishes a BPMN document as the next version of its process id.");

        group.MapGet("/{key}", async (string key, DefinitionService definitions, CancellationToken ct) =>
        {
            var versions = await definitions.ListAsync(key, ct);
            return versions.Count == 0
                ? throw new NotFoundException($"There is no workflow '{key}'.")
                : versions.Select(DefinitionSummary.From);
        }).WithSummary("The draft and versions of one workflow.");

        group.MapPut("/{key}/draft", async (string key, HttpRequest request, DefinitionService definitions, CancellationToken ct) =>
        {
            var actor = request.HttpContext.User.RequireRole(Roles.ProcessOwner);
            var xml = await RequestBodies.ReadBpmnAsync(request, ct);
            var parsed = await definitions.ValidateAsync(xml, ct);
            if (parsed.Key is not null && parsed.Key != key)
            {
                throw new BadRequestException($"The document's executable process is '{parsed.Key}', not '{key}'.");
            }

            return DefinitionSummary.From(await definitions.SaveDraftAsync(xml, actor, ct));
        }).Accepts<string>("application/xml").WithSummary("Saves the draft of a workflow, replacing an earlier draft.");

        // A draft is a process owner's work in progress: not for officers and chiefs, who see published versions.
        group.MapGet("/{key}/draft", async (string key, HttpContext context, DefinitionService definitions, CancellationToken ct) =>
        {
            context.User.RequireRole(Editors);
            return DefinitionSummary.From(await definitions.GetDraftAsync(key, ct));
        });

        group.MapGet("/{key}/draft/xml", async (string key, HttpContext context, DefinitionService definitions, CancellationToken ct) =>
        {
            context.User.RequireRole(Editors);
            return Xml((await definitions.GetDraftAsync(key, ct)).Xml);
        });

        group.MapPost("/{key}/draft/publish", async (string key, HttpContext context, DefinitionService definitions, CancellationToken ct) =>
        {
            var actor = context.User.RequireRole(Roles.ProcessOwner);
            return DefinitionSummary.From(await definitions.PublishDraftAsync(key, actor, ct));
        }).WithSummary("Publishes the draft as the next version.");

        group.MapGet("/{key}/versions/{version:int}", async (string key, int version, DefinitionService definitions, CancellationToken ct) =>
            DefinitionSummary.From(await definitions.GetAsync(key, version, ct)));

        group.MapGet("/{key}/versions/{version:int}/xml", async (string key, int version, DefinitionService definitions, CancellationToken ct) =>
            Xml((await definitions.GetAsync(key, version, ct)).Xml))
            .WithSummary("Exports a version exactly as it was published, diagram included.");

        group.MapPost("/{key}/versions/{version:int}/retire", async (string key, int version, HttpContext context, DefinitionService definitions, CancellationToken ct) =>
        {
            context.User.RequireRole(Roles.ProcessOwner);
            return DefinitionSummary.From(await definitions.RetireAsync(key, version, ct));
        }).WithSummary("Retires a version: no new instances start on it; running ones continue.");

        return app;
    }

    /// <summary>Who may validate and read drafts. Validation costs CPU, so it is not open to every signed-in user.</summary>
    private static readonly string[] Editors = [Roles.ProcessOwner, Roles.Administrator];

    /// <summary>
    /// Validates within the validation budget and stops when the client goes away (the request's token); a document
    /// past the budget gets 400. Problems in the document are the answer, not an error.
    /// </summary>
    public static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<ValidationResult>> Validate(HttpRequest request, DefinitionService definitions, CancellationToken ct)
    {
        request.HttpContext.User.RequireRole(Editors);
        var parsed = await definitions.ValidateAsync(await RequestBodies.ReadBpmnAsync(request, ct), ct);
        return TypedResults.Ok(new ValidationResult(parsed.IsValid, parsed.Key, parsed.Name, parsed.Problems));
    }

    private static IResult Xml(string xml) => Results.Text(xml, "application/xml; charset=utf-8");
}
