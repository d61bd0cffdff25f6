using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Verkstallighet.Activities.Deadlines;
using Verkstallighet.Activities.Tests.Support;
using Verkstallighet.Workflows;

namespace Verkstallighet.Activities.Tests.Deadlines;

public sealed class OfficeDeadlineQueryTests : IAsyncLifetime
{
    private DomainEngine domain = null!;

    private OfficeDeadlineQuery Deadlines => domain.Engine.Services.GetRequiredService<OfficeDeadlineQuery>();

    public async Task InitializeAsync() => domain = await DomainEngine.StartAsync();

    public async Task DisposeAsync() => await domain.DisposeAsync();

    [Fact]
    public async Task Overdue_ListsTheOfficesMissedDeadlines_WithDaysLateByTheStockholmDate()
    {
        var fired = await domain.AssessedCaseAsync();
        await domain.SetDeadlineAsync(fired, Kvfs2011DeadlineRules.PlanEstablishment, "Fired", null, new LocalDate(2026, 2, 20));
        var pastDue = await domain.AssessedCaseAsync();
        await domain.SetDeadlineAsync(pastDue, Kvfs2011DeadlineRules.PlanEstablishment, "Pending", null, new LocalDate(2026, 2, 25));
        var met = await domain.AssessedCaseAsync();
        await domain.SetDeadlineAsync(met, Kvfs2011DeadlineRules.PlanEstablishment, "Cancelled", "ActivityCompleted", new LocalDate(2026, 2, 20));
        await domain.AssessedCaseAsync(DomainEngine.Erik);
        domain.Engine.Clock.AdvanceTo(Instant.FromUtc(2026, 2, 28, 23, 30)); // 1 March in Stockholm: Göteborg's plan is late too

        var overdue = await Deadlines.OverdueAsync(DomainEngine.Bertil);

        Assert.Equal([(fired, 9, false), (pastDue, 4, true)], overdue.Select(d => (d.CaseId, d.DaysOverdue, d.Pending)));
        Assert.All(overdue, d => Assert.Equal(("Kim Karlsson", "PlanEstablishment", "KVFS 2011:5 16 § första stycket"), (d.ClientName, d.Rule, d.LegalReference)));
        Assert.Single(await Deadlines.OverdueAsync(DeadlineSeeds.Frida));
    }

    [Fact]
    public async Task Overdue_LeavesOutFiredDeadlines_ThatWereMetLateOrWaived()
    {
        var metLate = await domain.AssessedCaseAsync();
        await domain.SetDeadlineAsync(metLate, Kvfs2011DeadlineRules.PlanEstablishment, "Fired", null, new LocalDate(2026, 2, 20));
        await domain.SetFiredDeadlineOutcomeAsync(metLate, "resolved_at");
        var waived = await domain.AssessedCaseAsync();
        await domain.SetDeadlineAsync(waived, Kvfs2011DeadlineRules.PlanEstablishment, "Fired", null, new LocalDate(2026, 2, 20));
        await domain.SetFiredDeadlineOutcomeAsync(waived, "waived_at");
        var stillLate = await domain.AssessedCaseAsync();
        await domain.SetDeadlineAsync(stillLate, Kvfs2011DeadlineRules.PlanEstablishment, "Fired", null, new LocalDate(2026, 2, 20));
        domain.Engine.Clock.AdvanceTo(Instant.FromUtc(2026, 2, 28, 23, 30));

        var overdue = await Deadlines.OverdueAsync(DomainEngine.Bertil);

        Assert.Equal([stillLate], overdue.Select(d => d.CaseId));
    }

    [Fact]
    public async Task Upcoming_ListsPendingDeadlinesWithinTheDays_AndTheListIsInTheAccessLog()
    {
        var soon = await domain.AssessedCaseAsync(); // plan due 28 Feb 2026
        var later = await domain.AssessedCaseAsync();
        await domain.SetDeadlineAsync(later, Kvfs2011DeadlineRules.PlanEstablishment, "Pending", null, new LocalDate(2026, 4, 1));

        var upcoming = await Deadlines.UpcomingAsync(DomainEngine.Bertil, 30);

        Assert.Equal([(soon, new LocalDate(2026, 2, 28), true)], upcoming.Select(d => (d.CaseId, d.DueDate, d.Pending)));
        Assert.Empty(await Deadlines.UpcomingAsync(DeadlineSeeds.Frida, 30));
        await using var db = await domain.DomainAsync();
        var log = await db.AccessLog.AsNoTracking().Where(a => a.UserId == "bertil").Select(a => new { a.CaseId, a.Kind, a.What }).ToListAsync();
        Assert.Contains(log, a => a.CaseId == soon && a.Kind == "Read" && a.What == "upcoming deadlines");
        Assert.DoesNotContain(log, a => a.CaseId == later);
    }

    [Fact]
    public async Task Deadlines_AreRefusedToProcessOwners()
    {
        var owner = new Actor("cecilia", new HashSet<string> { Roles.ProcessOwner }, null);

        await Assert.ThrowsAsync<ForbiddenException>(() => Deadlines.OverdueAsync(owner));
    }
}
