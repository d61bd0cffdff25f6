using Microsoft.AspNetCore.Http.HttpResults;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows.InstanceMigration;

namespace Verkstallighet.Host.Api.Migrations;

/// <summary>
/// Migrating running instances to another version of their workflow (process owners and administrators): a dry run
/// that says what would change, then an apply of what it showed, all instances or none.
/// </summary>
public static class MigrationsEndpoints
{
    private const string RequestShape =
        "definitionKey, sourceVersion and targetVersion (required); waitingAt (element ids: only instances waiting at one of them); " +
        "instanceIds (only these); mapping (source element id to target element id; unnamed elements keep their id; null drops a " +
        "boundary event or event sub-process start and cancels its timer); timers (source timer element id to Keep, the default, or Recompute).";

    public static IEndpointRouteBuilder MapMigrations(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/migrations", "Migrations");
        group.MapPost("/dry-run", DryRun)
            .WithSummary("What migrating the selected running instances would change, instance by instance: element moves, timers kept or " +
                         "recomputed (old and new due dates), tasks re-pointed, and every problem. Changes nothing.")
            .WithDescription(RequestShape + " The answer's canApply says whether an apply would go through; its revisions are what the apply sends back.")
            .RequireAuthorization(Policies.ProcessOwnersOrAdministrators)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/apply", Apply)
            .WithSummary("Migrates what a dry run showed, in one transaction, journaled per instance (InstanceMigrated). 409 with the problems, " +
                         "and nothing changed, when the plan has problems or anything moved on since the dry run: run a new dry run.")
            .WithDescription(RequestShape + " expectedRevisions (required): the dry run's revisions, instance id to revision.")
            .RequireAuthorization(Policies.ProcessOwnersOrAdministrators)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Ok<MigrationReport>> DryRun(MigrationRequest request, HttpContext context, InstanceMigrations migrations, CancellationToken ct) =>
        TypedResults.Ok(await migrations.DryRunAsync(request, context.User.ToActor(), ct));

    public static async Task<Ok<MigrationReport>> Apply(MigrationRequest request, HttpContext context, InstanceMigrations migrations, CancellationToken ct) =>
        TypedResults.Ok(await migrations.ApplyAsync(request, context.User.ToActor(), ct));
}
