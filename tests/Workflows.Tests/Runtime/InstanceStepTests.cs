using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Activities.Builtin;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Expressions;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Timers;

namespace Verkstallighet.Workflows.Tests.Runtime;

public sealed class InstanceStepTests
{
    private const string Model = """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:vp="urn:verkstallighet:bpmn:1">
          <bpmn:process id="Deadlines" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:exclusiveGateway id="Which" default="toPlanning" />
            <bpmn:subProcess id="Planning">
              <bpmn:startEvent id="InnerStart" />
              <bpmn:parallelGateway id="Fork" />
              <bpmn:userTask id="Draft" name="Utkast" />
              <bpmn:userTask id="Review" name="Granskning" />
              <bpmn:sequenceFlow id="i1" sourceRef="InnerStart" targetRef="Fork" />
              <bpmn:sequenceFlow id="i2" sourceRef="Fork" targetRef="Draft" />
              <bpmn:sequenceFlow id="i3" sourceRef="Fork" targetRef="Review" />
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="Late" attachedToRef="Planning" cancelActivity="false">
              <bpmn:timerEventDefinition vp:deadlineRule="TestMonth" vp:anchor="supervisionStart" />
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Which" />
            <bpmn:sequenceFlow id="toPlanning" sourceRef="Which" targetRef="Planning" />
            <bpmn:sequenceFlow id="toEnd" sourceRef="Which" targetRef="End"><bpmn:conditionExpression>skip === true</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f2" sourceRef="Planning" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>
    /// The step is given everything it reads: the instance, its bookmarks and the deadline rules. Its context here points
    /// at a port nothing listens on, so any query in the token loop would fail the test. The tasks inside the sub-process
    /// get their scope's deadline from the copy on the timer's bookmark, which is why that copy exists.
    /// </summary>
    [Fact]
    public async Task TokenLoop_ReadsNothingFromTheDatabase_AndTasksInsideAScopeGetItsDeadline()
    {
        var activities = new ActivityRegistry([new(typeof(ManualTask))]);
        var model = BpmnParser.Parse(Model, new ValidationEnvironment(activities, new HashSet<string> { "TestMonth" })).Model!;
        var rules = new DeadlineRuleBook([new DeadlineRule
        {
            Key = "TestMonth", Version = 1, Period = Period.FromMonths(1), LegalReference = "Test 1 §", Description = "En månad.",
            EffectiveFrom = new LocalDate(2000, 1, 1), ChangedBy = "test", ChangeReason = "test",
        }]);
        await using var dataSource = new NpgsqlDataSourceBuilder("Host=127.0.0.1;Port=1;Timeout=1").UseNodaTime().Build();
        var options = new DbContextOptionsBuilder<WorkflowsDbContext>();
        WorkflowsDbContext.Configure(options, dataSource);
        await using var db = new WorkflowsDbContext(options.Options);
        var instance = new WorkflowInstance { Id = Guid.CreateVersion7(), DefinitionKey = "Deadlines", DefinitionVersion = 1, StartedBy = "anna" };
        var services = new StepServices(activities, new ScriptSandbox(), new ServiceCollection().BuildServiceProvider(), "office", "Officer");
        var step = new InstanceStep(services, db, instance, model, [], [], rules, Actor.System, Instant.FromUtc(2026, 1, 10, 9, 0));

        await step.StartAsync(model.Root.NoneStartEvent!, new JsonObject { ["supervisionStart"] = "2026-01-31", ["skip"] = false }, CancellationToken.None);

        Assert.Empty(db.ChangeTracker.Entries<Incident>().Select(e => e.Entity.Message));
        var timer = Assert.Single(db.ChangeTracker.Entries<WorkflowTimer>()).Entity;
        Assert.Equal(new LocalDate(2026, 2, 28), timer.DueDate);
        Assert.Equal(["Granskning", "Utkast"], step.CreatedTasks.Select(t => t.Title).Order());
        Assert.All(step.CreatedTasks, task => Assert.Equal(timer.DueDate, task.DueDate));
        Assert.All(step.CreatedTasks, task => Assert.Equal("Officer", task.CandidateRole));
    }
}
