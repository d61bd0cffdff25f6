using Microsoft.Extensions.Options;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Activities.Builtin;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Tests.Definitions;

/// <summary>
/// The rules for files from other tools (Camunda Modeler 7 and 8, bpmn.io, MIWG-style models): what is refused, with
/// which message on which element, and what is read as ours.
/// </summary>
public sealed class BpmnImportTests
{
    private static readonly ActivityRegistry Activities = new([new(typeof(ManualTask)), new(typeof(SetVariable))]);

    private static readonly string[] Roles = ["Officer", "Chief", "ProcessOwner", "Administrator"];

    private static readonly IDefinitionEnvironment Environment = new ValidationEnvironment(Activities, new HashSet<string>(), candidateRoles: Roles);

    private const string Namespaces = """
        xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:vp="urn:verkstallighet:bpmn:1"
        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
        """;

    private const string StartToEnd = """
        <bpmn:startEvent id="S"/><bpmn:endEvent id="E"/><bpmn:sequenceFlow id="f" sourceRef="S" targetRef="E"/>
        """;

    private static string Document(string content) => $"<bpmn:definitions {Namespaces} id=\"D\">{content}</bpmn:definitions>";

    private static string Process(string body, string executable = " isExecutable=\"true\"") =>
        Document($"<bpmn:process id=\"P\"{executable}>{body}</bpmn:process>");

    private static List<(string? ElementId, string Message)> Problems(string xml) =>
        BpmnParser.Parse(xml, Environment).Problems.Select(p => (p.ElementId, p.Message)).ToList();

    /// <summary>A gateway with a default flow and one conditional flow <c>fc</c>.</summary>
    private static string WithCondition(string condition, string language = "") => Process($"""
        <bpmn:startEvent id="S"/><bpmn:exclusiveGateway id="G" default="fd"/><bpmn:endEvent id="A"/><bpmn:endEvent id="B"/>
        <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="G"/>
        <bpmn:sequenceFlow id="fc" sourceRef="G" targetRef="A"><bpmn:conditionExpression{language}>{condition}</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="fd" sourceRef="G" targetRef="B"/>
        """);

    private static string WithUserTask(string attributes, string extensions = "") => Process($"""
        <bpmn:startEvent id="S"/><bpmn:userTask id="T" {attributes}><bpmn:extensionElements>{extensions}</bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id="E"/>
        <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T"/><bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E"/>
        """);

    [Fact]
    public void Validate_RefusesALoneProcessMarkedNotExecutable_OnTheProcess()
    {
        Assert.Equal(
            [("P", "No process is executable: process 'P' is not marked isExecutable=\"true\"; mark it executable to run it.")],
            Problems(Process(StartToEnd, executable: " isExecutable=\"false\"")));
    }

    [Fact]
    public void Validate_AcceptsALoneProcessWithoutIsExecutable()
    {
        var parsed = BpmnParser.Parse(Process(StartToEnd, executable: ""), Environment);

        Assert.Empty(parsed.Problems);
        Assert.Equal("P", parsed.Model!.Key);
    }

    [Fact]
    public void Validate_RefusesSeveralProcessesNoneMarkedExecutable_NamingEach()
    {
        var xml = Document($"""
            <bpmn:process id="A">{StartToEnd}</bpmn:process>
            <bpmn:process id="B" isExecutable="false"><bpmn:startEvent id="S2"/></bpmn:process>
            """);

        Assert.Equal(
        [
            ("A", "No process is executable: process 'A' is not marked isExecutable=\"true\"; mark the one to run executable."),
            ("B", "No process is executable: process 'B' is not marked isExecutable=\"true\"; mark the one to run executable."),
        ], Problems(xml));
    }

