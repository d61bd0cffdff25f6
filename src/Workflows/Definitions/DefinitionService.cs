using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>Stores, validates, publishes and retires workflow definitions.</summary>
public sealed class DefinitionService(
    IDbContextFactory<WorkflowsDbContext> contexts,
    ActivityRegistry activities,
    DeadlineRuleStore rules,
    ProcessModelCache models,
    Access.InstanceAccess access,
    IClock clock,
    IOptions<DefinitionOptions> options)
{
    public const int MaxChangeNoteLength = 2000;

    /// <summary>
    /// Parses and validates a document within the validation budget. Past the budget it throws
    /// <see cref="DefinitionInvalidException"/> (a 400); when <paramref name="cancellationToken"/> is cancelled (the
    /// client went away) it stops with <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<ParsedDefinition> ValidateAsync(string xml, CancellationToken cancellationToken = default)
    {
        var environment = new ValidationEnvironment(activities, await rules.KeysAsync(cancellationToken), access.Options.ProtectedVariables, options.Value.CandidateRoles);
        try
        {
            return BpmnParser.Parse(xml, environment, ParseBudget.StartNow(options.Value.ValidationBudget, cancellationToken));
        }
        catch (ParseBudgetExceededException e)
        {
            throw new DefinitionInvalidException([new ValidationProblem(null, e.Message)]);
        }
    }

    /// <summary>
    /// Saves the document as the draft of its key (the executable process id), replacing an earlier draft. A draft is
    /// work in progress and may have problems (they are returned, and publishing refuses it until they are fixed); it
    /// must still say which workflow it is, and be <paramref name="expectedKey"/> when the caller names one.
    /// </summary>
    public async Task<(WorkflowDefinition Draft, ParsedDefinition Parsed)> SaveDraftAsync(
        string xml, Actor actor, string? expectedKey = null, CancellationToken cancellationToken = default)
    {
        var parsed = await ValidateAsync(xml, cancellationToken);
        if (expectedKey is not null && parsed.Key is not null && parsed.Key != expectedKey)
        {
            throw new BadRequestException($"The document's executable process is '{parsed.Key}', not '{expectedKey}'.");
        }

        if (parsed.Key is null)
        {
            throw new DefinitionInvalidException(parsed.Problems.Count > 0
                ? parsed.Problems
                : [new ValidationProblem(null, "The document has no executable process, so it is the draft of no workflow.")]);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draft = await db.Definitions.FirstOrDefaultAsync(d => d.Key == parsed.Key && d.Status == DefinitionStatus.Draft, cancellationToken);
        if (draft is null)
        {
            draft = new WorkflowDefinition { Id = Guid.CreateVersion7(), Key = parsed.Key, Xml = xml, Status = DefinitionStatus.Draft };
            db.Definitions.Add(draft);
        }

        draft.Xml = xml;
        draft.Name = parsed.Name;
        draft.CreatedAt = clock.GetCurrentInstant();
        draft.CreatedBy = actor.UserId;
        await SaveAsync(db, parsed.Key, cancellationToken);
        return (draft, parsed);
    }

    /// <summary>Publishes the draft of <paramref name="key"/> as the next version, which is immutable from then on.</summary>
    public async Task<WorkflowDefinition> PublishDraftAsync(string key, Actor actor, string? changeNote = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draft = await db.Definitions.FirstOrDefaultAsync(d => d.Key == key && d.Status == DefinitionStatus.Draft, cancellationToken)
            ?? throw new NotFoundException($"Workflow '{key}' has no draft to publish.");

        // Rules or activities may have changed since the draft was saved.
        var parsed = await ValidateAsync(draft.Xml, cancellationToken);
        if (!parsed.IsValid)
        {
            throw new DefinitionInvalidException(parsed.Problems);
        }

        await PublishAsync(db, draft, parsed.Model!, actor, changeNote, cancellationToken);
        return draft;
    }

    /// <summary>Validates and publishes a document in one go: the next version of its key.</summary>
    public async Task<WorkflowDefinition> PublishAsync(string xml, Actor actor, string? changeNote = null, CancellationToken cancellationToken = default)
    {
        var parsed = await ValidateAsync(xml, cancellationToken);
        if (!parsed.IsValid)
        {
            throw new DefinitionInvalidException(parsed.Problems);
        }

        return await PublishParsedAsync(xml, parsed, actor, changeNote, cancellationToken);
    }

    /// <summary>
    /// Publishes the document as the first version of its key unless the key is stored already, in any version or
    /// status: what seeding shipped workflows needs, with the document parsed once. Returns what validation found, and
    /// the published version, or null when the document has problems or its key exists.
    /// </summary>
    public async Task<(ParsedDefinition Parsed, WorkflowDefinition? Published)> PublishIfNewAsync(string xml, Actor actor, CancellationToken cancellationToken = default)
    {
        var parsed = await ValidateAsync(xml, cancellationToken);
        if (!parsed.IsValid || await KeyExistsAsync(parsed.Key!, cancellationToken))
        {
            return (parsed, null);
        }

        return (parsed, await PublishParsedAsync(xml, parsed, actor, null, cancellationToken));
    }

    /// <summary>Publishes a document validated just now, reusing its parse: its model is what the runtime will use.</summary>
    private async Task<WorkflowDefinition> PublishParsedAsync(string xml, ParsedDefinition parsed, Actor actor, string? changeNote, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var definition = await db.Definitions.FirstOrDefaultAsync(d => d.Key == parsed.Key && d.Status == DefinitionStatus.Draft, cancellationToken);
        if (definition is null)
        {
            definition = new WorkflowDefinition { Id = Guid.CreateVersion7(), Key = parsed.Key!, Xml = xml };
            db.Definitions.Add(definition);
        }

        definition.Xml = xml;
        definition.Name = parsed.Name;
        definition.CreatedAt = clock.GetCurrentInstant();
        definition.CreatedBy = actor.UserId;
        await PublishAsync(db, definition, parsed.Model!, actor, changeNote, cancellationToken);
        return definition;
    }

    /// <summary>Retires a published version: no new instances start on it; running ones continue.</summary>
    public async Task<WorkflowDefinition> RetireAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var definition = await db.Definitions.FirstOrDefaultAsync(d => d.Key == key && d.Version == version, cancellationToken)
            ?? throw new NotFoundException($"Workflow '{key}' has no version {version}.");
        if (definition.Status != DefinitionStatus.Published)
        {
            throw new ConflictException($"Version {version} of '{key}' is {definition.Status}; only a published version can be retired.");
        }

        definition.Status = DefinitionStatus.Retired;
        definition.RetiredAt = clock.GetCurrentInstant();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CancelStartTimersAsync(db, [definition.Id], definition.RetiredAt.Value, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return definition;
    }

    public async Task<IReadOnlyList<WorkflowDefinition>> ListAsync(string? key = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Definitions.AsNoTracking();
        if (key is not null)
        {
            query = query.Where(d => d.Key == key);
        }

        return await query.OrderBy(d => d.Key).ThenByDescending(d => d.Version ?? int.MaxValue).ToListAsync(cancellationToken);
    }

    /// <summary>A version of a key; without a version, the latest published one.</summary>
    public async Task<WorkflowDefinition> GetAsync(string key, int? version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Definitions.AsNoTracking().Where(d => d.Key == key);
        var definition = version is null
            ? await query.Where(d => d.Status == DefinitionStatus.Published).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken)
            : await query.FirstOrDefaultAsync(d => d.Version == version, cancellationToken);
        return definition ?? throw new NotFoundException(version is null
            ? $"Workflow '{key}' has no published version."
            : $"Workflow '{key}' has no version {version}.");
    }

    public async Task<WorkflowDefinition> GetDraftAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Key == key && d.Status == DefinitionStatus.Draft, cancellationToken)
            ?? throw new NotFoundException($"Workflow '{key}' has no draft.");
    }

    public async Task<bool> KeyExistsAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Definitions.AnyAsync(d => d.Key == key, cancellationToken);
    }

    private async Task PublishAsync(WorkflowsDbContext db, WorkflowDefinition definition, ProcessModel model, Actor actor, string? changeNote, CancellationToken cancellationToken)
    {
        changeNote = string.IsNullOrWhiteSpace(changeNote) ? null : changeNote.Trim();
        if (changeNote?.Length > MaxChangeNoteLength)
        {
            throw new BadRequestException($"The change note has {changeNote.Length} characters; at most {MaxChangeNoteLength} are kept.");
        }

        var now = clock.GetCurrentInstant();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var previous = await db.Definitions.Where(d => d.Key == definition.Key && d.Version != null).Select(d => new { d.Id, d.Version }).ToListAsync(cancellationToken);
        definition.Version = previous.Count == 0 ? 1 : previous.Max(d => d.Version)!.Value + 1;
        definition.Status = DefinitionStatus.Published;
        definition.PublishedAt = now;
        definition.PublishedBy = actor.UserId;
        definition.ChangeNote = changeNote;

        // Start timers belong to the newest version only, as in Camunda: publishing replaces the old ones.
        await CancelStartTimersAsync(db, previous.Select(d => d.Id).ToList(), now, cancellationToken);
        foreach (var start in model.TimerStartEvents)
        {
            var timer = new WorkflowTimer
            {
                Id = Guid.CreateVersion7(),
                DefinitionId = definition.Id,
                ElementId = start.Id,
                CreatedAt = now,
            };
            TimerSchedule.ApplyLiteral(timer, ((TimerTrigger)start.Trigger!).Spec, now);
            db.Timers.Add(timer);
        }

        await SaveAsync(db, definition.Key, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        models.Remember(definition.Id, model);
    }

    private static Task CancelStartTimersAsync(WorkflowsDbContext db, List<Guid> definitionIds, Instant now, CancellationToken cancellationToken) =>
        definitionIds.Count == 0
            ? Task.CompletedTask
            : WorkflowTimer.CancelAllAsync(
                db.Timers.Where(t => t.InstanceId == null && t.DefinitionId != null && definitionIds.Contains(t.DefinitionId.Value)),
                TimerCancellation.Replaced,
                now,
                cancellationToken);

    private static async Task SaveAsync(WorkflowsDbContext db, string key, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException($"Workflow '{key}' was changed by someone else at the same time; reload and try again.");
        }
    }
}
