using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.Statements;
using Verkstallighet.Activities.Tests.Support;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Activities.Tests.Statements;

/// <summary>The statement to the court (yttrande i brottmål, general advice to 5 kap. 9 § förordningen (1998:642)).</summary>
public sealed class CourtStatementServiceTests : IAsyncLifetime
{
    private DomainEngine domain = null!;

    private CourtStatementService Statements => domain.Engine.Services.GetRequiredService<CourtStatementService>();

    public async Task InitializeAsync() => domain = await DomainEngine.StartAsync();

    public async Task DisposeAsync() => await domain.DisposeAsync();

    [Fact]
    public async Task Draft_IsAssembledFromTheAssessmentPlanFollowUpsAndContactEvents_GeneralAdviceTo5Kap9Paragraph()
    {
        var caseId = await domain.CreateCaseAsync();
        await domain.EstablishPlanAsync(caseId);
        await FollowUpAsync(caseId, "Pågår", "Har påbörjat programmet.");
        await domain.Cases.PostEventAsync(caseId, new CaseEventRequest("ClientNotReached", null), DomainEngine.Anna);

        var draft = await Statements.DraftAsync(caseId, DomainEngine.Anna);

        Assert.Equal((false, 0, (int?)null, CourtStatementStatus.Draft), (draft.Stored, draft.Version, draft.Number, draft.Status));
        Assert.Contains("Påföljd: Skyddstillsyn. Övervakning från 2026-01-31 till 2027-01-30.", draft.CurrentSituation);
        Assert.Contains("risken för återfall i brott bedöms som medel", draft.CurrentSituation);
        Assert.Contains("Behov: Sysselsättning.", draft.CurrentSituation);
        Assert.Contains("- Umgänge: Bedömd.", draft.CurrentSituation);
        Assert.Contains("Verkställighetsplanen (version 1) fastställdes 2026-01-31", draft.CurrentSituation);
        Assert.Contains("- Delta i programmet Återfallsprevention (Brottslighet; ansvarig: Frivården; klar senast 2026-06-30).", draft.CurrentSituation);
        Assert.Contains("Uppföljning 2026-01-31 (inom sex månader från övervakningens början): planen står fast.", draft.SupervisionOutcome);
        Assert.Contains("- Delta i programmet Återfallsprevention: pågår – Har påbörjat programmet.", draft.SupervisionOutcome);
        Assert.Contains("Den dömde har inte gått att nå sedan 2026-01-31.", draft.SupervisionOutcome);
        Assert.Contains("inte kunnat informeras", draft.ClientView);
        Assert.Equal("", draft.ContinuedSupervision);
        Assert.Contains("Read court statement draft", await LogAsync(caseId, "anna"));
    }

    [Fact]
    public async Task Draft_OfANewCase_SaysWhatIsNotDoneYet()
    {
        var caseId = await domain.CreateCaseAsync();

        var draft = await Statements.DraftAsync(caseId, DomainEngine.Anna);

        Assert.Contains("Någon risk- och behovsbedömning har ännu inte gjorts", draft.CurrentSituation);
        Assert.Contains("Någon verkställighetsplan har ännu inte fastställts.", draft.CurrentSituation);
        Assert.Contains("Planen har ännu inte följts upp.", draft.SupervisionOutcome);
        Assert.Contains("Inga tillfällen då den dömde inte gått att nå har registrerats.", draft.SupervisionOutcome);
        Assert.Equal("", draft.ClientView);
    }

    [Fact]
    public void ContactEpisodes_PairEachTimeTheClientWasNotReachedWithWhenContactWasRegained()
    {
        static Verkstallighet.Workflows.Journal.JournalEntry Message(long id, string element, string day) => new()
        {
            Id = id, Kind = "MessageReceived", ElementId = element, At = NodaTime.Text.InstantPattern.General.Parse(day + "T10:00:00Z").Value,
        };

        var episodes = CourtStatementService.ContactEpisodes(
        [
            Message(1, "ClientNotReached", "2026-02-02"), Message(2, "ClientReached", "2026-02-10"),
            Message(3, "TransferRequested", "2026-02-11"), Message(4, "ClientNotReached", "2026-03-01"),
        ]);

        Assert.Equal(
            [new ClientContactEpisode(new(2026, 2, 2), new(2026, 2, 10)), new ClientContactEpisode(new(2026, 3, 1), null)],
            episodes);
    }

