using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Verkstallighet.Activities.Deadlines;
using Verkstallighet.Activities.Reports;
using Verkstallighet.Activities.Tests.Support;
using Verkstallighet.Workflows;

namespace Verkstallighet.Activities.Tests.Reports;

public sealed class OfficeReportQueryTests : IAsyncLifetime
{
    private const string Plan = Kvfs2011DeadlineRules.PlanEstablishment;
    private const string FollowUp = Kvfs2011DeadlineRules.FirstFollowUp;

    private DomainEngine domain = null!;

    private OfficeReportQuery Reports => domain.Engine.Services.GetRequiredService<OfficeReportQuery>();

    public async Task InitializeAsync() => domain = await DomainEngine.StartAsync();

    public async Task DisposeAsync() => await domain.DisposeAsync();

    /// <summary>
    /// Stockholm City on 15 Feb 2026 (the report covers March 2025 to February 2026): plans established in time in
    /// February and December, missed in January and (still pending past due) in February, one waived, one pending and not
    /// yet due, one missed before the period; first follow-ups in time and missed. Göteborg has one missed plan.
    /// </summary>
    private async Task SeedAsync()
    {
        var establishedInFebruary = await domain.CreateCaseAsync();
        await domain.EstablishPlanAsync(establishedInFebruary);
        await domain.SetDeadlineAsync(establishedInFebruary, FollowUp, "Fired", null, new LocalDate(2026, 1, 31));

        var establishedInDecember = await domain.CreateCaseAsync();
        await domain.EstablishPlanAsync(establishedInDecember);
        await domain.SetDeadlineAsync(establishedInDecember, Plan, "Cancelled", "ActivityCompleted", new LocalDate(2025, 12, 10));
        await domain.SetDeadlineAsync(establishedInDecember, FollowUp, "Cancelled", "ActivityCompleted", new LocalDate(2026, 2, 5));

        await domain.SetDeadlineAsync(await domain.AssessedCaseAsync(), Plan, "Fired", null, new LocalDate(2026, 1, 15));
        await domain.SetDeadlineAsync(await domain.AssessedCaseAsync(), Plan, "Cancelled", "Waived", new LocalDate(2026, 1, 20));
        await domain.SetDeadlineAsync(await domain.AssessedCaseAsync(), Plan, "Pending", null, new LocalDate(2026, 2, 10));
        await domain.AssessedCaseAsync(); // pending, due 28 Feb: not decided yet
        await domain.SetDeadlineAsync(await domain.AssessedCaseAsync(), Plan, "Fired", null, new LocalDate(2025, 2, 20));

        await domain.SetDeadlineAsync(await domain.AssessedCaseAsync(DomainEngine.Erik), Plan, "Fired", null, new LocalDate(2026, 1, 15));

        domain.Engine.Clock.AdvanceTo(Instant.FromUtc(2026, 2, 15, 9, 0));
    }

    [Fact]
    public async Task Report_CountsTheOfficesDeadlinesByOutcome_WithExactShares_16Paragraph()
    {
        await SeedAsync();

        var report = await Reports.GetAsync(DomainEngine.Bertil);

        Assert.Equal("Stockholm City", report.Office);
        Assert.Equal((new LocalDate(2025, 3, 1), new LocalDate(2026, 2, 15)), (report.From, report.Today));
        Assert.Equal(new DeadlineOutcome(2, 2, 1), report.PlansEstablished);
        Assert.Equal(0.5, report.PlansEstablished.Share);
        Assert.Equal(new DeadlineOutcome(1, 1, 0), report.FirstFollowUps);
        Assert.Equal([new RuleOverdue(Plan, "KVFS 2011:5 16 § första stycket", 3), new RuleOverdue(FollowUp, "KVFS 2011:5 16 § andra stycket", 1)], report.OverdueByRule);
    }

