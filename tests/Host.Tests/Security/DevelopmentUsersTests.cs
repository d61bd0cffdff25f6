using Verkstallighet.Host.Security;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Security;

public sealed class DevelopmentUsersTests
{
    [Fact]
    public void EveryOffice_HasTwoChiefs()
    {
        var chiefsPerOffice = DevelopmentUsers.All
            .Where(u => u.Office is not null)
            .GroupBy(u => u.Office!)
            .ToDictionary(g => g.Key, g => g.Count(u => u.Roles.Contains(Activities.Roles.Chief)));

        Assert.Equal(new Dictionary<string, int> { ["Stockholm City"] = 2, ["Göteborg"] = 2 }, chiefsPerOffice);
    }

    [Fact]
    public async Task PlanDraftedByAChief_IsEstablishedByTheOtherChiefOfTheOffice_NotByTheDrafter()
    {
        await using var cases = await CaseHost.StartAsync();
        var caseId = await cases.CreateCaseAsync("bertil");
        await cases.DoAsync(caseId, "Assess", CaseHost.Assessment(), "bertil");
        await cases.DoAsync(caseId, "PlanDraft", CaseHost.Draft(), "bertil");

        var byDrafter = await cases.CompleteAsync(caseId, "PlanEstablish", CaseHost.Establishment(), "bertil");
        Assert.Contains("another chief", (string)(await byDrafter.ProblemAsync(403))["detail"]!);
        await cases.DoAsync(caseId, "PlanEstablish", CaseHost.Establishment(), "karin");

        var plan = (await cases.CaseAsync(caseId, "karin"))["currentPlan"]!;
        Assert.Equal(("Established", "bertil", "karin"), ((string?)plan["status"], (string?)plan["draftedBy"], (string?)plan["decidedBy"]));
    }
}
