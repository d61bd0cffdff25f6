using Verkstallighet.Host.Database;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Host.Workflows;

/// <summary>
/// Publishes the shipped workflows (<c>workflows/*.bpmn</c>) whose key is not stored yet. A key that exists, in any
/// version or status, is left alone: published versions are never overwritten.
/// </summary>
public sealed class WorkflowSeeder(DefinitionService definitions, ILogger<WorkflowSeeder> logger)
{
    private static readonly Actor Seeder = new("system", new HashSet<string>(), null);

    public async Task<int> SeedAsync(string? directory, CancellationToken cancellationToken = default)
    {
        directory ??= Path.Combine(RepositoryPaths.Root(Directory.GetCurrentDirectory()), "workflows");
        if (!Directory.Exists(directory))
        {
            logger.LogWarning("No workflows folder at {Directory}; nothing seeded.", directory);
            return 0;
        }

        var seeded = 0;
        foreach (var file in Directory.GetFiles(directory, "*.bpmn").Order(StringComparer.Ordinal))
        {
            if (!BpmnText.TryDecode(await File.ReadAllBytesAsync(file, cancellationToken), out var xml, out var encodingError))
            {
                logger.LogError("The shipped workflow {File} was not seeded: {Problem}", Path.GetFileName(file), encodingError);
                continue;
            }

            try
            {
                // One parse: validating, checking the key and publishing.
                var (parsed, published) = await definitions.PublishIfNewAsync(xml, Seeder, cancellationToken);
                if (!parsed.IsValid)
                {
                    logger.LogError("The shipped workflow {File} is not valid and was not seeded: {Problems}", Path.GetFileName(file),
                        string.Join("; ", parsed.Problems.Select(p => $"{p.ElementId}: {p.Message}")));
                    continue;
                }

                if (published is not null)
                {
                    logger.LogInformation("Seeded workflow {Key} version {Version} from {File}.", published.Key, published.Version, Path.GetFileName(file));
                    seeded++;
                }
            }
            catch (ConflictException)
            {
                // Another Host seeded it at the same moment.
            }
        }

        return seeded;
    }
}
