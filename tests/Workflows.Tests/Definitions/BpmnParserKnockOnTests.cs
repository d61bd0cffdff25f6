using System.Text;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Activities.Builtin;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Tests.Definitions;

/// <summary>
/// An element that is refused is named once, in one problem: the flows to and from it, and what is unreachable only
/// because of it, are not reported again. The foreign files are written as Camunda Modeler, Signavio and bpmn.io write theirs.
/// </summary>
public sealed class BpmnParserKnockOnTests
{
    private static readonly IDefinitionEnvironment Environment = new ValidationEnvironment(
        new ActivityRegistry([new(typeof(ManualTask)), new(typeof(SetVariable))]),
        new HashSet<string>(),
        candidateRoles: ["Officer", "Chief"]);

    private const string Unsupported = "is not supported; events may be timer or message events (and terminate end events).";

    private static List<(string? ElementId, string Message)> Problems(string xml) =>
        BpmnParser.Parse(xml, Environment).Problems.Select(p => (p.ElementId, p.Message)).ToList();

    /// <summary>The file as its process owner would import it after Studio's "make executable" step.</summary>
    private static string MadeExecutable(string xml) => xml.Replace("isExecutable=\"false\"", "isExecutable=\"true\"");

    private static string Process(string body) =>
        $"""<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:message id="M" name="Go"/><bpmn:process id="P" isExecutable="true">{body}</bpmn:process></bpmn:definitions>""";

    [Fact]
    public void CamundaModelerFile_NamesEachRefusedElementOnce()
    {
        Assert.Equal(
        [
            ("Activity_Check", "camunda:candidateGroups 'officers' is not one of the roles a task can be offered to. The roles are: Officer, Chief."),
            ("Activity_Rules", "Business rule tasks are not supported."),
            ("Gateway_Merge", "Complex gateways are not supported."),
            ("Activity_Decide", "camunda:candidateGroups 'chiefs' is not one of the roles a task can be offered to. The roles are: Officer, Chief."),
            ("Event_Recalled", "<signalEventDefinition> " + Unsupported),
        ], Problems(BpmnFiles.Read("Foreign/camunda-modeler.bpmn")));
    }

    [Fact]
    public void SignavioFile_NamesEachRefusedElementOnce()
    {
        Assert.Equal(
        [
            ("sid-split", "Inclusive gateways are not supported; use parallel and exclusive gateways."),
            ("sid-notify", "Send tasks are not supported."),
            ("sid-file", "Manual tasks are not supported; use a task or a user task."),
            ("sid-informed", "Intermediate throw events are not supported."),
            // An XPath condition is named for its language, not also parsed as JavaScript.
            ("sid-f3", "The condition language 'http://www.w3.org/1999/XPath' is not supported; conditions are JavaScript."),
        ], Problems(MadeExecutable(BpmnFiles.Read("Foreign/signavio.bpmn"))));
    }

    [Fact]
    public void BpmnIoFile_NamesEachRefusedElementOnce()
    {
        Assert.Equal(
        [
            ("Activity_1script", "Script tasks are not supported; use a service task with an activity type."),
            ("Event_0msg", "The message event refers to message 'Message_Missing', which is not defined."),
            ("Event_0cond", "<conditionalEventDefinition> " + Unsupported),
            ("Activity_0call", "Call activities are not supported; use an embedded sub-process."),
            ("Event_0esc", "<escalationEventDefinition> " + Unsupported),
            ("Event_0sigstart", "<signalEventDefinition> " + Unsupported),
        ], Problems(MadeExecutable(BpmnFiles.Read("Foreign/bpmn-io.bpmn"))));
    }

    [Theory]
    [InlineData("Foreign/signavio.bpmn", "sid-process")]
    [InlineData("Foreign/bpmn-io.bpmn", "Process_1r0j5b3")]
    public void FileWhoseOnlyProcessIsMarkedNotExecutable_IsOneProblemOnTheProcess(string file, string process)
    {
        Assert.Equal(
            [(process, $"No process is executable: process '{process}' is not marked isExecutable=\"true\"; mark it executable to run it.")],
            Problems(BpmnFiles.Read(file)));
    }

    [Fact]
    public void FlowsToAndFromARefusedTask_AreNotReported_ButADanglingFlowStillIs()
    {
        var problems = Problems(Process("""
            <bpmn:startEvent id="S"/><bpmn:businessRuleTask id="X"/><bpmn:task id="T"/><bpmn:endEvent id="E"/>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="X"/><bpmn:sequenceFlow id="f2" sourceRef="X" targetRef="T"/>
            <bpmn:sequenceFlow id="f3" sourceRef="T" targetRef="E"/><bpmn:sequenceFlow id="f4" sourceRef="T" targetRef="Nowhere"/>
            """));

        Assert.Equal(
        [
            ("X", "Business rule tasks are not supported."),
            ("f4", "The sequence flow's target 'Nowhere' does not exist (dangling sequence flow)."),
        ], problems);
    }