    [Fact]
    public async Task SavedAndFinalised_RecordsTheAuthorsAndTimes_AndTheFinalisedStatementNeverChanges()
    {
        var caseId = await domain.CreateCaseAsync();
        var assembled = await Statements.DraftAsync(caseId, DomainEngine.Anna) with { ClientView = "Den dömde instämmer." };

        var saved = await Statements.SaveDraftAsync(caseId, Request(0, assembled, continued: ""), DomainEngine.Anna);
        Assert.Equal((true, 1, (int?)1, "anna"), (saved.Stored, saved.Version, saved.Number, saved.CreatedBy));
        var incomplete = await Assert.ThrowsAsync<FormInvalidException>(() => Statements.FinaliseAsync(caseId, new FinaliseCourtStatementRequest(1), DomainEngine.Anna));
        Assert.Equal("continuedSupervision", Assert.Single(incomplete.Problems).Field);

        domain.Engine.Clock.AdvanceTo(NodaTime.Text.InstantPattern.General.Parse("2026-02-03T09:00:00Z").Value);
        saved = await Statements.SaveDraftAsync(caseId, Request(1, assembled, continued: "Förutsättningar finns för fortsatt övervakning."), DomainEngine.Bertil);
        var final = await Statements.FinaliseAsync(caseId, new FinaliseCourtStatementRequest(saved.Version), DomainEngine.Bertil);

        Assert.Equal((CourtStatementStatus.Final, 3, "bertil", "anna"), (final.Status, final.Version, final.FinalisedBy, final.CreatedBy));
        Assert.Equal(domain.Engine.Clock.GetCurrentInstant(), final.FinalisedAt);
        var afterwards = await Assert.ThrowsAsync<ConflictException>(() => Statements.SaveDraftAsync(caseId, Request(3, assembled, continued: "Ändrad."), DomainEngine.Anna));
        Assert.Contains("finalised by bertil", afterwards.Message);
        await Assert.ThrowsAsync<ConflictException>(() => Statements.FinaliseAsync(caseId, new FinaliseCourtStatementRequest(3), DomainEngine.Anna));

        // The database refuses a change too, whoever asks.
        await using (var db = await domain.DomainAsync())
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() =>
                db.Database.ExecuteSqlInterpolatedAsync($"UPDATE verkstallighet.court_statements SET continued_supervision = 'Ändrad.' WHERE case_id = {caseId}"));
            Assert.Contains("final", refused.MessageText);
        }

        var stored = Assert.Single(await Statements.ListAsync(caseId, DomainEngine.Anna));
        Assert.Equal(("Förutsättningar finns för fortsatt övervakning.", CourtStatementStatus.Final), (stored.ContinuedSupervision, stored.Status));
        var next = await Statements.DraftAsync(caseId, DomainEngine.Anna);
        Assert.False(next.Stored);
        Assert.Equal(2, (await Statements.SaveDraftAsync(caseId, Request(0, next, continued: "Nytt."), DomainEngine.Anna)).Number);
        var log = await LogAsync(caseId);
        Assert.Contains("Write court statement 1 draft saved", log);
        Assert.Contains("Write court statement 1 finalised", log);
    }

    [Fact]
    public async Task StaleSave_IsAConflictNamingWhoSavedSince_AndTheirTextStays()
    {
        var caseId = await domain.CreateCaseAsync();
        var assembled = await Statements.DraftAsync(caseId, DomainEngine.Anna);
        await Statements.SaveDraftAsync(caseId, Request(0, assembled, continued: "Annas text."), DomainEngine.Anna);
        await Statements.SaveDraftAsync(caseId, Request(1, assembled, continued: "Bertils text."), DomainEngine.Bertil);

        var stale = await Assert.ThrowsAsync<ConflictException>(() => Statements.SaveDraftAsync(caseId, Request(1, assembled, continued: "Annas ändring."), DomainEngine.Anna));
        var secondNew = await Assert.ThrowsAsync<ConflictException>(() => Statements.SaveDraftAsync(caseId, Request(0, assembled, continued: "Ett till utkast."), DomainEngine.Anna));
        var staleFinalise = await Assert.ThrowsAsync<ConflictException>(() => Statements.FinaliseAsync(caseId, new FinaliseCourtStatementRequest(1), DomainEngine.Anna));

        Assert.Contains("saved by bertil", stale.Message);
        Assert.Contains("saved by bertil", secondNew.Message);
        Assert.Contains("saved by bertil", staleFinalise.Message);
        var draft = await Statements.DraftAsync(caseId, DomainEngine.Anna);
        Assert.Equal(("Bertils text.", 2, CourtStatementStatus.Draft), (draft.ContinuedSupervision, draft.Version, draft.Status));
    }

    [Fact]
    public async Task TooLongASection_IsAFieldProblem_AndAMissingVersionABadRequest()
    {
        var caseId = await domain.CreateCaseAsync();
        var assembled = await Statements.DraftAsync(caseId, DomainEngine.Anna);

        var tooLong = await Assert.ThrowsAsync<FormInvalidException>(() =>
            Statements.SaveDraftAsync(caseId, Request(0, assembled, continued: new string('x', CourtStatementSections.MaxLength + 1)), DomainEngine.Anna));
        await Assert.ThrowsAsync<BadRequestException>(() => Statements.SaveDraftAsync(caseId, Request(null, assembled, continued: ""), DomainEngine.Anna));

        Assert.Equal("continuedSupervision", Assert.Single(tooLong.Problems).Field);
        Assert.Empty(await Statements.ListAsync(caseId, DomainEngine.Anna));
    }

    [Fact]
    public async Task OfficerOfAnotherOffice_IsRefusedEveryStatementAction_AndEachRefusalIsLogged()
    {
        var caseId = await domain.CreateCaseAsync();
        var assembled = await Statements.DraftAsync(caseId, DomainEngine.Anna);
        await Statements.SaveDraftAsync(caseId, Request(0, assembled, continued: "Förutsättningar finns."), DomainEngine.Anna);

        await Assert.ThrowsAsync<ForbiddenException>(() => Statements.DraftAsync(caseId, DomainEngine.Erik));
        await Assert.ThrowsAsync<ForbiddenException>(() => Statements.ListAsync(caseId, DomainEngine.Erik));
        await Assert.ThrowsAsync<ForbiddenException>(() => Statements.SaveDraftAsync(caseId, Request(1, assembled, continued: "Eriks text."), DomainEngine.Erik));
        await Assert.ThrowsAsync<ForbiddenException>(() => Statements.FinaliseAsync(caseId, new FinaliseCourtStatementRequest(1), DomainEngine.Erik));
        await Assert.ThrowsAsync<ForbiddenException>(() => Statements.PdfAsync(caseId, 1, DomainEngine.Erik));

        Assert.Equal(
            ["Denied court statement draft", "Denied court statements", "Denied court statement draft", "Denied court statement finalised", "Denied court statement 1 (PDF)"],
            await LogAsync(caseId, "erik"));
        Assert.Equal("Förutsättningar finns.", (await Statements.DraftAsync(caseId, DomainEngine.Anna)).ContinuedSupervision);
    }

    private static SaveCourtStatementRequest Request(int? version, CourtStatementView from, string continued) =>
        new(version, from.CurrentSituation, from.SupervisionOutcome, from.ClientView, continued);

    private async Task FollowUpAsync(Guid caseId, string status, string note)
    {
        await using var db = await domain.DomainAsync();
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.CaseId == caseId);
        await domain.CompleteAsync(caseId, "FirstFollowUp", new
        {
            measures = plan.Measures.Select(m => new { measureId = m.Id, status, note }),
            decision = "PlanStands",
        });
    }

    private async Task<List<string>> LogAsync(Guid caseId, string? user = null)
    {
        await using var db = await domain.DomainAsync();
        return await db.AccessLog.Where(a => a.CaseId == caseId && (user == null || a.UserId == user)).OrderBy(a => a.Id).Select(a => a.Kind + " " + a.What).ToListAsync();
    }
}