    [Fact]
    public void Validate_RefusesSeveralExecutableProcesses_AsAmbiguous()
    {
        var xml = Document($"""
            <bpmn:process id="A" isExecutable="true">{StartToEnd}</bpmn:process>
            <bpmn:process id="B" isExecutable="true"><bpmn:startEvent id="S2"/></bpmn:process>
            """);

        Assert.Equal([(null, "Several processes are marked isExecutable=\"true\" (A, B); exactly one may be.")], Problems(xml));
    }

    [Theory]
    [InlineData("=approved = true")] // Zeebe's FEEL
    [InlineData("= score &gt; 5")]
    [InlineData("${approved}")] // Camunda 7's JUEL
    [InlineData("#{risk == 'Hög'}")]
    [InlineData("  ${a &amp;&amp; b}  ")]
    public void Validate_RefusesFeelOrJuelCondition_NamingTheFlow(string condition)
    {
        Assert.Equal([("fc", "FEEL/JUEL is not supported; write the condition in JavaScript.")], Problems(WithCondition(condition)));
    }

    [Fact]
    public void Validate_RefusesAConditionDeclaredAsFeel_NamingTheFlow()
    {
        Assert.Equal(
            [("fc", "FEEL/JUEL is not supported; write the condition in JavaScript.")],
            Problems(WithCondition("approved", language: " language=\"feel\"")));
    }

    [Fact]
    public void Validate_AcceptsAJavaScriptCondition_AndAnInputExpressionStartingWithEquals()
    {
        var parsed = BpmnParser.Parse(Process("""
            <bpmn:startEvent id="S"/>
            <bpmn:serviceTask id="T" vp:activityType="SetVariable"><bpmn:extensionElements><vp:input name="value" value="=score + 1"/></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:exclusiveGateway id="G" default="fd"/><bpmn:endEvent id="A"/><bpmn:endEvent id="B"/>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T"/><bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="G"/>
            <bpmn:sequenceFlow id="fc" sourceRef="G" targetRef="A"><bpmn:conditionExpression>value === `${score}` || score &gt; 5</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="fd" sourceRef="G" targetRef="B"/>
            """), Environment);

        Assert.Empty(parsed.Problems);
        Assert.Equal("=score + 1", ((TaskNode)parsed.Model!.Node("T")).Inputs["value"]);
    }

    [Theory]
    [InlineData("timeDuration", "${reminderDuration}")]
    [InlineData("timeDate", "=now() + duration(\"P1D\")")]
    [InlineData("timeCycle", "#{cycle}")]
    public void Validate_RefusesFeelOrJuelTimer_NamingTheEvent(string element, string expression)
    {
        var problems = Problems(Process($"""
            <bpmn:startEvent id="S"/><bpmn:intermediateCatchEvent id="C"><bpmn:timerEventDefinition><bpmn:{element}>{expression}</bpmn:{element}></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="E"/><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="C"/><bpmn:sequenceFlow id="f2" sourceRef="C" targetRef="E"/>
            """));

        var (elementId, message) = Assert.Single(problems);
        Assert.Equal("C", elementId);
        Assert.StartsWith($"FEEL/JUEL is not supported in timers ('{expression}'); give an ISO 8601 duration", message);
    }

