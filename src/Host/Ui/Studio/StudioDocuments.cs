using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Host.Ui.Studio;

/// <summary>The documents Studio makes itself: a new workflow to start from, and a foreign file marked executable.</summary>
public static partial class StudioDocuments
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>A process id: an XML name that also reads well in a URL.</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]{0,99}$")]
    public static partial Regex KeyPattern();

    /// <summary>A start, one manual step and an end, drawn, so that the palette has something to append to.</summary>
    public static string NewWorkflow(string key, string name)
    {
        if (!KeyPattern().IsMatch(key))
        {
            throw new BadRequestException("Nyckeln får bara ha bokstäverna a–z, siffror, _ och -, börja med en bokstav och vara högst 100 tecken.");
        }

        var title = System.Security.SecurityElement.Escape(string.IsNullOrWhiteSpace(name) ? key : name.Trim());
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:vp="urn:verkstallighet:bpmn:1" id="Definitions_{key}" targetNamespace="urn:verkstallighet:workflows">
              <bpmn:process id="{key}" name="{title}" isExecutable="true">
                <bpmn:startEvent id="Start" name="Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:userTask id="Step_1" name="Första steget" vp:activityType="ManualTask"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>
                <bpmn:endEvent id="End" name="Klart"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Step_1" />
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Step_1" targetRef="End" />
              </bpmn:process>
              <bpmndi:BPMNDiagram id="Diagram_{key}">
                <bpmndi:BPMNPlane id="Plane_{key}" bpmnElement="{key}">
                  <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="Step_1_di" bpmnElement="Step_1"><dc:Bounds x="250" y="160" width="100" height="80" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="412" y="182" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="200" /><di:waypoint x="250" y="200" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="350" y="200" /><di:waypoint x="412" y="200" /></bpmndi:BPMNEdge>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;
    }

    /// <summary>
    /// Marks the process that a file from another tool left non-executable as executable: the one of the first pool
    /// that has one, else the first process. Returns null when the document has no process (or cannot be read).
    /// </summary>
    public static string? MakeExecutable(string xml)
    {
        XDocument document;
        try
        {
            // The parser's own safe reading: no DTD, no resolver, bounded size and depth.
            if (BpmnParser.TooDeep(xml) is not null)
            {
                return null;
            }

            document = BpmnParser.Load(xml);
        }
        catch (XmlException)
        {
            return null;
        }

        var processes = document.Root?.Elements(Bpmn + "process").ToList() ?? [];
        var pooled = document.Root?.Elements(Bpmn + "collaboration").Elements(Bpmn + "participant")
            .Select(p => (string?)p.Attribute("processRef"))
            .Select(id => processes.FirstOrDefault(p => (string?)p.Attribute("id") == id))
            .FirstOrDefault(p => p is not null);
        var process = pooled ?? processes.FirstOrDefault();
        if (process is null)
        {
            return null;
        }

        process.SetAttributeValue("isExecutable", "true");
        return (document.Declaration is null ? "" : document.Declaration + "\n") + document;
    }
}
