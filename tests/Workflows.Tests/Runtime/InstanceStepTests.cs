using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
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
        var (step, db) = await StartAsync(Book(Rule(1, Period.FromMonths(1), new LocalDate(2000, 1, 1))), "2026-01-31", Instant.FromUtc(2026, 1, 10, 9, 0));

        Assert.Empty(db.ChangeTracker.Entries<Incident>().Select(e => e.Entity.Message));
        var timer = Assert.Single(db.ChangeTracker.Entries<WorkflowTimer>()).Entity;
        Assert.Equal(new LocalDate(2026, 2, 28), timer.DueDate);
        Assert.Equal(["Granskning", "Utkast"], step.CreatedTasks.Select(t => t.Title).Order());
        Assert.All(step.CreatedTasks, task => Assert.Equal(timer.DueDate, task.DueDate));
        Assert.All(step.CreatedTasks, task => Assert.Equal("Officer", task.CandidateRole));
        await db.DisposeAsync();
    }

    /// <summary>Issue 10: a deadline counts with the rule version in effect on its anchor date, whenever the step runs.</summary>
    [Theory]
    [InlineData("2026-05-31", "2026-06-30", 1)] // before the change: one month
    [InlineData("2026-06-01", "2026-06-21", 2)] // from the change: 20 days
    [InlineData("1999-12-31", "2000-01-31", 1)] // before the first version: the first version
    public async Task DeadlineRule_InEffectOnTheAnchorDate_SetsTheDueDate_WhateverDayTheStepRuns(string anchor, string due, int version)
    {
        var book = Book(Rule(1, Period.FromMonths(1), new LocalDate(2000, 1, 1)), Rule(2, Period.FromDays(20), new LocalDate(2026, 6, 1)));
        foreach (var now in new[] { Instant.FromUtc(2026, 5, 1, 9, 0), Instant.FromUtc(2027, 1, 1, 9, 0) })
        {
            var (_, db) = await StartAsync(book, anchor, now);

            var timer = Assert.Single(db.ChangeTracker.Entries<WorkflowTimer>()).Entity;
            Assert.Equal((LocalDatePattern.Iso.Parse(due).Value, version), (timer.DueDate!.Value, timer.DeadlineRuleVersion!.Value));
            await db.DisposeAsync();
        }
    }

    private static DeadlineRule Rule(int version, Period period, LocalDate effectiveFrom) => new()
    {
        Key = "TestMonth", Version = version, Period = period, LegalReference = "Test 1 §", Description = "En frist.",
        EffectiveFrom = effectiveFrom, ChangedBy = "test", ChangeReason = "test",
    };

    private static DeadlineRuleBook Book(params DeadlineRule[] rules) => new(rules);

    /// <summary>Starts the model in a step whose context points at a port nothing listens on: any query would fail.</summary>
    private static async Task<(InstanceStep Step, WorkflowsDbContext Db)> StartAsync(DeadlineRuleBook rules, string supervisionStart, Instant now)
    {
        var activities = new ActivityRegistry([new(typeof(ManualTask))]);
        var model = BpmnParser.Parse(Model, new ValidationEnvironment(activities, new HashSet<string> { "TestMonth" })).Model!;
        var options = new DbContextOptionsBuilder<WorkflowsDbContext>();
        WorkflowsDbContext.Configure(options, Unreachable);
        var db = new WorkflowsDbContext(options.Options);
        var instance = new WorkflowInstance { Id = Guid.CreateVersion7(), DefinitionKey = "Deadlines", DefinitionVersion = 1, StartedBy = "anna" };
        var services = new StepServices(activities, new ScriptSandbox(), new ServiceCollection().BuildServiceProvider(), "office", "Officer");
        var step = new InstanceStep(services, db, instance, model, [], [], rules, Actor.System, now);
        await step.StartAsync(model.Root.NoneStartEvent!, new JsonObject { ["supervisionStart"] = supervisionStart, ["skip"] = false }, CancellationToken.None);
        return (step, db);
    }

    private static readonly NpgsqlDataSource Unreachable = new NpgsqlDataSourceBuilder("Host=127.0.0.1;Port=1;Timeout=1").UseNodaTime().Build();
}
