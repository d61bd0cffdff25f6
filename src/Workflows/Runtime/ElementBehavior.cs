using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Expressions;
using Verkstallighet.Workflows.Journal;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// What one kind of BPMN element does with a token: when the token enters it, when a bookmark of it is triggered (a
/// timer, a message), and which outgoing flows the token takes when it leaves. Behaviours hold no state; the step
/// they are given does. A new element kind is a new subclass, found by <see cref="ElementBehaviors"/>.
/// </summary>
internal abstract class ElementBehavior
{
    public abstract bool Handles(FlowNode node);

    public virtual Task EnterAsync(InstanceStep step, Token token, FlowNode node, CancellationToken cancellationToken) =>
        throw new ElementFailedException($"Elements of type {node.GetType().Name} cannot run.");

    /// <summary>A bookmark of this element was triggered. <paramref name="oneShot"/>: it will not trigger again.</summary>
    public virtual Task TriggerAsync(InstanceStep step, Bookmark bookmark, FlowNode node, bool oneShot, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"Bookmark {bookmark.Id} at '{node.Id}' cannot be triggered.");

    /// <summary>
    /// The flows a token leaving <paramref name="node"/> takes. Unconditional flows are all taken; with conditions, every
    /// flow whose condition holds, else the default flow.
    /// </summary>
    public virtual IReadOnlyList<SequenceFlow> Outgoing(InstanceStep step, FlowNode node)
    {
        if (node.Outgoing.All(f => f.Condition is null))
        {
            return node.Outgoing;
        }

        var taken = node.Outgoing.Where(f => f != node.DefaultFlow && (f.Condition is null || Holds(step, f))).ToList();
        if (taken.Count == 0 && node.DefaultFlow is not null)
        {
            taken.Add(node.DefaultFlow);
        }

        return taken.Count > 0 ? taken : throw new ElementFailedException($"No condition leaving '{node.Id}' is true, and it has no default flow.");
    }

    protected static bool Holds(InstanceStep step, SequenceFlow flow)
    {
        try
        {
            return step.Services.Scripts.EvaluateCondition(flow.Condition!, step.Variables.Values);
        }
        catch (ScriptException e)
        {
            throw new ElementFailedException($"Condition of flow '{flow.Id}': {e.Message}", e);
        }
    }

    /// <summary>A waiting element whose event arrived goes on: its bookmark is used, and the token leaves it.</summary>
    protected static void Resume(InstanceStep step, Token token, Bookmark bookmark, FlowNode node)
    {
        step.Subscriptions.Remove(bookmark, cancelled: null);
        token.Status = TokenStatus.Active;
        step.Leave(token, node);
    }

    protected static void JournalCompleted(InstanceStep step, FlowNode node, object? data) =>
        step.Journal.Write(JournalKinds.ElementCompleted, node.Id, data);
}