    [Fact]
    public void ARefusedStartEvent_IsNamedOnce_NotAlsoAsAMissingStartOrAnUnreachableTask()
    {
        var problems = Problems(Process("""
            <bpmn:startEvent id="S"><bpmn:signalEventDefinition/></bpmn:startEvent><bpmn:task id="T"/><bpmn:endEvent id="E"/>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T"/><bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E"/>
            """));

        Assert.Equal([("S", "<signalEventDefinition> " + Unsupported)], problems);
    }

    [Fact]
    public void AnEventWithARefusedDefinition_IsNamedOnce_AndItsGatewayStillCountsTheFlowToIt()
    {
        var problems = Problems(Process("""
            <bpmn:startEvent id="S"/><bpmn:eventBasedGateway id="G"/>
            <bpmn:intermediateCatchEvent id="C1"><bpmn:timerEventDefinition><bpmn:timeDuration>soon</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="C2"><bpmn:messageEventDefinition messageRef="M"/></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="E"/>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="G"/><bpmn:sequenceFlow id="f2" sourceRef="G" targetRef="C1"/>
            <bpmn:sequenceFlow id="f3" sourceRef="G" targetRef="C2"/><bpmn:sequenceFlow id="f4" sourceRef="C1" targetRef="E"/>
            <bpmn:sequenceFlow id="f5" sourceRef="C2" targetRef="E"/>
            """));

        Assert.Equal([("C1", "The timer duration 'soon' is not an ISO 8601 duration such as P1M, P4W or PT15M.")], problems);
    }

    [Fact]
    public void ABoundaryEventOnARefusedTask_IsNotReportedAsAttachedToNothing()
    {
        var problems = Problems(Process("""
            <bpmn:startEvent id="S"/><bpmn:scriptTask id="X"/><bpmn:endEvent id="E"/>
            <bpmn:boundaryEvent id="B" attachedToRef="X"><bpmn:messageEventDefinition messageRef="M"/></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="X"/><bpmn:sequenceFlow id="f2" sourceRef="X" targetRef="E"/>
            <bpmn:sequenceFlow id="f3" sourceRef="B" targetRef="E"/>
            """));

        Assert.Equal([("X", "Script tasks are not supported; use a service task with an activity type.")], problems);
    }

    [Fact]
    public void AFlowWithoutAnId_IsNamedOnce_AndItsTargetIsNotCalledUnreachable()
    {
        var problems = Problems(Process("""
            <bpmn:startEvent id="S"/><bpmn:endEvent id="E"/><bpmn:sequenceFlow sourceRef="S" targetRef="E"/>
            """));

        Assert.Equal([(null, "A sequence flow in 'P' has no id.")], problems);
    }

    [Fact]
    public void AFlowIntoARefusedElementOfAnotherScope_StillCrossesTheBoundary()
    {
        var problems = Problems(Process("""
            <bpmn:startEvent id="S"/><bpmn:endEvent id="E"/><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Sub"/><bpmn:sequenceFlow id="f2" sourceRef="Sub" targetRef="E"/>
            <bpmn:subProcess id="Sub"><bpmn:startEvent id="SS"/><bpmn:sendTask id="X"/><bpmn:sequenceFlow id="s1" sourceRef="SS" targetRef="X"/></bpmn:subProcess>
            <bpmn:sequenceFlow id="f3" sourceRef="S" targetRef="X"/>
            """));

        Assert.Equal(
        [
            ("X", "Send tasks are not supported."),
            ("f3", "The sequence flow's target 'X' is in another scope; sequence flows may not cross a sub-process boundary."),
        ], problems);
    }

    [Fact]
    public void ThousandsOfElementsSharingAnId_AreOneProblem()
    {
        // Each duplicate was kept too, and each but the first reported as unreachable.
        var body = new StringBuilder("<bpmn:startEvent id=\"S\"/>");
        for (var i = 0; i < 1_000; i++)
        {
            body.Append("<bpmn:endEvent id=\"E\"/><bpmn:sequenceFlow id=\"f").Append(i).Append("\" sourceRef=\"S\" targetRef=\"E\"/>");
        }

        Assert.Equal([("E", "The id 'E' is used by 1000 elements; ids must be unique.")], Problems(Process(body.ToString())));
    }
}