    [Fact]
    public void Validate_AcceptsACollaboration_WhosePoolOfAnotherPartyHoldsAnyElement_AndKeepsMessageFlowsUnexecuted()
    {
        var parsed = BpmnParser.Parse(Document($"""
            <bpmn:collaboration id="C">
              <bpmn:participant id="Pool_Office" processRef="Office"/><bpmn:participant id="Pool_Court" processRef="Court"/><bpmn:participant id="Pool_Client"/>
              <bpmn:messageFlow id="mf1" sourceRef="Send" targetRef="S"/><bpmn:messageFlow id="mf2" sourceRef="E" targetRef="Pool_Client"/>
            </bpmn:collaboration>
            <bpmn:process id="Office" isExecutable="true">{StartToEnd}</bpmn:process>
            <bpmn:process id="Court" isExecutable="false">
              <bpmn:sendTask id="Send"/><bpmn:inclusiveGateway id="Or"/><bpmn:sequenceFlow id="c1" sourceRef="Send" targetRef="Or"/>
            </bpmn:process>
            """), Environment);

        Assert.Empty(parsed.Problems);
        Assert.Equal("Office", parsed.Model!.Key);
        Assert.Equal(["E", "S"], parsed.Model.Nodes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_ReportsBrokenReferencesOfPoolsLanesAndMessageFlows_OnTheElementHoldingThem()
    {
        var problems = Problems(Document($"""
            <bpmn:collaboration id="C">
              <bpmn:participant id="Pool_Office" processRef="Office"/><bpmn:participant id="Pool_Gone" processRef="Gone"/>
              <bpmn:messageFlow id="mf1" sourceRef="Send" targetRef="Nowhere"/><bpmn:messageFlow id="mf2" targetRef="S"/>
            </bpmn:collaboration>
            <bpmn:process id="Office" isExecutable="true">
              <bpmn:laneSet id="LS"><bpmn:lane id="Lane_1"><bpmn:flowNodeRef>S</bpmn:flowNodeRef><bpmn:flowNodeRef>Missing</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
              {StartToEnd}
            </bpmn:process>
            <bpmn:process id="Court" isExecutable="false">
              <bpmn:sendTask id="Send"/><bpmn:sequenceFlow id="c1" sourceRef="Send" targetRef="Away"/>
              <bpmn:boundaryEvent id="B" attachedToRef="Elsewhere"/>
            </bpmn:process>
            """));

        Assert.Equal(
        [
            ("Pool_Gone", "The pool's processRef 'Gone' names no process in the document."),
            ("mf1", "The message flow's targetRef 'Nowhere' does not exist."),
            ("mf2", "The message flow has no sourceRef."),
            ("Lane_1", "The lane lists 'Missing', which is not an element of process 'Office'."),
            ("c1", "The sequence flow's targetRef 'Away' is not an element of process 'Court' (the process is not executable, but its references must hold)."),
            ("B", "The boundary event's attachedToRef 'Elsewhere' is not an element of process 'Court' (the process is not executable, but its references must hold)."),
        ], problems);
    }

    [Fact]
    public void Validate_RefusesASubProcessWithoutAStartEvent_WithTheReason_AndNothingElse()
    {
        var problems = Problems(Process("""
            <bpmn:startEvent id="S"/><bpmn:subProcess id="Sub"><bpmn:userTask id="T"/><bpmn:endEvent id="SE"/><bpmn:sequenceFlow id="s1" sourceRef="T" targetRef="SE"/></bpmn:subProcess>
            <bpmn:endEvent id="E"/><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Sub"/><bpmn:sequenceFlow id="f2" sourceRef="Sub" targetRef="E"/>
            """));

        Assert.Equal(
            [("Sub", "A sub-process without a start event is not supported: the engine starts a sub-process at its none start event; add one.")],
            problems);
    }

    [Fact]
    public void Validate_RefusesAMessageEventWithoutMessageRef_NamingTheEventAndWhy()
    {
        var problems = Problems(Process("""
            <bpmn:startEvent id="S"/><bpmn:intermediateCatchEvent id="C" name="Domen inkommen"><bpmn:messageEventDefinition/></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="E"/><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="C"/><bpmn:sequenceFlow id="f2" sourceRef="C" targetRef="E"/>
            """));

        Assert.Equal(
            [("C", "The message event 'Domen inkommen' has no messageRef, so no message can be correlated to it; define a <message> and name it in messageRef.")],
            problems);
    }

    [Theory]
    [InlineData("camunda:candidateGroups=\"Chief\"", "")]
    [InlineData("camunda:candidateGroups=\" chief \"", "")]
    [InlineData("", "<zeebe:assignmentDefinition candidateGroups=\"ProcessOwner\"/>")]
    public void Validate_ReadsACamundaOrZeebeCandidateGroupNamingARole_AsTheTasksCandidateRole(string attributes, string extensions)
    {
        var parsed = BpmnParser.Parse(WithUserTask(attributes, extensions), Environment);

        Assert.Empty(parsed.Problems);
        var expected = attributes.Length > 0 ? "Chief" : "ProcessOwner";
        Assert.Equal(expected, ((TaskNode)parsed.Model!.Node("T")).Inputs["candidateRole"]);
    }

    [Fact]
    public void Validate_KeepsTheVpCandidateRole_OverAForeignCandidateGroup()
    {
        var parsed = BpmnParser.Parse(
            WithUserTask("camunda:candidateGroups=\"nobody\"", "<vp:input name=\"candidateRole\" value=\"Officer\"/><zeebe:assignmentDefinition candidateGroups=\"=x\"/>"),
            Environment);

        Assert.Empty(parsed.Problems);
        Assert.Equal("Officer", ((TaskNode)parsed.Model!.Node("T")).Inputs["candidateRole"]);
    }

    [Theory]
    [InlineData("camunda:candidateGroups=\"officers\"", "", "camunda:candidateGroups 'officers' is not one of the roles a task can be offered to.")]
    [InlineData("camunda:candidateGroups=\"Officer, Chief\"", "", "camunda:candidateGroups lists several groups ('Officer, Chief'), but a task is offered to one role.")]
    [InlineData("camunda:candidateGroups=\"${group}\"", "", "camunda:candidateGroups '${group}' is an expression, and FEEL/JUEL is not supported; name one role instead.")]
    [InlineData("", "<zeebe:assignmentDefinition candidateGroups=\"=[&quot;Chief&quot;]\"/>", "zeebe:assignmentDefinition candidateGroups '=[\"Chief\"]' is an expression, and FEEL/JUEL is not supported; name one role instead.")]
    public void Validate_RefusesAForeignCandidateGroupThatIsNoSingleRole_ListingTheRoles(string attributes, string extensions, string message)
    {
        Assert.Equal(
            [("T", message + " The roles are: Officer, Chief, ProcessOwner, Administrator.")],
            Problems(WithUserTask(attributes, extensions)));
    }

    [Fact]
    public void PublishedVersion_FromBeforeTheImportRules_StillLoads_AsItWasAccepted()
    {
        // Published when a lone process marked not executable ran, JUEL was unwrapped as JavaScript, and the
        // references of pools and message flows went unchecked: the stored version must still load, or its instances stop.
        var stored = Document($"""
            <bpmn:collaboration id="C"><bpmn:participant id="Pool" processRef="P"/><bpmn:messageFlow id="mf" sourceRef="Gone" targetRef="S"/></bpmn:collaboration>
            <bpmn:process id="P" isExecutable="false">
              <bpmn:startEvent id="S"/><bpmn:exclusiveGateway id="G" default="fd"/><bpmn:userTask id="T" camunda:candidateGroups="officers"/><bpmn:endEvent id="E"/>
              <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="G"/>
              <bpmn:sequenceFlow id="fc" sourceRef="G" targetRef="T"><bpmn:conditionExpression>{"${score > 5}"}</bpmn:conditionExpression></bpmn:sequenceFlow>
              <bpmn:sequenceFlow id="fd" sourceRef="G" targetRef="E"/><bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E"/>
            </bpmn:process>
            """);
        var cache = new ProcessModelCache(Activities, Options.Create(new DefinitionOptions()));

        Assert.NotEmpty(Problems(stored));
        var model = cache.Get(Guid.NewGuid(), stored);
        Assert.Equal("${score > 5}", model.Node("G").Outgoing.Single(f => f.Id == "fc").Condition);
        Assert.False(((TaskNode)model.Node("T")).Inputs.ContainsKey("candidateRole"));
    }
}
