using Microsoft.EntityFrameworkCore;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Persistence;

namespace Verkstallighet.Workflows.InstanceMigration;

/// <summary>
/// A checked migration request with what it is about: the two versions, their models, the request's own problems
/// (a mapping or timer choice naming no element), and the planner for its instances.
/// </summary>
internal sealed class MigrationScope
{
    public const int MaxElements = 1000;

    private MigrationScope(MigrationRequest request, WorkflowDefinition sourceDefinition, ProcessModel source, WorkflowDefinition targetDefinition, ProcessModel target, DeadlineRuleBook rules)
    {
        Request = request;
        SourceDefinition = sourceDefinition;
        Source = source;
        TargetDefinition = targetDefinition;
        Target = target;
        Mapping = new ElementMapping(request.Mapping);
        Planner = new InstanceMigrationPlanner(source, target, targetDefinition.Version!.Value, Mapping,
            request.Timers ?? new Dictionary<string, TimerMigrationChoice>(), rules);
        Problems = RequestProblems().ToList();
    }

    public MigrationRequest Request { get; }

    public WorkflowDefinition SourceDefinition { get; }

    public ProcessModel Source { get; }

    public WorkflowDefinition TargetDefinition { get; }

    public ProcessModel Target { get; }

    public ElementMapping Mapping { get; }

    public InstanceMigrationPlanner Planner { get; }

    /// <summary>The request's own problems, for no instance in particular.</summary>
    public List<MigrationProblem> Problems { get; }

    /// <summary>400 for a malformed request, 404 for a version that does not exist, 409 for a target that is not published.</summary>
    public static async Task<MigrationScope> LoadAsync(
        WorkflowsDbContext db, MigrationRequest request, ProcessModelCache models, DeadlineRuleBook rules, CancellationToken cancellationToken)
    {
        EnsureWellFormed(request);
        var key = request.DefinitionKey!;
        var versions = await db.Definitions.AsNoTracking()
            .Where(d => d.Key == key && (d.Version == request.SourceVersion || d.Version == request.TargetVersion))
            .ToListAsync(cancellationToken);
        var source = versions.Find(d => d.Version == request.SourceVersion)
            ?? throw new NotFoundException($"Workflow '{key}' has no version {request.SourceVersion}.");
        var target = versions.Find(d => d.Version == request.TargetVersion)
            ?? throw new NotFoundException($"Workflow '{key}' has no version {request.TargetVersion}.");
        if (target.Status != DefinitionStatus.Published)
        {
            throw new ConflictException($"Version {target.Version} of '{key}' is {target.Status}; instances can only be migrated to a published version.");
        }

        return new MigrationScope(request, source, models.Get(source), target, models.Get(target), rules);
    }

    public MigrationReport Report(IEnumerable<InstanceMigrationPlan> plans, IEnumerable<MigrationProblem> more, bool applied)
    {
        var reports = plans.Select(p => p.Report()).ToList();
        var problems = Problems.Concat(more).Concat(reports.SelectMany(r => r.Problems)).ToList();
        if (reports.Count == 0)
        {
            problems.Insert(0, new MigrationProblem(null, null,
                $"No running instance of '{Request.DefinitionKey}' version {Request.SourceVersion} matches the selection."));
        }

        return new MigrationReport(Request.DefinitionKey!, Request.SourceVersion!.Value, Request.TargetVersion!.Value, applied, reports, problems);
    }

    private static void EnsureWellFormed(MigrationRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionKey) || request.SourceVersion is null || request.TargetVersion is null)
        {
            throw new BadRequestException("A migration needs definitionKey, sourceVersion and targetVersion.");
        }

        if (request.SourceVersion == request.TargetVersion)
        {
            throw new BadRequestException($"The instances already run version {request.SourceVersion}; migrate them to another version.");
        }

        if (request.WaitingAt?.Any(string.IsNullOrWhiteSpace) == true || request.Timers?.Values.Any(c => !Enum.IsDefined(c)) == true)
        {
            throw new BadRequestException("waitingAt names element ids, and each timer choice is Keep or Recompute.");
        }

        if ((request.Mapping?.Count ?? 0) + (request.Timers?.Count ?? 0) + (request.WaitingAt?.Count ?? 0) > MaxElements
            || request.InstanceIds?.Count > MigrationRequest.MaxInstances || request.ExpectedRevisions?.Count > MigrationRequest.MaxInstances)
        {
            throw new BadRequestException($"A migration names at most {MaxElements} elements and {MigrationRequest.MaxInstances} instances.");
        }
    }

    private IEnumerable<MigrationProblem> RequestProblems()
    {
        foreach (var (from, to) in Mapping.Explicit)
        {
            if (!Source.Nodes.ContainsKey(from))
            {
                yield return new MigrationProblem(null, from, $"The mapping names '{from}', which version {SourceDefinition.Version} does not have.");
            }
            else if (to is not null && !Target.Nodes.ContainsKey(to))
            {
                yield return new MigrationProblem(null, from, $"'{from}' is mapped to '{to}', which version {TargetDefinition.Version} does not have.");
            }
        }

        foreach (var element in (Request.Timers ?? new Dictionary<string, TimerMigrationChoice>()).Keys)
        {
            if (!Source.Nodes.TryGetValue(element, out var node) || WaitCompatibility.TriggerOf(node) is not TimerTrigger)
            {
                yield return new MigrationProblem(null, element, $"The timer choice names '{element}', which is no timer event of version {SourceDefinition.Version}.");
            }
        }

        foreach (var element in (Request.WaitingAt ?? []).Where(e => !Source.Nodes.ContainsKey(e)))
        {
            yield return new MigrationProblem(null, element, $"waitingAt names '{element}', which version {SourceDefinition.Version} does not have.");
        }
    }
}
