using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Verkstallighet.Activities.Persistence;
using Verkstallighet.Activities.Plans;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Activities.Cases;

/// <summary>
/// Cases: creating one starts the workflow of its sanction in the same transaction; reading one shows the client
/// (personnummer masked), the plan, deadlines, tasks and journal. Officers and chiefs reach only their own office's
/// cases, and every read and write, and every refusal, is in the access log.
/// </summary>
public sealed partial class CaseService(
    IDbContextFactory<VerkstallighetDbContext> contexts,
    WorkflowRuntime runtime,
    InstanceQueries instances,
    ZonedClock clock,
    IOptions<CaseOptions> options)
{
    public async Task<CaseCreated> CreateAsync(CreateCaseRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(Roles.Officer) && !actor.IsInRole(Roles.Chief))
        {
            throw new ForbiddenException("Only officers and chiefs create cases.");
        }

        var office = string.IsNullOrWhiteSpace(request.Office) ? actor.Office : request.Office.Trim();
        if (!string.Equals(office, actor.Office, StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenException($"You work at {actor.Office ?? "no office"} and can create cases there only, not at {office}.");
        }

        var today = clock.GetCurrentDate();
        var problems = CaseRequestValidation.Validate(request, today, out var personnummer);
        if (problems.Any)
        {
            throw new FormInvalidException(problems.All);
        }

        var @case = NewCase(request, personnummer, office!, actor);
        if (!options.Value.Workflows.TryGetValue(@case.Sanction, out var workflow))
        {
            throw new ConflictException($"No workflow is configured for {@case.Sanction} (Cases:Workflows).");
        }

        // The number is drawn before the start so that the instance and its tasks carry it as their business key (the
        // inbox shows and sorts by it). A start that fails leaves a gap in the numbers, as any sequence does.
        @case.Number = await NextCaseNumberAsync(cancellationToken);
        var start = new StartInstance(workflow, CorrelationId: @case.Id.ToString(), Office: @case.Office, OwnedVariables: WorkflowVariables(@case),
            BusinessKey: @case.Number.ToString(CultureInfo.InvariantCulture));
        var started = await runtime.StartAsync(start, actor, async (step, ct) =>
        {
            await using var db = VerkstallighetDbContext.On(step);
            @case.WorkflowInstanceId = step.InstanceId;
            db.Cases.Add(@case);
            db.AccessLog.Add(Log(@case.Id, actor, AccessKinds.Write, $"case created ({workflow})"));
            await db.SaveChangesAsync(ct);
        }, cancellationToken);
        return new CaseCreated(@case.Id, started.InstanceId, workflow, started.OpenedTaskIds);
    }

    private Case NewCase(CreateCaseRequest request, Personnummer personnummer, string office, Actor actor) => new()
    {
        Id = Guid.CreateVersion7(),
        ClientName = request.ClientName!.Trim(),
        Personnummer = personnummer.Digits,
        Office = office,
        Sanction = request.Sanction!.Value,
        Status = CaseStatus.Active,
        JudgmentEnforceable = request.JudgmentEnforceable,
        SupervisionStart = request.SupervisionStart,
        SupervisionEnd = request.SupervisionEnd,
        ReleaseDate = request.ReleaseDate,
        CommunityServiceHours = request.CommunityServiceHours,
        CreatedAt = clock.GetCurrentInstant(),
        CreatedBy = actor.UserId,
    };

    /// <summary>
    /// The workflow sees dates and the office, never who the client is. These are the case's own: nothing from outside
    /// (a start request, a message) may set them (CaseVariables.Owned).
    /// </summary>
    private static JsonObject WorkflowVariables(Case @case) => new()
    {
        [CaseVariables.CaseId] = @case.Id.ToString(),
        [CaseVariables.Sanction] = @case.Sanction.ToString(),
        [CaseVariables.ConditionallyReleased] = @case.Sanction == Sanction.VillkorligFrigivning,
        [CaseVariables.JudgmentEnforceable] = Iso(@case.JudgmentEnforceable),
        [CaseVariables.SupervisionStart] = Iso(@case.SupervisionStart),
        [CaseVariables.SupervisionEnd] = Iso(@case.SupervisionEnd),
        [CaseVariables.ReleaseDate] = Iso(@case.ReleaseDate),
        [CaseVariables.CommunityServiceHours] = @case.CommunityServiceHours,
    };

    private async Task<long> NextCaseNumberAsync(CancellationToken cancellationToken)
    {
        await using var numbers = await contexts.CreateDbContextAsync(cancellationToken);
        return await numbers.Database
            .SqlQueryRaw<long>($"SELECT nextval(pg_get_serial_sequence('{VerkstallighetDbContext.Schema}.cases', 'number')) AS \"Value\"")
            .SingleAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CaseSummary>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(Roles.Officer) && !actor.IsInRole(Roles.Chief))
        {
            throw new ForbiddenException("Only officers and chiefs work with cases.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = await db.Cases.AsNoTracking().Where(c => c.Office == actor.Office).OrderByDescending(c => c.CreatedAt).Take(500).ToListAsync(cancellationToken);
        db.AccessLog.AddRange(cases.Select(c => Log(c.Id, actor, AccessKinds.Read, "case list")));
        await db.SaveChangesAsync(cancellationToken);
        return cases.Select(Summary).ToList();
    }

    /// <summary>
    /// The number and client name of those of the cases that belong to my office, by id, for a list that already logged
    /// its reading of them (the inbox's task list); a case of another office is left out, never named.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, CaseLabel>> LabelsAsync(IEnumerable<Guid> caseIds, Actor actor, CancellationToken cancellationToken = default)
    {
        var ids = caseIds.Distinct().ToList();
        if (ids.Count == 0 || actor.Office is null)
        {
            return new Dictionary<Guid, CaseLabel>();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.Office == actor.Office)
            .Select(c => new CaseLabel(c.Id, c.Number, c.ClientName))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
    }

    /// <summary>
    /// The office's cases, newest first and paged, or those matching a case number, a personnummer or part of a name;
    /// each index-served. Every case shown is logged as read, with how it was found (never the search text itself).
    /// </summary>
    public async Task<CaseSearchPage> SearchAsync(CaseSearch search, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(Roles.Officer) && !actor.IsInRole(Roles.Chief))
        {
            throw new ForbiddenException("Only officers and chiefs work with cases.");
        }

        var (kind, value) = search.Interpret(clock.GetCurrentDate());
        var limit = Math.Clamp(search.Limit, 1, CaseSearch.MaxLimit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Cases.AsNoTracking().Where(c => c.Office == actor.Office);
        switch (kind)
        {
            case CaseSearchKind.Name:
                var pattern = "%" + value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
                query = query.Where(c => EF.Functions.ILike(c.ClientName, pattern, @"\"));
                break;
            case CaseSearchKind.Number:
                var number = long.Parse(value, CultureInfo.InvariantCulture);
                query = query.Where(c => c.Number == number);
                break;
            case CaseSearchKind.Personnummer:
                query = query.Where(c => c.Personnummer == value);
                break;
        }

        if (search.Before is { } before)
        {
            query = query.Where(c => c.Number < before);
        }

        var rows = await query.OrderByDescending(c => c.Number).Take(limit + 1).ToListAsync(cancellationToken);
        var cases = rows.Count > limit ? rows[..limit] : rows;
        var what = kind switch
        {
            CaseSearchKind.Name => "case search by name",
            CaseSearchKind.Number => "case search by case number",
            CaseSearchKind.Personnummer => "case search by personnummer",
            _ => "case list",
        };
        db.AccessLog.AddRange(cases.Select(c => Log(c.Id, actor, AccessKinds.Read, what)));
        await db.SaveChangesAsync(cancellationToken);
        return new CaseSearchPage(kind, cases.Select(Summary).ToList(), rows.Count > limit ? cases[^1].Number : null);
    }

    public async Task<CaseDetails> GetAsync(Guid caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var @case = await AccessAsync(db, caseId, actor, "case", cancellationToken);
        var assessment = await db.RiskAssessments.AsNoTracking().Where(r => r.CaseId == caseId).OrderByDescending(r => r.AssessedAt).FirstOrDefaultAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().Where(p => p.CaseId == caseId).OrderByDescending(p => p.Version).ToListAsync(cancellationToken);
        IReadOnlyList<DeadlineView> deadlines = [];
        IReadOnlyList<CaseTaskView> tasks = [];
        IReadOnlyList<CaseJournalLine> journal = [];
        if (@case.WorkflowInstanceId is { } instanceId)
        {
            deadlines = await instances.DeadlinesAsync(instanceId, clock.GetCurrentDate(), cancellationToken);
            tasks = (await instances.OpenTasksAsync(instanceId, cancellationToken)).Select(t => new CaseTaskView(t.Id, t.Title, t.ActivityType, t.ElementId, t.CandidateRole, t.Office, t.Assignee, t.DueDate, t.Version)).ToList();
            journal = (await instances.JournalAsync(instanceId, cancellationToken))
                .Select(j => new CaseJournalLine(j.At, j.Kind, j.ElementId, j.Actor, j.Data is null ? null : JsonNode.Parse(j.Data)))
                .ToList();
        }

        return new CaseDetails(
            Summary(@case),
            @case.JudgmentEnforceable,
            @case.ReleaseDate,
            @case.CommunityServiceHours,
            @case.WorkflowInstanceId,
            assessment is null ? null : new RiskAssessmentView(assessment.RiskLevel, assessment.Reason, assessment.AssessedBy, assessment.AssessedAt, assessment.Factors, assessment.RiskManagementMeasures, assessment.Needs),
            plans.FirstOrDefault(p => p.Status == PlanStatus.Established) is { } current ? PlanView.From(current) : null,
            plans.FirstOrDefault(p => p.Status == PlanStatus.Submitted) is { } pending ? PlanView.From(pending) : null,
            deadlines,
            tasks,
            journal,
            await MeasureStatusesAsync(db, caseId, cancellationToken));
    }

    /// <summary>Each measure's status at the latest follow-up that reported it; a case has a handful of follow-ups.</summary>
    private static async Task<IReadOnlyList<MeasureStatusView>> MeasureStatusesAsync(VerkstallighetDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.CaseId == caseId).OrderByDescending(f => f.At).ToListAsync(cancellationToken);
        return followUps
            .SelectMany(f => f.Measures.Select(m => new MeasureStatusView(m.MeasureId, m.Status, m.Note, f.By, f.At)))
            .DistinctBy(m => m.MeasureId)
            .ToList();
    }

    /// <summary>
    /// Signals the case's workflow: the event is a message by that name. Its payload sets only what the catching event
    /// declares (vp:payload); the day it happened is recorded by the workflow itself (vp:receivedOn).
    /// </summary>
    public async Task<StepResult> PostEventAsync(Guid caseId, CaseEventRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || !EventName().IsMatch(request.Name))
        {
            throw new BadRequestException("The event needs a name of letters and digits, such as TransferRequested or ClientNotReached.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var @case = await AccessAsync(db, caseId, actor, $"event {request.Name}", cancellationToken, write: true);
        if (@case.WorkflowInstanceId is not { } instanceId)
        {
            throw new ConflictException("The case has no workflow.");
        }

        // The engine checks the office again, and records the write (message <name>) in this log through CaseAccessLog.
        return await runtime.SignalAsync(request.Name, instanceId, null, request.Payload, actor, cancellationToken);
    }

    /// <summary>A chief of the case's office waives a deadline for special reasons (särskilda skäl, 16 §).</summary>
    public async Task<DeadlineView> WaiveDeadlineAsync(Guid caseId, Guid deadlineId, WaiveDeadlineRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var @case = await AccessAsync(db, caseId, actor, "deadline waiver", cancellationToken, write: true);
        if (!actor.IsInRole(Roles.Chief))
        {
            await DenyAsync(db, caseId, actor, "deadline waiver", cancellationToken);
            throw new ForbiddenException("Only a chief can waive a deadline (särskilda skäl, KVFS 2011:5 16 §).");
        }

        if (@case.WorkflowInstanceId is not { } instanceId)
        {
            throw new ConflictException("The case has no workflow.");
        }

        var deadlines = await instances.DeadlinesAsync(instanceId, clock.GetCurrentDate(), cancellationToken);
        var deadline = deadlines.FirstOrDefault(d => d.Id == deadlineId)
            ?? throw new NotFoundException($"The case has no deadline {deadlineId}.");
        await runtime.WaiveTimerAsync(deadlineId, request.Reason ?? "", actor, async (step, ct) =>
        {
            await using var stepDb = VerkstallighetDbContext.On(step);
            stepDb.AccessLog.Add(Log(caseId, actor, AccessKinds.Write, $"deadline {deadline.Rule} waived"));
            await stepDb.SaveChangesAsync(ct);
        }, cancellationToken);
        return (await instances.DeadlinesAsync(instanceId, clock.GetCurrentDate(), cancellationToken)).Single(d => d.Id == deadlineId);
    }

    /// <summary>
    /// An administrator, or a chief of the case's office, moves one pending deadline or fires it now, with a reason;
    /// the case's journal shows it.
    /// </summary>
    public async Task<DeadlineView> AdjustDeadlineAsync(Guid caseId, Guid deadlineId, DeadlineAdjustment adjustment, Actor actor, CancellationToken cancellationToken = default)
    {
        var what = adjustment.FireNow ? "deadline fired now" : "deadline moved";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Case @case;
        if (actor.IsInRole(Roles.Administrator))
        {
            // An administrator does not work with cases, so reads none of it here; the write is logged with the step.
            @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
                ?? throw new NotFoundException($"Case {caseId} does not exist.");
        }
        else
        {
            @case = await AccessAsync(db, caseId, actor, what, cancellationToken, write: true);
            if (!actor.IsInRole(Roles.Chief))
            {
                await DenyAsync(db, caseId, actor, what, cancellationToken);
                throw new ForbiddenException("Only an administrator or a chief of the case's office can move a deadline or fire it now.");
            }
        }

        if (@case.WorkflowInstanceId is not { } instanceId)
        {
            throw new ConflictException("The case has no workflow.");
        }

        var deadline = (await instances.DeadlinesAsync(instanceId, clock.GetCurrentDate(), cancellationToken)).FirstOrDefault(d => d.Id == deadlineId)
            ?? throw new NotFoundException($"The case has no deadline {deadlineId}.");
        await runtime.AdjustDeadlineAsync(deadlineId, adjustment, actor, async (step, ct) =>
        {
            await using var stepDb = VerkstallighetDbContext.On(step);
            stepDb.AccessLog.Add(Log(caseId, actor, AccessKinds.Write, $"deadline {deadline.Rule} {(adjustment.FireNow ? "fired now" : "moved")}"));
            await stepDb.SaveChangesAsync(ct);
        }, cancellationToken);
        return (await instances.DeadlinesAsync(instanceId, clock.GetCurrentDate(), cancellationToken)).Single(d => d.Id == deadlineId);
    }

    public async Task<IReadOnlyList<PlanView>> PlansAsync(Guid caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await AccessAsync(db, caseId, actor, "plans", cancellationToken);
        return (await db.Plans.AsNoTracking().Where(p => p.CaseId == caseId).OrderBy(p => p.Version).ToListAsync(cancellationToken)).Select(PlanView.From).ToList();
    }

    public async Task<PlanView> PlanAsync(Guid caseId, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await AccessAsync(db, caseId, actor, $"plan version {version}", cancellationToken);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == caseId && p.Version == version, cancellationToken)
            ?? throw new NotFoundException($"The case has no plan version {version}.");
        return PlanView.From(plan);
    }

    /// <summary>The client's copy of an established plan (12 §), as a printable HTML document.</summary>
    public async Task<string> ClientCopyAsync(Guid caseId, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        var (@case, plan) = await ClientCopySourceAsync(caseId, version, actor, "client's copy", cancellationToken);
        return ClientCopy.Render(@case, plan);
    }

    /// <summary>The client's copy of an established plan (12 §), as a PDF document on A4.</summary>
    public async Task<byte[]> ClientCopyPdfAsync(Guid caseId, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        var (@case, plan) = await ClientCopySourceAsync(caseId, version, actor, "client's copy (PDF)", cancellationToken);
        return ClientCopyPdf.Render(@case, plan);
    }

    /// <summary>The client's copy of an established plan (12 §) for the print view in the browser.</summary>
    public async Task<ClientCopyView> ClientCopyViewAsync(Guid caseId, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        var (@case, plan) = await ClientCopySourceAsync(caseId, version, actor, "client's copy (print view)", cancellationToken);
        return ClientCopyView.From(@case, plan);
    }

    /// <summary>The case and its established plan version for a client's copy, with the access logged; else 403, 404 or 409.</summary>
    private async Task<(Case Case, Plan Plan)> ClientCopySourceAsync(Guid caseId, int version, Actor actor, string what, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var @case = await AccessAsync(db, caseId, actor, $"{what} of plan version {version}", cancellationToken);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.CaseId == caseId && p.Version == version, cancellationToken)
            ?? throw new NotFoundException($"The case has no plan version {version}.");
        if (plan.Status is not (PlanStatus.Established or PlanStatus.Superseded))
        {
            throw new ConflictException($"Plan version {version} is {plan.Status}; the client's copy is made of an established plan.");
        }

        return (@case, plan);
    }

    private readonly CaseAccess access = new(clock);

    private Task<Case> AccessAsync(VerkstallighetDbContext db, Guid caseId, Actor actor, string what, CancellationToken cancellationToken, bool write = false) =>
        access.EnterAsync(db, caseId, actor, what, cancellationToken, write);

    private Task DenyAsync(VerkstallighetDbContext db, Guid caseId, Actor actor, string what, CancellationToken cancellationToken) =>
        access.DenyAsync(db, caseId, actor, what, cancellationToken);

    private AccessLogEntry Log(Guid caseId, Actor actor, string kind, string what) => access.Log(caseId, actor, kind, what);

    private static CaseSummary Summary(Case c) =>
        new(c.Id, c.Number, c.ClientName, Personnummer.FromStored(c.Personnummer).Masked, c.Office, c.Sanction, c.Status, c.SupervisionStart, c.SupervisionEnd);

    private static string? Iso(LocalDate? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex EventName();
}
