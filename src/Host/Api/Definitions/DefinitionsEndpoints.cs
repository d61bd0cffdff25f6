using Microsoft.AspNetCore.Http.HttpResults;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Host.Api.Definitions;

/// <summary>
/// Workflow definitions: validate, draft, publish (the next immutable version), export, retire. Everyone signed in reads
/// published versions; process owners and administrators change them, and only they see drafts and validate (validation
/// costs CPU, so it is not open to every signed-in user).
/// </summary>
public static class DefinitionsEndpoints
{
    public const string XmlContentType = "application/xml; charset=utf-8";

    public static IEndpointRouteBuilder MapDefinitions(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/definitions", "Definitions");
        MapVersions(group);
        MapDrafts(group);
        return app;
    }

    private static void MapVersions(RouteGroupBuilder group)
    {
        group.MapGet("/", ListDefinitions)
            .WithSummary("All stored definitions: drafts, published and retired versions.");

        group.MapPost("/validate", Validate)
            .RequireAuthorization(Policies.ProcessOwnersOrAdministrators)
            .WithSummary("Validates a BPMN document and lists every problem with its element (process owners and administrators).")
            .AcceptsBpmn();

        group.MapPost("/", Publish)
            .RequireAuthorization(Policies.ProcessOwnersOrAdministrators)
            .WithSummary("Publishes a BPMN document as the next version of its process id (?changeNote= says why).")
            .AcceptsBpmn()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{key}", ListVersions)
            .WithSummary("The draft and versions of one workflow.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{key}/versions/{version:int}", GetVersion)
            .WithSummary("One version of a workflow.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{key}/versions/{version:int}/xml", GetVersionXml)
            .WithSummary("Exports a version exactly as it was published, diagram included.")
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{key}/versions/{version:int}/retire", Retire)
            .RequireAuthorization(Policies.ProcessOwnersOrAdministrators)
            .WithSummary("Retires a version: no new instances start on it; running ones continue.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>A draft is a process owner's work in progress: not for officers and chiefs, who see published versions.</summary>
    private static void MapDrafts(RouteGroupBuilder group)
    {
        group.MapPut("/{key}/draft", SaveDraft)
            .RequireAuthorization(Policies.ProcessOwnersOrAdministrators)
            .WithSummary("Saves the draft of a workflow, replacing an earlier draft; a draft may have problems, which are listed and which publishing refuses.")
            .AcceptsBpmn()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{key}/draft", GetDraft)
            .RequireAuthorization(Policies.ProcessOwnersOrAdministrators)
            .WithSummary("The draft of a workflow.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{key}/draft/xml", GetDraftXml)
            .RequireAuthorization(Policies.ProcessOwnersOrAdministrators)
            .WithSummary("The draft's BPMN document.")
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{key}/draft/publish", PublishDraft)
            .RequireAuthorization(Policies.ProcessOwnersOrAdministrators)
            .WithSummary("Publishes the draft as the next version, with an optional change note ({\"changeNote\": \"…\"}).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Ok<IEnumerable<DefinitionSummary>>> ListDefinitions(DefinitionService definitions, InstanceQueries instances, CancellationToken ct)
    {
        var running = await instances.RunningCountsByDefinitionAsync(cancellationToken: ct);
        return TypedResults.Ok((await definitions.ListAsync(cancellationToken: ct)).Select(d => DefinitionSummary.From(d, running)));
    }

    /// <summary>
    /// Validates within the validation budget and stops when the client goes away (the request's token); a document
    /// past the budget gets 400. Problems in the document are the answer, not an error.
    /// </summary>
    public static async Task<Ok<ValidationResult>> Validate(HttpRequest request, DefinitionService definitions, CancellationToken ct)
    {
        var parsed = await definitions.ValidateAsync(await BpmnRequestBody.ReadAsync(request, ct), ct);
        return TypedResults.Ok(new ValidationResult(parsed.IsValid, parsed.Key, parsed.Name, parsed.Problems));
    }

    public static async Task<Created<DefinitionSummary>> Publish(HttpRequest request, DefinitionService definitions, string? changeNote, CancellationToken ct)
    {
        var published = await definitions.PublishAsync(await BpmnRequestBody.ReadAsync(request, ct), request.HttpContext.User.ToActor(), changeNote, ct);
        return TypedResults.Created($"/api/definitions/{published.Key}/versions/{published.Version}", DefinitionSummary.From(published));
    }

    public static async Task<Ok<IEnumerable<DefinitionSummary>>> ListVersions(string key, DefinitionService definitions, InstanceQueries instances, CancellationToken ct)
    {
        var versions = await definitions.ListAsync(key, ct);
        var running = await instances.RunningCountsByDefinitionAsync(key, ct);
        return versions.Count == 0
            ? throw new NotFoundException($"There is no workflow '{key}'.")
            : TypedResults.Ok(versions.Select(d => DefinitionSummary.From(d, running)));
    }

    public static async Task<Ok<SavedDraft>> SaveDraft(string key, HttpRequest request, DefinitionService definitions, CancellationToken ct)
    {
        var xml = await BpmnRequestBody.ReadAsync(request, ct);
        var (draft, problems) = await definitions.SaveDraftAsync(xml, request.HttpContext.User.ToActor(), key, ct);
        return TypedResults.Ok(new SavedDraft(DefinitionSummary.From(draft), problems.IsValid, problems.Problems));
    }

    public static async Task<Ok<DefinitionSummary>> GetDraft(string key, DefinitionService definitions, CancellationToken ct) =>
        TypedResults.Ok(DefinitionSummary.From(await definitions.GetDraftAsync(key, ct)));

    public static async Task<ContentHttpResult> GetDraftXml(string key, DefinitionService definitions, CancellationToken ct) =>
        TypedResults.Text((await definitions.GetDraftAsync(key, ct)).Xml, XmlContentType);

    /// <summary>The body is optional (a client that sends none publishes without a note), so it is read here, not bound.</summary>
    public static async Task<Ok<DefinitionSummary>> PublishDraft(string key, HttpRequest request, DefinitionService definitions, CancellationToken ct)
    {
        PublishRequest? body = null;
        try
        {
            body = request.HasJsonContentType() && request.ContentLength != 0 ? await request.ReadFromJsonAsync<PublishRequest>(ct) : null;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new BadRequestException($"The body is not a publish request ({{\"changeNote\": \"…\"}}): {e.Message}");
        }

        return TypedResults.Ok(DefinitionSummary.From(await definitions.PublishDraftAsync(key, request.HttpContext.User.ToActor(), body?.ChangeNote, ct)));
    }

    public static async Task<Ok<DefinitionSummary>> GetVersion(string key, int version, DefinitionService definitions, CancellationToken ct) =>
        TypedResults.Ok(DefinitionSummary.From(await definitions.GetAsync(key, version, ct)));

    public static async Task<ContentHttpResult> GetVersionXml(string key, int version, DefinitionService definitions, CancellationToken ct) =>
        TypedResults.Text((await definitions.GetAsync(key, version, ct)).Xml, XmlContentType);

    public static async Task<Ok<DefinitionSummary>> Retire(string key, int version, DefinitionService definitions, CancellationToken ct) =>
        TypedResults.Ok(DefinitionSummary.From(await definitions.RetireAsync(key, version, ct)));

    /// <summary>A BPMN document as the body: it may be invalid, oversized, or sent by someone without the role.</summary>
    private static RouteHandlerBuilder AcceptsBpmn(this RouteHandlerBuilder builder) => builder
        .Accepts<string>("application/xml")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}
