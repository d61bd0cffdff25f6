using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Tests.Tasks;

/// <summary>The inbox list: keyset paging in each sort order, filters, and the indexes that serve them.</summary>
public sealed class TaskInboxListTests
{
    private static readonly Instant Created = TestEngine.DefaultStart - Duration.FromDays(10);

    private static readonly LocalDate Today = Stockholm.DateOf(TestEngine.DefaultStart);

    private static int sequence;

    [Fact]
    public async Task Paging_ReturnsEveryTaskOnce_InDueCreatedIdOrder_WithTasksWithoutDueDateLast()
    {
        await using var engine = await TestEngine.StartAsync();
        var stockholm = new List<HumanTask>();
        for (var i = 0; i < 23; i++)
        {
            // Ties on the due date, ties on due date and created (then the id decides), and tasks without a due date.
            stockholm.Add(NewTask("Stockholm", due: i % 5 == 0 ? null : Today.PlusDays(i % 3), created: Created + Duration.FromMinutes(i % 4)));
        }

        await InsertAsync(engine, [.. stockholm, NewTask("Göteborg", Today), NewTask("Stockholm", Today, status: HumanTaskStatus.Completed)]);

        var pages = await ReadAllPagesAsync(engine, Actors.Officer, new TaskListQuery(TaskFilter.Office) { Limit = 4 });

        Assert.Equal(6, pages.Count);
        Assert.Equal(Sorted(stockholm), pages.SelectMany(p => p.Items).Select(t => t.Id));
        Assert.All(pages[..^1], p => Assert.Equal(4, p.Items.Count));
        Assert.Null(pages[^1].Next);
    }

    [Theory]
    [InlineData(TaskFilter.Office)]
    [InlineData(TaskFilter.Role)]
    public async Task PagingDescending_ReturnsEveryTaskOnce_InExactlyTheReverseOrder(TaskFilter filter)
    {
        await using var engine = await TestEngine.StartAsync();
        var stockholm = new List<HumanTask>();
        for (var i = 0; i < 17; i++)
        {
            stockholm.Add(NewTask(i % 6 == 0 ? null : "Stockholm", due: i % 5 == 0 ? null : Today.PlusDays(i % 3), created: Created + Duration.FromMinutes(i % 4)));
        }

        await InsertAsync(engine, [.. stockholm, NewTask("Göteborg", Today)]);
        var listed = filter == TaskFilter.Office ? stockholm.Where(t => t.Office is not null) : stockholm;

        var pages = await ReadAllPagesAsync(engine, Actors.Officer, new TaskListQuery(filter) { Descending = true, Limit = 4 });

        Assert.Equal(Sorted(listed).AsEnumerable().Reverse(), pages.SelectMany(p => p.Items).Select(t => t.Id));
        Assert.Null(pages[^1].Next);
    }

    public static TheoryData<TaskSort, TaskFilter, bool> SortsListsAndDirections()
    {
        var data = new TheoryData<TaskSort, TaskFilter, bool>();
        foreach (var sort in new[] { TaskSort.Activity, TaskSort.Case, TaskSort.Status })
        {
            foreach (var filter in new[] { TaskFilter.Office, TaskFilter.Role })
            {
                data.Add(sort, filter, false);
                data.Add(sort, filter, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SortsListsAndDirections))]
    public async Task PagingBySort_ReturnsEveryTaskOnce_SwedishLettersAndNumbersInTheirOrder_ThenByDueDate(TaskSort sort, TaskFilter filter, bool descending)
    {
        await using var engine = await TestEngine.StartAsync();

        // Each list is in its expected order: digits as numbers (2, 9, 10), Å, Ä and Ö after Z, nothing first.
        string?[] keys = sort switch
        {
            TaskSort.Activity => ["Arbete 2", "Arbete 10", "bedömning", "Zebra", "Åtgärd", "Ärende", "Översyn"],
            TaskSort.Case => [null, "2", "9", "10", "100", "K-3"],
            _ => [null, "anna", "Bertil", "olle", "Åsa"],
        };
        var tasks = new List<HumanTask>();
        for (var i = 0; i < keys.Length * 3; i++)
        {
            var key = keys[(i * 5) % keys.Length];
            var task = NewTask(i % 4 == 3 ? null : "Stockholm", due: i % 3 == 0 ? null : Today.PlusDays(i % 2), created: Created + Duration.FromMinutes(i % 2));
            switch (sort)
            {
                case TaskSort.Activity: task.Title = key!; break;
                case TaskSort.Case: task.BusinessKey = key; break;
                default: task.Assignee = key; break;
            }

            tasks.Add(task);
        }

        await InsertAsync(engine, [.. tasks, NewTask("Göteborg", Today)]);
        var listed = filter == TaskFilter.Office ? tasks.Where(t => t.Office is not null) : tasks;
        var rank = keys.Select((key, index) => (key ?? "", index)).ToDictionary(k => k.Item1, k => k.index);
        string KeyOf(HumanTask t) => sort switch { TaskSort.Activity => t.Title, TaskSort.Case => t.BusinessKey ?? "", _ => t.Assignee ?? "" };
        var expected = listed.OrderBy(t => rank[KeyOf(t)]).ThenBy(t => t.DueDate is null).ThenBy(t => t.DueDate).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id).Select(t => t.Id).ToList();
        if (descending)
        {
            expected.Reverse();
        }

        var pages = await ReadAllPagesAsync(engine, Actors.Officer, new TaskListQuery(filter) { Sort = sort, Descending = descending, Limit = 4 });

        Assert.Equal(expected, pages.SelectMany(p => p.Items).Select(t => t.Id));
        Assert.Null(pages[^1].Next);
    }