    [Fact]
    public async Task Trend_HasTwelveMonths_WithThePlansAndMissedDeadlinesOfTheMonthTheyWereDue()
    {
        await SeedAsync();

        var trend = (await Reports.GetAsync(DomainEngine.Bertil)).Trend;

        Assert.Equal(12, trend.Count);
        Assert.Equal((new YearMonth(2025, 3), new YearMonth(2026, 2)), (trend[0].Month, trend[^1].Month));
        var byMonth = trend.ToDictionary(m => m.Month);
        Assert.Equal(new MonthTrend(new YearMonth(2026, 2), new DeadlineOutcome(1, 1, 0), 1), byMonth[new YearMonth(2026, 2)]);
        Assert.Equal(new MonthTrend(new YearMonth(2026, 1), new DeadlineOutcome(0, 1, 1), 2), byMonth[new YearMonth(2026, 1)]);
        Assert.Equal(new MonthTrend(new YearMonth(2025, 12), new DeadlineOutcome(1, 0, 0), 0), byMonth[new YearMonth(2025, 12)]);
        Assert.All(trend.Where(m => m.Month < new YearMonth(2025, 12)), m => Assert.Equal(new MonthTrend(m.Month, DeadlineOutcome.None, 0), m));
    }

    [Fact]
    public async Task Report_CountsOnlyTheChiefsOwnOffice_AndAdministratorsChooseOne()
    {
        await SeedAsync();

        var goteborg = await Reports.GetAsync(DeadlineSeeds.Frida);
        var chosen = await Reports.GetAsync(DeadlineSeeds.David, "Göteborg");

        Assert.Equal(("Göteborg", new DeadlineOutcome(0, 1, 0)), (goteborg.Office, goteborg.PlansEstablished));
        Assert.Equal([new RuleOverdue(Plan, "KVFS 2011:5 16 § första stycket", 1)], goteborg.OverdueByRule);
        Assert.Equal(goteborg.PlansEstablished, chosen.PlansEstablished);
        await Assert.ThrowsAsync<ForbiddenException>(() => Reports.GetAsync(DeadlineSeeds.Frida, "Stockholm City"));
        await Assert.ThrowsAsync<ForbiddenException>(() => Reports.GetAsync(DomainEngine.Anna));
        Assert.Equal(["Göteborg", "Stockholm City"], await Reports.OfficesAsync(DeadlineSeeds.David));
        Assert.Equal(["Göteborg"], await Reports.OfficesAsync(DeadlineSeeds.Frida));
    }

    [Fact]
    public async Task MonthAndDay_AreThoseOfStockholm_NotOfUtc()
    {
        await domain.AssessedCaseAsync(); // plan due 28 Feb 2026

        domain.Engine.Clock.AdvanceTo(Instant.FromUtc(2026, 2, 28, 22, 30)); // 23:30 on 28 Feb in Stockholm
        var lastEveningOfFebruary = await Reports.GetAsync(DomainEngine.Bertil);
        domain.Engine.Clock.AdvanceTo(Instant.FromUtc(2026, 2, 28, 23, 30)); // 00:30 on 1 March in Stockholm, still 28 Feb in UTC
        var firstNightOfMarch = await Reports.GetAsync(DomainEngine.Bertil);

        Assert.Equal((new LocalDate(2026, 2, 28), new YearMonth(2026, 2)), (lastEveningOfFebruary.Today, lastEveningOfFebruary.Trend[^1].Month));
        Assert.Equal(DeadlineOutcome.None, lastEveningOfFebruary.PlansEstablished);
        Assert.Empty(lastEveningOfFebruary.OverdueByRule);
        Assert.Equal((new LocalDate(2026, 3, 1), new YearMonth(2026, 3)), (firstNightOfMarch.Today, firstNightOfMarch.Trend[^1].Month));
        Assert.Equal(new DeadlineOutcome(0, 1, 0), firstNightOfMarch.PlansEstablished);
        Assert.Equal(new DeadlineOutcome(0, 1, 0), firstNightOfMarch.Trend.Single(m => m.Month == new YearMonth(2026, 2)).Plans);
        Assert.Equal([new RuleOverdue(Plan, "KVFS 2011:5 16 § första stycket", 1)], firstNightOfMarch.OverdueByRule);
    }
}
