using System.Xml.Linq;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Activities.Builtin;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Workflows.Tests.Definitions;

/// <summary>
/// Files in the shapes other tools write (written for these tests, under Bpmn/Foreign): each is accepted, or refused
/// with problems that name every element the engine does not run, and none of them throws.
/// </summary>
public sealed class ForeignBpmnFileTests
{
    private static readonly IDefinitionEnvironment Environment = new ValidationEnvironment(
        new ActivityRegistry([new(typeof(ManualTask)), new(typeof(SetVariable))]),
        new HashSet<string>(),
        candidateRoles: ["Officer", "Chief", "ProcessOwner", "Administrator"]);

    private const string Unsupported = "is not supported; events may be timer or message events (and terminate end events).";

    private const string Roles = " The roles are: Officer, Chief, ProcessOwner, Administrator.";

    /// <summary>Element kinds the engine refuses wherever they are in the executable process.</summary>
    private static readonly HashSet<string> RefusedKinds =
    [
        "inclusiveGateway", "complexGateway", "callActivity", "scriptTask", "sendTask", "receiveTask", "manualTask",
        "businessRuleTask", "transaction", "adHocSubProcess", "intermediateThrowEvent",
    ];

    private static readonly HashSet<string> RefusedChildren =
    [
        "signalEventDefinition", "escalationEventDefinition", "errorEventDefinition", "compensateEventDefinition",
        "conditionalEventDefinition", "linkEventDefinition", "multiInstanceLoopCharacteristics", "standardLoopCharacteristics",
    ];

    private static readonly XNamespace Bpmn = BpmnParser.BpmnNamespace;

    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Bpmn", "Foreign"), "*.bpmn").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    private static List<(string? ElementId, string Message)> Problems(string xml) =>
        BpmnParser.Parse(xml, Environment).Problems.Select(p => (p.ElementId, p.Message)).ToList();