    [Fact]
    public async Task List_RejectsACursorOfTheOtherOrderOrAnotherSort()
    {
        await using var engine = await TestEngine.StartAsync();
        await InsertAsync(engine, [NewTask("Stockholm", Today), NewTask("Stockholm", Today)]);
        var ascending = new TaskListQuery(TaskFilter.Office) { Limit = 1 };
        var next = (await engine.Inbox.ListAsync(Actors.Officer, ascending)).Next;

        var bad = await Assert.ThrowsAsync<BadRequestException>(() =>
            engine.Inbox.ListAsync(Actors.Officer, ascending with { Descending = true, After = next }));
        var otherSort = await Assert.ThrowsAsync<BadRequestException>(() =>
            engine.Inbox.ListAsync(Actors.Officer, ascending with { Sort = TaskSort.Case, After = next }));
        Assert.Contains("other filters", bad.Message);
        Assert.Contains("'after'", otherSort.Message);
    }

    [Fact]
    public async Task Paging_RoleFilter_MergesMyOfficeAndOfficelessTasksOfEachOfMyRoles_InOrder()
    {
        await using var engine = await TestEngine.StartAsync();
        List<HumanTask> mine =
        [
            .. Enumerable.Range(0, 5).Select(i => NewTask("Stockholm", Today.PlusDays(i), role: "Chief")),
            .. Enumerable.Range(0, 4).Select(i => NewTask("Stockholm", i == 0 ? null : Today.PlusDays(i))),
            .. Enumerable.Range(0, 3).Select(i => NewTask(null, Today.PlusDays(i), role: "Chief")),
        ];
        await InsertAsync(engine, [.. mine, NewTask("Göteborg", Today, role: "Chief"), NewTask("Stockholm", Today, role: "ProcessOwner")]);

        var pages = await ReadAllPagesAsync(engine, Actors.Chief, new TaskListQuery(TaskFilter.Role) { Limit = 5 });
        var onlyChief = await ReadAllPagesAsync(engine, Actors.Chief, new TaskListQuery(TaskFilter.Role) { Role = "Chief", Limit = 5 });

        Assert.Equal(Sorted(mine), pages.SelectMany(p => p.Items).Select(t => t.Id));
        Assert.Equal(Sorted(mine.Where(t => t.CandidateRole == "Chief")), onlyChief.SelectMany(p => p.Items).Select(t => t.Id));
    }

    [Fact]
    public async Task List_NeverShowsAnotherOfficesTasks_InAnyFilter()
    {
        await using var engine = await TestEngine.StartAsync();
        var elsewhere = NewTask("Göteborg", Today, assignee: "anna");
        await InsertAsync(engine, [elsewhere, NewTask("Göteborg", null)]);

        foreach (var filter in new[] { TaskFilter.Office, TaskFilter.Role })
        {
            Assert.Empty((await engine.Inbox.ListAsync(Actors.Officer, new TaskListQuery(filter))).Items);
        }
    }

