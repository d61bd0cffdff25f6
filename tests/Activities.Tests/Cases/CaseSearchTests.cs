using Microsoft.EntityFrameworkCore;
using NodaTime;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.Tests.Support;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Activities.Tests.Cases;

public sealed class CaseSearchTests
{
    private static readonly LocalDate Today = new(2026, 1, 31);

    [Theory]
    [InlineData("", CaseSearchKind.All, "")]
    [InlineData("  Karls ", CaseSearchKind.Name, "Karls")]
    [InlineData("42", CaseSearchKind.Number, "42")]
    [InlineData("19850315-2384", CaseSearchKind.Personnummer, "198503152384")]
    [InlineData("850315-2384", CaseSearchKind.Personnummer, "198503152384")]
    public void Text_IsReadAsANameACaseNumberOrAPersonnummer(string text, CaseSearchKind kind, string value)
    {
        Assert.Equal((kind, value), new CaseSearch(text).Interpret(Today));
    }

    [Theory]
    [InlineData("19850315-2385", "Personnumrets kontrollsiffra stämmer inte.")]
    [InlineData("19850315-", "Sök på ärendenummer, ett helt personnummer (ÅÅÅÅMMDD-NNNN) eller en del av klientens namn.")]
    public void MalformedNumbers_AreFieldProblemsInSwedish(string text, string message)
    {
        var problem = Assert.Single(Assert.Throws<FormInvalidException>(() => new CaseSearch(text).Interpret(Today)).Problems);

        Assert.Equal(("text", message), (problem.Field, problem.Message));
    }

    [Fact]
    public async Task Search_FindsTheOfficesCasesOnly_PagesByCaseNumber_AndLogsEachCaseShownWithHowItWasFound()
    {
        await using var domain = await DomainEngine.StartAsync();
        var first = await domain.CreateCaseAsync();
        var second = await domain.CreateCaseAsync();
        var elsewhere = await domain.CreateCaseAsync(actor: DomainEngine.Erik);

        var page1 = await domain.Cases.SearchAsync(new CaseSearch(null, Limit: 1), DomainEngine.Anna);
        var page2 = await domain.Cases.SearchAsync(new CaseSearch(null, page1.NextBefore, 1), DomainEngine.Anna);
        var byPersonnummer = await domain.Cases.SearchAsync(new CaseSearch("850315-2384"), DomainEngine.Anna);
        var byName = await domain.Cases.SearchAsync(new CaseSearch("KARLS"), DomainEngine.Anna);
        var wildcard = await domain.Cases.SearchAsync(new CaseSearch("%"), DomainEngine.Anna);
        var byNumber = await domain.Cases.SearchAsync(new CaseSearch(page2.Cases[0].Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), DomainEngine.Anna);

        Assert.Equal([second], page1.Cases.Select(c => c.Id));
        Assert.Equal([first], page2.Cases.Select(c => c.Id));
        Assert.Null(page2.NextBefore);
        Assert.Equal([second, first], byPersonnummer.Cases.Select(c => c.Id));
        Assert.All(byPersonnummer.Cases, c => Assert.Equal("19850315-****", c.Personnummer));
        Assert.Equal(2, byName.Cases.Count);
        Assert.Empty(wildcard.Cases);
        Assert.Equal([first], byNumber.Cases.Select(c => c.Id));
        await using var db = await domain.DomainAsync();
        var log = await db.AccessLog.Where(a => a.UserId == "anna" && a.Kind == AccessKinds.Read).Select(a => new { a.CaseId, a.What }).ToListAsync();
        Assert.Contains(log, l => l.CaseId == first && l.What == "case search by personnummer");
        Assert.Contains(log, l => l.CaseId == second && l.What == "case search by personnummer");
        Assert.Contains(log, l => l.CaseId == first && l.What == "case search by case number");
        Assert.Contains(log, l => l.CaseId == second && l.What == "case search by name");
        Assert.DoesNotContain(log, l => l.CaseId == elsewhere);
        await Assert.ThrowsAsync<ForbiddenException>(() => domain.Cases.SearchAsync(new CaseSearch(null), new Actor("cecilia", new HashSet<string> { Roles.ProcessOwner }, null)));
    }
}
