using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// Parsed models of stored definitions by definition id. A published version never changes, so a model is parsed
/// once per process and shared by all its instances.
/// </summary>
public sealed class ProcessModelCache(ActivityRegistry activities, IOptions<DefinitionOptions> options)
{
    private readonly ConcurrentDictionary<Guid, ProcessModel> models = new();

    public ProcessModel Get(WorkflowDefinition definition) => Get(definition.Id, definition.Xml);

    public bool TryGet(Guid definitionId, out ProcessModel model) => models.TryGetValue(definitionId, out model!);

    /// <summary>Keeps the model just validated for a published version, so publishing does not parse the document twice.</summary>
    public void Remember(Guid definitionId, ProcessModel model) => models.TryAdd(definitionId, model);

    public ProcessModel Get(Guid definitionId, string xml) =>
        models.GetOrAdd(definitionId, static (_, args) => args.cache.Parse(args.xml), (cache: this, xml));

    private ProcessModel Parse(string xml)
    {
        // Deadline rules were checked when the version was published, and rules are never deleted.
        var parsed = BpmnParser.Parse(xml, new PublishedEnvironment(activities, options.Value.CandidateRoles));
        return parsed.Model ?? throw new InvalidOperationException(
            "A stored definition no longer parses: " + string.Join("; ", parsed.Problems.Select(p => $"{p.ElementId}: {p.Message}")));
    }

    private sealed class PublishedEnvironment(ActivityRegistry activities, IReadOnlyCollection<string> candidateRoles) : IDefinitionEnvironment
    {
        public bool TryGetActivity(string type, out ActivityDescriptor descriptor) => activities.TryGet(type, out descriptor);

        public bool DeadlineRuleExists(string key) => true;

        public bool IsProtectedVariable(string name) => false; // checked at publication

        public IReadOnlyCollection<string> CandidateRoles => candidateRoles;

        public bool IsPublishedVersion => true;
    }
}
