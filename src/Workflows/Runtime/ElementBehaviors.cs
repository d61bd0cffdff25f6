using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// The behaviour of every element kind, one class each (as Zeebe's BpmnElementProcessors): found once in this assembly,
/// so adding a kind is adding a class. Each element has exactly one behaviour.
/// </summary>
internal static class ElementBehaviors
{
    public static IReadOnlyList<ElementBehavior> All { get; } = typeof(ElementBehavior).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ElementBehavior)) && !t.IsAbstract)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (ElementBehavior)Activator.CreateInstance(t)!)
        .ToList();

    public static ElementBehavior For(FlowNode node)
    {
        foreach (var behavior in All)
        {
            if (behavior.Handles(node))
            {
                return behavior;
            }
        }

        throw new ElementFailedException($"Elements of type {node.GetType().Name} cannot run.");
    }
}