    [Fact]
    public async Task List_Filters_ByActivityTypeCaseDueBeforeOverdueAndAssignment()
    {
        await using var engine = await TestEngine.StartAsync();
        var assessment = NewTask("Stockholm", Today.PlusDays(5), activityType: "Assessment");
        var ofCase = NewTask("Stockholm", Today.PlusDays(6), correlationId: "case-7");
        var overdue = NewTask("Stockholm", Today.PlusDays(-1));
        var dueToday = NewTask("Stockholm", Today);
        var claimed = NewTask("Stockholm", null, assignee: "anna");
        var claimedByOther = NewTask("Stockholm", null, assignee: "olle");
        await InsertAsync(engine, [assessment, ofCase, overdue, dueToday, claimed, claimedByOther]);

        async Task<IEnumerable<Guid>> ListAsync(TaskListQuery query) =>
            (await engine.Inbox.ListAsync(Actors.Officer, query)).Items.Select(t => t.Id);

        var office = new TaskListQuery(TaskFilter.Office);
        Assert.Equal([assessment.Id], await ListAsync(office with { ActivityType = "Assessment" }));
        Assert.Equal([ofCase.Id], await ListAsync(office with { CorrelationId = "case-7" }));
        Assert.Equal([overdue.Id, dueToday.Id], await ListAsync(office with { DueBefore = Today.PlusDays(1) }));
        Assert.Equal([overdue.Id], await ListAsync(office with { Overdue = true }));
        Assert.Equal([claimed.Id], await ListAsync(office with { Assignment = TaskAssignment.Mine }));
        Assert.Equal([overdue.Id, dueToday.Id, assessment.Id, ofCase.Id], await ListAsync(office with { Assignment = TaskAssignment.Unassigned }));
        Assert.Equal([claimed.Id], await ListAsync(new TaskListQuery(TaskFilter.Mine)));
        Assert.Equal([overdue.Id, dueToday.Id, assessment.Id, ofCase.Id, claimed.Id], await ListAsync(office with { Assignment = TaskAssignment.MineOrUnassigned }));
        Assert.Equal(
            [overdue.Id, dueToday.Id, assessment.Id, ofCase.Id, claimed.Id],
            await ListAsync(new TaskListQuery(TaskFilter.Role) { Assignment = TaskAssignment.MineOrUnassigned }));
    }

    [Fact]
    public async Task List_RejectsACursor_FromAnotherFilterOrMadeUp()
    {
        await using var engine = await TestEngine.StartAsync();
        await InsertAsync(engine, [NewTask("Stockholm", Today), NewTask("Stockholm", Today)]);
        var office = new TaskListQuery(TaskFilter.Office) { Limit = 1 };
        var next = (await engine.Inbox.ListAsync(Actors.Officer, office)).Next;
        Assert.NotNull(next);

        var otherFilter = await Assert.ThrowsAsync<BadRequestException>(() =>
            engine.Inbox.ListAsync(Actors.Officer, office with { Overdue = true, After = next }));
        var otherList = await Assert.ThrowsAsync<BadRequestException>(() =>
            engine.Inbox.ListAsync(Actors.Officer, new TaskListQuery(TaskFilter.Role) { Limit = 1, After = next }));
        foreach (var garbage in new[] { "garbage", "", "e30", "eyJTIjoieCJ9", next[..^2] })
        {
            var bad = await Assert.ThrowsAsync<BadRequestException>(() => engine.Inbox.ListAsync(Actors.Officer, office with { After = garbage }));
            Assert.Contains("'after'", bad.Message);
        }

        Assert.Contains("'after'", otherFilter.Message);
        Assert.Contains("other filters", otherList.Message);
        Assert.Single((await engine.Inbox.ListAsync(Actors.Officer, office with { After = next })).Items);
    }