    [Theory]
    [MemberData(nameof(Files))]
    public void ForeignFile_IsAcceptedOrRefused_WithEachProblemOnAnElementOfTheFile_AndEveryUnsupportedElementNamed(string file)
    {
        var xml = BpmnFiles.Read("Foreign/" + file);
        var document = XDocument.Parse(xml);
        var ids = document.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var parsed = BpmnParser.Parse(xml, Environment);

        Assert.Equal(parsed.Problems.Count == 0, parsed.Model is not null);
        Assert.All(parsed.Problems, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Message));
            Assert.True(p.ElementId is null || ids.Contains(p.ElementId), $"'{p.ElementId}' is not an element of {file}.");
        });
        var executable = document.Root!.Elements(Bpmn + "process").SingleOrDefault(p => (string?)p.Attribute("isExecutable") == "true");
        var unsupported = executable?.Descendants()
            .Where(e => RefusedKinds.Contains(e.Name.LocalName) || e.Elements().Any(c => RefusedChildren.Contains(c.Name.LocalName)))
            .Select(e => (string)e.Attribute("id")!)
            .ToList() ?? [];
        Assert.All(unsupported, id => Assert.Contains(parsed.Problems, p => p.ElementId == id));
    }

    [Fact]
    public void CamundaSevenFile_NamesTheExpressionServiceTask_TheJuelConditionAndTimer_AndTheGroupList_AndNothingElse()
    {
        Assert.Equal(
        [
            ("Task_Lookup", "A service task needs vp:activityType naming the automatic activity it runs. Its camunda:expression is not run here."),
            ("Flow_High", "FEEL/JUEL is not supported; write the condition in JavaScript."),
            ("Event_Reminder", "FEEL/JUEL is not supported in timers ('${reminderDuration}'); give an ISO 8601 duration (P1M), date or cycle (R3/PT1H), or vp:deadlineRule with vp:anchor."),
            ("Task_Remind", "camunda:candidateGroups lists several groups ('officers, chiefs'), but a task is offered to one role." + Roles),
        ], Problems(BpmnFiles.Read("Foreign/camunda7-extensions.bpmn")));
    }

    [Fact]
    public void CamundaSevenFile_OnceWhatWasNamedIsFixed_RunsWithItsCandidateGroupsAsRoles()
    {
        var fixedXml = BpmnFiles.Read("Foreign/camunda7-extensions.bpmn")
            .Replace("<bpmn:serviceTask id=\"Task_Lookup\"", "<bpmn:task id=\"Task_Lookup\"").Replace("</bpmn:serviceTask>", "</bpmn:task>")
            .Replace("${risk == 'Hög'}", "risk === 'Hög'")
            .Replace("${reminderDuration}", "P1W")
            .Replace("officers, chiefs", "Officer");

        var parsed = BpmnParser.Parse(fixedXml, Environment);

        Assert.Empty(parsed.Problems);
        Assert.Equal("Officer", ((TaskNode)parsed.Model!.Node("Task_Register")).Inputs["candidateRole"]);
        Assert.Equal("Chief", ((TaskNode)parsed.Model.Node("Task_Chief")).Inputs["candidateRole"]); // "chief", as the file writes it
    }

    [Fact]
    public void ZeebeFile_NamesTheJobWorkerTask_TheFeelCondition_AndTheFeelCandidateGroup_AndNothingElse()
    {
        Assert.Equal(
        [
            ("Task_Send", "A service task needs vp:activityType naming the automatic activity it runs. Its zeebe:taskDefinition (a job worker) is not run here."),
            ("Flow_yes", "FEEL/JUEL is not supported; write the condition in JavaScript."),
            ("Task_Escalate", "zeebe:assignmentDefinition candidateGroups '=escalationGroup' is an expression, and FEEL/JUEL is not supported; name one role instead." + Roles),
        ], Problems(BpmnFiles.Read("Foreign/zeebe-extensions.bpmn")));
    }

    [Fact]
    public void ZeebeFile_OnceWhatWasNamedIsFixed_RunsWithItsAssignmentDefinitionsAsRoles()
    {
        var fixedXml = BpmnFiles.Read("Foreign/zeebe-extensions.bpmn")
            .Replace("<bpmn:serviceTask id=\"Task_Send\"", "<bpmn:task id=\"Task_Send\"").Replace("</bpmn:serviceTask>", "</bpmn:task>")
            .Replace("=accepted = true", "accepted === true")
            .Replace("=escalationGroup", "Chief");

        var parsed = BpmnParser.Parse(fixedXml, Environment);

        Assert.Empty(parsed.Problems);
        Assert.Equal("Officer", ((TaskNode)parsed.Model!.Node("Task_Review")).Inputs["candidateRole"]);
        Assert.Equal("Chief", ((TaskNode)parsed.Model.Node("Task_Escalate")).Inputs["candidateRole"]);
        Assert.Equal("ClientReplied", Assert.IsType<MessageTrigger>(((IntermediateCatchEventNode)parsed.Model.Node("Event_Reply")).Trigger).MessageName);
    }

    [Fact]
    public void CollaborationFile_IsAccepted_RunningOnlyTheExecutablePool()
    {
        var parsed = BpmnParser.Parse(BpmnFiles.Read("Foreign/collaboration-two-pools.bpmn"), Environment);

        Assert.Empty(parsed.Problems);
        Assert.Equal("Process_Office", parsed.Model!.Key);
        Assert.Equal(
            ["Event_End", "Event_Reply", "StartEvent_Office", "Task_Assess", "Task_Summon"],
            parsed.Model.Nodes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EventsAndGatewaysFile_NamesEachRefusedElementOnce()
    {
        Assert.Equal(
        [
            ("Gateway_Fork", "Inclusive gateways are not supported; use parallel and exclusive gateways."),
            ("Event_Compensate", "<compensateEventDefinition> " + Unsupported),
            ("Task_Refund", "Compensation is not supported."),
            ("Gateway_Join", "Complex gateways are not supported."),
            ("Activity_Assessment", "Call activities are not supported; use an embedded sub-process."),
            ("Event_NotFound", "<errorEventDefinition> " + Unsupported),
            ("Task_Measures", "Loops and multi-instance activities are not supported."),
            ("Event_Recalled", "<signalEventDefinition> " + Unsupported),
            ("Event_Escalate", "Intermediate throw events are not supported."),
            ("Event_ErrorEnd", "<errorEventDefinition> " + Unsupported),
            ("StartEvent_Error", "<errorEventDefinition> " + Unsupported),
        ], Problems(BpmnFiles.Read("Foreign/events-and-gateways.bpmn")));
    }

    [Fact]
    public void MiwgStyleFile_NamesEachRefusedElementOnce_AndReadsTheSupportedOnes()
    {
        Assert.Equal(
        [
            ("Task_Manual", "Manual tasks are not supported; use a task or a user task."),
            ("Task_Receive", "Receive tasks are not supported; use an intermediate message catch event."),
            ("Task_Rule", "Business rule tasks are not supported."),
            ("Task_Script", "Script tasks are not supported; use a service task with an activity type."),
            ("Task_Send", "Send tasks are not supported."),
            ("Sub_Embedded", "Loops and multi-instance activities are not supported."),
            ("Sub_Transaction", "Transaction sub-processes are not supported."),
            ("Sub_AdHoc", "Ad-hoc sub-processes are not supported."),
            ("Link_Out", "Intermediate throw events are not supported."),
            ("Link_In", "<linkEventDefinition> " + Unsupported),
            ("Boundary_Condition", "<conditionalEventDefinition> " + Unsupported),
            ("End_Message", "End events may be none or terminate end events only."),
        ], Problems(BpmnFiles.Read("Foreign/miwg-style-many-kinds.bpmn")));
    }
}
