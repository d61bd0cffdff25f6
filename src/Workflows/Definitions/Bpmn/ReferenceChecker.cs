using System.Xml.Linq;
using static Verkstallighet.Workflows.Definitions.BpmnVocabulary;

namespace Verkstallighet.Workflows.Definitions;

/// <summary>
/// Checks the references of what is kept but not run: pools (participants), message flows, lanes, and the processes
/// of the pools that are not executable. Those are documentation, so none of the execution rules apply to them, but a
/// reference to nothing would be lost or break the diagram in the next tool, so it is reported rather than ignored.
/// </summary>
internal sealed class ReferenceChecker(ParseSession session)
{
    public void Check(XElement root, XElement executable)
    {
        var documentIds = IdsIn(root);
        var processIds = root.Elements(Bpmn + "process").Select(p => (string?)p.Attribute("id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var collaboration in root.Elements(Bpmn + "collaboration"))
        {
            CheckCollaboration(collaboration, processIds, documentIds);
        }

        foreach (var process in root.Elements(Bpmn + "process"))
        {
            var ids = IdsIn(process);
            CheckLanes(process, ids);
            if (process != executable)
            {
                CheckDocumentationProcess(process, ids);
            }
        }
    }

    private void CheckCollaboration(XElement collaboration, HashSet<string> processIds, HashSet<string> documentIds)
    {
        foreach (var participant in collaboration.Elements(Bpmn + "participant"))
        {
            session.Budget.Check();
            if ((string?)participant.Attribute("processRef") is { Length: > 0 } processRef && !processIds.Contains(LocalId(processRef)))
            {
                session.Problem(Id(participant), $"The pool's processRef '{processRef}' names no process in the document.");
            }
        }

        foreach (var messageFlow in collaboration.Elements(Bpmn + "messageFlow"))
        {
            session.Budget.Check();
            foreach (var end in new[] { "sourceRef", "targetRef" })
            {
                var reference = (string?)messageFlow.Attribute(end);
                if (string.IsNullOrWhiteSpace(reference))
                {
                    session.Problem(Id(messageFlow), $"The message flow has no {end}.");
                }
                else if (!documentIds.Contains(LocalId(reference)))
                {
                    session.Problem(Id(messageFlow), $"The message flow's {end} '{reference}' does not exist.");
                }
            }
        }
    }

    private void CheckLanes(XElement process, HashSet<string> ids)
    {
        foreach (var reference in process.Descendants(Bpmn + "flowNodeRef"))
        {
            session.Budget.Check();
            var target = reference.Value.Trim();
            if (target.Length > 0 && !ids.Contains(LocalId(target)))
            {
                session.Problem(Id(reference.Parent!), $"The lane lists '{target}', which is not an element of process '{Id(process)}'.");
            }
        }
    }

    /// <summary>A pool that is not executable: only its references are checked, so a pool of another party may hold any element.</summary>
    private void CheckDocumentationProcess(XElement process, HashSet<string> ids)
    {
        foreach (var element in process.Descendants())
        {
            session.Budget.Check();
            var (what, ends) = element.Name.LocalName switch
            {
                "sequenceFlow" when element.Name.Namespace == Bpmn => ("sequence flow", new[] { "sourceRef", "targetRef" }),
                "boundaryEvent" when element.Name.Namespace == Bpmn => ("boundary event", ["attachedToRef"]),
                _ => ("", []),
            };
            foreach (var end in ends)
            {
                var reference = (string?)element.Attribute(end);
                if (string.IsNullOrWhiteSpace(reference) || !ids.Contains(LocalId(reference)))
                {
                    session.Problem(Id(element), $"The {what}'s {end} '{reference}' is not an element of process '{Id(process)}' (the process is not executable, but its references must hold).");
                }
            }
        }
    }

    private HashSet<string> IdsIn(XElement container)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in container.DescendantsAndSelf())
        {
            session.Budget.Check();
            if (element.Name.Namespace == Bpmn && (string?)element.Attribute("id") is { Length: > 0 } id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static string? Id(XElement element) => (string?)element.Attribute("id");
}