    [Theory]
    [InlineData(TaskFilter.Office, "ix_human_tasks_open_office_sort", false)]
    [InlineData(TaskFilter.Mine, "ix_human_tasks_open_assignee_sort", false)]
    [InlineData(TaskFilter.Role, "ix_human_tasks_open_role_sort", false)]
    [InlineData(TaskFilter.Office, "ix_human_tasks_open_office_sort", true)]
    [InlineData(TaskFilter.Mine, "ix_human_tasks_open_assignee_sort", true)]
    [InlineData(TaskFilter.Role, "ix_human_tasks_open_role_sort", true)]
    [InlineData(TaskFilter.Office, "ix_human_tasks_open_office_by_activity", false, TaskSort.Activity)]
    [InlineData(TaskFilter.Office, "ix_human_tasks_open_office_by_case", true, TaskSort.Case)]
    [InlineData(TaskFilter.Office, "ix_human_tasks_open_office_by_status", false, TaskSort.Status)]
    [InlineData(TaskFilter.Role, "ix_human_tasks_open_role_by_activity", true, TaskSort.Activity)]
    [InlineData(TaskFilter.Role, "ix_human_tasks_open_role_by_case", false, TaskSort.Case)]
    [InlineData(TaskFilter.Role, "ix_human_tasks_open_role_by_status", false, TaskSort.Status)]
    public async Task ListQuery_ReadsOnlyItsPageThroughTheSortIndex_NotASortOfTheOfficesTasks(TaskFilter filter, string index, bool descending, TaskSort sort = TaskSort.DueDate)
    {
        await using var engine = await TestEngine.StartAsync();
        await using var db = engine.CreateDbContext();
        // 100,000 rows into a table with a dozen indexes: on a busy machine that takes longer than the default 30 s.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO workflows.human_tasks (id, instance_id, bookmark_id, element_id, activity_type, title, candidate_role, office,
                                               assignee, due_date, status, created_at, version)
            SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'Work', 'Work', 'Arbete', 'Officer',
                   CASE WHEN i % 10 = 0 THEN 'Stockholm' ELSE 'Office' || (i % 10) END, CASE WHEN i % 2 = 0 THEN 'anna' END,
                   CASE WHEN i % 7 <> 0 THEN DATE '2026-02-01' + (i % 400) END, 'Open', now() - i * interval '1 second', 1
            FROM generate_series(1, 100000) AS i;
            ANALYZE workflows.human_tasks;
            """);
        var first = new TaskListQuery(filter) { Sort = sort, Descending = descending };
        var text = sort == TaskSort.DueDate ? null : "Arbete";
        foreach (var after in new TaskCursor?[] { null, new(Today.PlusDays(30), Created, Guid.NewGuid(), text), new(null, Created, Guid.NewGuid(), text) })
        {
            var (sql, parameters) = TaskListSql.Build(first, Actors.Officer, ["Officer"], Today, after, take: 101);
            var explain = "EXPLAIN " + sql; // built from fixed fragments; every value is a parameter
            var plan = await db.Database.SqlQueryRaw<string>(explain, parameters).ToListAsync();

            Assert.Contains(plan, line => line.Contains(descending ? $"Index Scan Backward using {index}" : $"Index Scan using {index}"));
            Assert.StartsWith("Limit", plan[0]);
            if (filter != TaskFilter.Role)
            {
                // One branch: the index order is the page order. (The role filter merges two limited branches.)
                Assert.DoesNotContain(plan, line => line.Contains("Sort"));
            }
        }
    }

    private static async Task<List<TaskPage>> ReadAllPagesAsync(TestEngine engine, Actor actor, TaskListQuery query)
    {
        var pages = new List<TaskPage>();
        string? after = null;
        do
        {
            var page = await engine.Inbox.ListAsync(actor, query with { After = after });
            pages.Add(page);
            after = page.Next;
        }
        while (after is not null && pages.Count < 100);

        return pages;
    }

    /// <summary>Due date ascending with none last, then created, then id (ids differ in their last bytes only, which .NET and PostgreSQL order alike).</summary>
    private static List<Guid> Sorted(IEnumerable<HumanTask> tasks) =>
        [.. tasks.OrderBy(t => t.DueDate is null).ThenBy(t => t.DueDate).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id).Select(t => t.Id)];

    private static HumanTask NewTask(
        string? office, LocalDate? due, Instant? created = null, string role = "Officer", string? assignee = null,
        string activityType = "Work", string? correlationId = null, HumanTaskStatus status = HumanTaskStatus.Open)
    {
        var n = Interlocked.Increment(ref sequence);
        return new HumanTask
        {
            Id = new Guid($"00000000-0000-0000-0000-{1_000_000 - n:D12}"),
            InstanceId = Guid.NewGuid(),
            BookmarkId = Guid.NewGuid(),
            ElementId = "Work",
            ActivityType = activityType,
            Title = "Arbete",
            CandidateRole = role,
            Office = office,
            Assignee = assignee,
            DueDate = due,
            Status = status,
            CreatedAt = created ?? Created,
            CorrelationId = correlationId,
            Version = 1,
        };
    }

    private static async Task InsertAsync(TestEngine engine, IEnumerable<HumanTask> tasks)
    {
        await using var db = engine.CreateDbContext();
        db.Tasks.AddRange(tasks);
        await db.SaveChangesAsync();
    }
}
