using NodaTime;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.Plans;

namespace Verkstallighet.Activities.Tests.Plans;

public sealed class ClientCopyTests
{
    private static readonly Case Case = new()
    {
        Id = Guid.NewGuid(), ClientName = "Kim Karlsson", Personnummer = "198503152384", Office = "Stockholm City", Sanction = Sanction.Skyddstillsyn,
        SupervisionStart = new LocalDate(2026, 1, 31), SupervisionEnd = new LocalDate(2027, 1, 30), CreatedBy = "anna",
    };

    private static readonly Plan Plan = new()
    {
        Version = 1, Status = PlanStatus.Established, ClientParticipation = ClientParticipation.Yes, DraftedBy = "anna", DecidedBy = "bertil",
        DecidedAt = Instant.FromUtc(2026, 1, 31, 9, 0), KollegiumDate = new LocalDate(2026, 1, 30),
        Measures = [new Measure(Guid.NewGuid(), "Delta i programmet", MeasureArea.Brottslighet, ResponsibleParty.Frivården, null, new LocalDate(2026, 6, 30), "Samtal")],
    };

    [Fact]
    public void PrintableCopy_MasksThePersonnummer_AsThePdfDoes_12Paragraph()
    {
        var html = ClientCopy.Render(Case, Plan);

        Assert.Contains("Kim Karlsson</strong>, 19850315-****", html);
        Assert.DoesNotContain("2384", html);
        Assert.Contains("Delta i programmet", html);
    }

    [Fact]
    public void PrintView_HasTheMaskedPersonnummer_TheMeasuresByDueDate_AndTheKollegiumDate_12Paragraph()
    {
        var view = ClientCopyView.From(Case, Plan);

        Assert.Equal("19850315-****", view.Personnummer);
        Assert.Equal(("Delta i programmet", "Frivården"), (view.Measures[0].Description, view.Measures[0].Responsible));
        Assert.Equal("Fastställd 2026-01-31 av bertil vid kollegium 2026-01-30.", view.Established);
    }
}
