using System.Text;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Activities.Builtin;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Tests.Definitions;

public sealed class BpmnParserTests
{
    private static readonly IDefinitionEnvironment Environment = new ValidationEnvironment(
        new ActivityRegistry([new(typeof(ManualTask)), new(typeof(SetVariable)), new(typeof(AddPeriodToDate)), new(typeof(FlakyActivity))]),
        new HashSet<string> { "TestMonth" },
        new HashSet<string> { "caseId", "office" }); // the tests' own routing variables, the office mirror among them

    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:vp="urn:verkstallighet:bpmn:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="urn:t">
        """;

    private static string Process(string body, string id = "P") =>
        Head + $"<bpmn:process id=\"{id}\" isExecutable=\"true\">{body}</bpmn:process></bpmn:definitions>";

    private static ParsedDefinition Parse(string xml) => BpmnParser.Parse(xml, Environment);

    private static void AssertProblem(ParsedDefinition parsed, string? elementId, string fragment)
    {
        Assert.False(parsed.IsValid);
        Assert.Contains(parsed.Problems, p => p.ElementId == elementId && p.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("user-task.bpmn", "UserTask")]
    [InlineData("event-subprocess.bpmn", "EventSubProcess")]
    [InlineData("boundary-timer-noninterrupting.bpmn", "BoundaryTimerNonInterrupting")]
    [InlineData("timer-start.bpmn", "TimerStart")]
    public void ValidFile_ParsesToItsProcess(string file, string key)
    {
        var parsed = Parse(BpmnFiles.Read(file));

        Assert.Empty(parsed.Problems);
        Assert.Equal(key, parsed.Model!.Key);
    }

    [Fact]
    public void MalformedXml_IsOneProblemForTheDocument()
    {
        var parsed = Parse(Head + "<bpmn:process id=\"P\">");

        AssertProblem(parsed, null, "not well-formed");
    }

    [Fact]
    public void DtdAndExternalEntity_AreRefusedWithoutBeingResolved()
    {
        var xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P">&xxe;</bpmn:process></bpmn:definitions>
            """;
        var bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """;

        AssertProblem(Parse(xxe), null, "DTD");
        AssertProblem(Parse(bomb), null, "DTD");
        Assert.DoesNotContain(Parse(xxe).Problems, p => p.Message.Contains("root:"));
    }

    [Fact]
    public void DocumentOverTheSizeLimit_IsRefused()
    {
        var padding = new StringBuilder().Append("<!--").Append('x', BpmnParser.DefaultMaxBytes).Append("-->").ToString();

        AssertProblem(Parse(Process(padding + "<bpmn:startEvent id=\"S\"/>")), null, "limit");
    }

    [Fact]
    public void NotBpmn_IsRefused()
    {
        AssertProblem(Parse("<html><body/></html>"), null, "BPMN 2.0");
    }

    [Theory]
    [InlineData("inclusiveGateway", "Inclusive gateways")]
    [InlineData("scriptTask", "Script tasks")]
    [InlineData("callActivity", "Call activities")]
    [InlineData("intermediateThrowEvent", "throw events")]
    [InlineData("sendTask", "Send tasks")]
    public void UnsupportedElement_IsNamed(string element, string message)
    {
        var parsed = Parse(Process($"""
            <bpmn:startEvent id="S"/><bpmn:{element} id="X"/><bpmn:endEvent id="E"/>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="X"/><bpmn:sequenceFlow id="f2" sourceRef="X" targetRef="E"/>
            """));

        AssertProblem(parsed, "X", message);
    }

    [Theory]
    [InlineData("signalEventDefinition")]
    [InlineData("errorEventDefinition")]
    [InlineData("conditionalEventDefinition")]
    public void UnsupportedEventDefinition_IsNamed(string definition)
    {
        var parsed = Parse(Process($"""
            <bpmn:startEvent id="S"/><bpmn:intermediateCatchEvent id="C"><bpmn:{definition}/></bpmn:intermediateCatchEvent><bpmn:endEvent id="E"/>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="C"/><bpmn:sequenceFlow id="f2" sourceRef="C" targetRef="E"/>
            """));

        AssertProblem(parsed, "C", definition);
    }

    [Fact]
    public void DanglingSequenceFlow_IsReportedOnTheFlow()
    {
        var parsed = Parse(Process("""
            <bpmn:startEvent id="S"/><bpmn:endEvent id="E"/>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Nowhere"/>
            <bpmn:sequenceFlow id="f2" sourceRef="S" targetRef="E"/>
            """));

        AssertProblem(parsed, "f1", "dangling");
    }

    [Fact]
    public void FlowIntoASubProcess_IsReportedAsCrossingTheBoundary()
    {
        var parsed = Parse(Process("""
            <bpmn:startEvent id="S"/>
            <bpmn:subProcess id="Sub"><bpmn:startEvent id="SS"/><bpmn:userTask id="T"/><bpmn:sequenceFlow id="s1" sourceRef="SS" targetRef="T"/></bpmn:subProcess>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T"/>
            <bpmn:sequenceFlow id="f2" sourceRef="S" targetRef="Sub"/>
            """));

        AssertProblem(parsed, "f1", "another scope");
    }

    [Fact]
    public void ExclusiveGatewayFlowWithoutCondition_IsReported_UnlessItIsTheDefault()
    {
        var parsed = Parse(Process("""
            <bpmn:startEvent id="S"/><bpmn:exclusiveGateway id="G" default="f3"/><bpmn:endEvent id="A"/><bpmn:endEvent id="B"/><bpmn:endEvent id="C"/>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="G"/>
            <bpmn:sequenceFlow id="f2" sourceRef="G" targetRef="A"/>
            <bpmn:sequenceFlow id="f3" sourceRef="G" targetRef="B"/>
            <bpmn:sequenceFlow id="f4" sourceRef="G" targetRef="C"><bpmn:conditionExpression>x &gt; 1</bpmn:conditionExpression></bpmn:sequenceFlow>
            """));

        AssertProblem(parsed, "f2", "without a condition");
        Assert.Single(parsed.Problems);
    }

    [Fact]
    public void ConditionThatIsNotJavaScript_IsReported()
    {
        var parsed = Parse(Process("""
            <bpmn:startEvent id="S"/><bpmn:exclusiveGateway id="G" default="f3"/><bpmn:endEvent id="A"/><bpmn:endEvent id="B"/>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="G"/>
            <bpmn:sequenceFlow id="f2" sourceRef="G" targetRef="A"><bpmn:conditionExpression>x ===</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f3" sourceRef="G" targetRef="B"/>
            <bpmn:sequenceFlow id="f4" sourceRef="G" targetRef="B"><bpmn:conditionExpression language="groovy">x == 1</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f5" sourceRef="G" targetRef="B"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=approved = true</bpmn:conditionExpression></bpmn:sequenceFlow>
            """));

        AssertProblem(parsed, "f2", "not valid JavaScript");
        AssertProblem(parsed, "f4", "groovy");
        AssertProblem(parsed, "f5", "FEEL/JUEL is not supported"); // FEEL's equality, from a Zeebe model
    }

    [Fact]
    public void UnknownActivityType_AndUnknownInput_AndUnknownDeadlineRule_AreEachReported()
    {
        var parsed = Parse(Process("""
            <bpmn:startEvent id="S"/>
            <bpmn:userTask id="T1" vp:activityType="NoSuchThing"/>
            <bpmn:userTask id="T2"><bpmn:extensionElements><vp:input name="colour" value="red"/></bpmn:extensionElements></bpmn:userTask>
            <bpmn:serviceTask id="T3"/>
            <bpmn:serviceTask id="T4" vp:activityType="ManualTask"/>
            <bpmn:boundaryEvent id="B1" attachedToRef="T2"><bpmn:timerEventDefinition vp:deadlineRule="NoRule" vp:anchor="start"/></bpmn:boundaryEvent>
            <bpmn:endEvent id="E"/>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T1"/>
            <bpmn:sequenceFlow id="f2" sourceRef="T1" targetRef="T2"/>
            <bpmn:sequenceFlow id="f3" sourceRef="T2" targetRef="T3"/>
            <bpmn:sequenceFlow id="f4" sourceRef="T3" targetRef="T4"/>
            <bpmn:sequenceFlow id="f5" sourceRef="T4" targetRef="E"/>
            <bpmn:sequenceFlow id="f6" sourceRef="B1" targetRef="E"/>
            """));

        AssertProblem(parsed, "T1", "Unknown activity type 'NoSuchThing'");
        AssertProblem(parsed, "T2", "no input 'colour'");
        AssertProblem(parsed, "T3", "needs vp:activityType");
        AssertProblem(parsed, "T4", "human activity");
        AssertProblem(parsed, "B1", "Unknown deadline rule 'NoRule'");
    }

    [Fact]
    public void TimerProblems_AreReported()
    {
        var parsed = Parse(Process("""
            <bpmn:startEvent id="S"/>
            <bpmn:intermediateCatchEvent id="C1"><bpmn:timerEventDefinition><bpmn:timeDuration>one month</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="C2"><bpmn:timerEventDefinition/></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="C3"><bpmn:timerEventDefinition vp:deadlineRule="TestMonth"/></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="C4"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="C5"><bpmn:timerEventDefinition><bpmn:timeDate>tomorrow</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="E"/>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="C1"/>
            <bpmn:sequenceFlow id="f2" sourceRef="C1" targetRef="C2"/>
            <bpmn:sequenceFlow id="f3" sourceRef="C2" targetRef="C3"/>
            <bpmn:sequenceFlow id="f4" sourceRef="C3" targetRef="C4"/>
            <bpmn:sequenceFlow id="f5" sourceRef="C4" targetRef="C5"/>
            <bpmn:sequenceFlow id="f6" sourceRef="C5" targetRef="E"/>
            """));

        AssertProblem(parsed, "C1", "not an ISO 8601 duration");
        AssertProblem(parsed, "C2", "no time");
        AssertProblem(parsed, "C3", "needs vp:anchor");
        AssertProblem(parsed, "C4", "fires once");
        AssertProblem(parsed, "C5", "not an ISO 8601 date");
    }

    [Fact]
    public void StructuralProblems_AreAllReportedAtOnce()
    {
        var parsed = Parse(Process("""
            <bpmn:startEvent id="S"/>
            <bpmn:startEvent id="S2"/>
            <bpmn:userTask id="Orphan"/>
            <bpmn:endEvent id="E"/>
            <bpmn:userTask id="T"><bpmn:multiInstanceLoopCharacteristics/></bpmn:userTask>
            <bpmn:boundaryEvent id="B" attachedToRef="Missing"><bpmn:messageEventDefinition messageRef="NoMessage"/></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T"/>
            <bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E"/>
            <bpmn:sequenceFlow id="f3" sourceRef="E" targetRef="S2"/>
            """));

        AssertProblem(parsed, "Orphan", "no incoming");
        AssertProblem(parsed, "T", "multi-instance");
        AssertProblem(parsed, "B", "not defined");
        AssertProblem(parsed, "E", "outgoing");
        AssertProblem(parsed, "S2", "incoming");
        AssertProblem(parsed, "P", "more than one none start event");
        Assert.True(parsed.Problems.Count >= 6);
    }

    [Fact]
    public void SubProcessWithItsOwnIncomingAndOutgoingReferences_AsModellersWriteThem_Parses()
    {
        var parsed = Parse(Process("""
            <bpmn:startEvent id="S"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:subProcess id="Sub"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
              <bpmn:startEvent id="SS"><bpmn:outgoing>s1</bpmn:outgoing></bpmn:startEvent>
              <bpmn:userTask id="T"><bpmn:incoming>s1</bpmn:incoming></bpmn:userTask>
              <bpmn:sequenceFlow id="s1" sourceRef="SS" targetRef="T"/>
            </bpmn:subProcess>
            <bpmn:endEvent id="E"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Sub"/><bpmn:sequenceFlow id="f2" sourceRef="Sub" targetRef="E"/>
            """));

        Assert.Empty(parsed.Problems);
    }

    [Fact]
    public void SubProcessesNestedAbsurdlyDeep_AreRefused_WithoutExhaustingTheStack()
    {
        var body = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            body.Append($"<bpmn:subProcess id=\"Sub{i}\"><bpmn:startEvent id=\"S{i}\"/>");
        }

        for (var i = 0; i < 5000; i++)
        {
            body.Append("</bpmn:subProcess>");
        }

        var parsed = Parse(Process("<bpmn:startEvent id=\"S\"/>" + body));

        Assert.Contains(parsed.Problems, p => p.Message.Contains("nested more than"));
    }

    [Fact]
    public void ScopeWithThousandsOfElements_Parses()
    {
        var body = new StringBuilder("<bpmn:startEvent id=\"S\"/>");
        var previous = "S";
        for (var i = 0; i < 4000; i++)
        {
            body.Append($"<bpmn:task id=\"T{i}\"/><bpmn:sequenceFlow id=\"F{i}\" sourceRef=\"{previous}\" targetRef=\"T{i}\"/>");
            previous = $"T{i}";
        }

        var parsed = Parse(Process(body.ToString()));

        Assert.Empty(parsed.Problems);
        Assert.Equal(4001, parsed.Model!.Nodes.Count);
    }

    [Fact]
    public void DuplicateIds_AreReported()
    {
        var parsed = Parse(Process("""
            <bpmn:startEvent id="S"/><bpmn:endEvent id="S"/><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="S"/>
            """));

        AssertProblem(parsed, "S", "unique");
    }

    [Fact]
    public void SeveralProcesses_RunOnlyTheExecutableOne_AndAmbiguityIsAnError()
    {
        var collaboration = Head + """
            <bpmn:collaboration id="C"><bpmn:participant id="P1" processRef="Client"/><bpmn:participant id="P2" processRef="Office"/>
              <bpmn:messageFlow id="mf" sourceRef="P1" targetRef="P2"/></bpmn:collaboration>
            <bpmn:process id="Client" isExecutable="false"><bpmn:task id="X"/></bpmn:process>
            <bpmn:process id="Office" isExecutable="true">
              <bpmn:laneSet id="LS"><bpmn:lane id="L1" name="Handläggare"><bpmn:flowNodeRef>S</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
              <bpmn:startEvent id="S"/><bpmn:endEvent id="E"/><bpmn:sequenceFlow id="f" sourceRef="S" targetRef="E"/>
              <bpmn:textAnnotation id="A"><bpmn:text>Anteckning</bpmn:text></bpmn:textAnnotation>
              <bpmn:association id="As" sourceRef="S" targetRef="A"/>
              <bpmn:dataObjectReference id="DR" dataObjectRef="DO"/><bpmn:dataObject id="DO"/>
            </bpmn:process></bpmn:definitions>
            """;

        Assert.Equal("Office", Parse(collaboration).Model!.Key);
        AssertProblem(Parse(collaboration.Replace("isExecutable=\"false\"", "isExecutable=\"true\"")), null, "Several processes");
        var none = Parse(collaboration.Replace("isExecutable=\"true\"", "isExecutable=\"false\""));
        AssertProblem(none, "Client", "No process is executable: process 'Client' is not marked isExecutable=\"true\"; mark the one to run executable.");
        AssertProblem(none, "Office", "No process is executable: process 'Office'");
    }

    [Fact]
    public void OtherToolsExtensions_AreIgnored()
    {
        var parsed = Parse(Head.Replace("xmlns:xsi", "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" xmlns:xsi") + """
            <bpmn:process id="Foreign" isExecutable="true" camunda:historyTimeToLive="180">
              <bpmn:extensionElements><camunda:properties><camunda:property name="a" value="b"/></camunda:properties></bpmn:extensionElements>
              <bpmn:startEvent id="S" camunda:initiator="me"/>
              <bpmn:userTask id="T" name="Granska" camunda:assignee="demo"><bpmn:documentation>Doc</bpmn:documentation></bpmn:userTask>
              <bpmn:endEvent id="E"/>
              <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T"/><bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E"/>
            </bpmn:process></bpmn:definitions>
            """);

        Assert.Empty(parsed.Problems);
        Assert.Equal("ManualTask", ((TaskNode)parsed.Model!.Node("T")).ActivityType);
    }

    [Fact]
    public void EventSubProcessAndBoundaryRules_AreChecked()
    {
        var parsed = Parse(Head + """
            <bpmn:message id="M" name="Go"/>
            <bpmn:process id="P" isExecutable="true">
              <bpmn:startEvent id="S"/><bpmn:userTask id="T"/><bpmn:endEvent id="E"/>
              <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="T"/><bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="E"/>
              <bpmn:subProcess id="ESP" triggeredByEvent="true"><bpmn:startEvent id="ES"/></bpmn:subProcess>
              <bpmn:boundaryEvent id="B" attachedToRef="T"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
              <bpmn:boundaryEvent id="B2" attachedToRef="ESP"><bpmn:messageEventDefinition messageRef="M"/></bpmn:boundaryEvent>
              <bpmn:sequenceFlow id="f3" sourceRef="B" targetRef="E"/>
              <bpmn:sequenceFlow id="f4" sourceRef="B2" targetRef="E"/>
            </bpmn:process></bpmn:definitions>
            """);

        AssertProblem(parsed, "ESP", "event sub-process needs exactly one start event");
        AssertProblem(parsed, "B", "non-interrupting");
        AssertProblem(parsed, "B2", "not a task or sub-process");
    }

    private const string MessageDefinitions = """
        <bpmn:message id="M" name="Note" />
        """;

    private static string WithMessage(string body) =>
        Head + MessageDefinitions + $"<bpmn:process id=\"P\" isExecutable=\"true\">{body}</bpmn:process></bpmn:definitions>";

    [Fact]
    public void MessagePayload_IsParsedIntoTheModel_WithTheReceivedOnVariable()
    {
        var parsed = Parse(WithMessage("""
            <bpmn:startEvent id="S" /><bpmn:intermediateCatchEvent id="C"><bpmn:messageEventDefinition messageRef="M" vp:payload="reason, note" vp:receivedOn="noteDate" /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="E" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="C" /><bpmn:sequenceFlow id="F2" sourceRef="C" targetRef="E" />
            """));

        Assert.Empty(parsed.Problems);
        var trigger = Assert.IsType<MessageTrigger>(((IntermediateCatchEventNode)parsed.Model!.Node("C")).Trigger);
        Assert.Equal(["reason", "note"], trigger.Payload);
        Assert.Equal("noteDate", trigger.ReceivedOnVariable);
    }

    [Theory]
    [InlineData("office")]
    [InlineData("caseId")]
    [InlineData("anchorDate")]
    public void MessagePayload_DeclaringARoutingIdentityOrAnchorVariable_IsAProblemOnTheEvent(string variable)
    {
        var parsed = Parse(WithMessage($"""
            <bpmn:startEvent id="S" /><bpmn:userTask id="T" vp:activityType="ManualTask" />
            <bpmn:boundaryEvent id="B" attachedToRef="T"><bpmn:messageEventDefinition messageRef="M" vp:payload="reason {variable}" /></bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="D" attachedToRef="T" cancelActivity="false"><bpmn:timerEventDefinition vp:deadlineRule="TestMonth" vp:anchor="anchorDate" /></bpmn:boundaryEvent>
            <bpmn:endEvent id="E" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" />
            <bpmn:sequenceFlow id="F3" sourceRef="B" targetRef="E" /><bpmn:sequenceFlow id="F4" sourceRef="D" targetRef="E" />
            """));

        AssertProblem(parsed, "B", $"may not declare '{variable}'");
    }

    [Fact]
    public void Output_WritingTheOffice_IsAProblemOnTheTask()
    {
        var parsed = Parse(Process("""
            <bpmn:startEvent id="S" /><bpmn:serviceTask id="T" vp:activityType="SetVariable"><bpmn:extensionElements><vp:input name="value" value="x" /><vp:output name="result" variable="office" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:endEvent id="E" /><bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T" /><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E" />
            """));

        AssertProblem(parsed, "T", "may not write 'office'");
    }
}
