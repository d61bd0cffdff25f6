using NodaTime;
using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Activities.Cases;

/// <summary>The rules a new case must meet; each problem names its field.</summary>
internal static class CaseRequestValidation
{
    /// <summary>How far from today a case's dates may lie.</summary>
    private const int PlausibleYears = 15;

    public static FieldProblems Validate(CreateCaseRequest request, LocalDate today, out Personnummer personnummer)
    {
        var problems = new FieldProblems();
        personnummer = default;
        if (string.IsNullOrWhiteSpace(request.ClientName))
        {
            problems.Add("clientName", "Ange klientens namn.");
        }
        else if (request.ClientName.Trim().Length > 200)
        {
            problems.Add("clientName", "Namnet får vara högst 200 tecken.");
        }

        if (!Personnummer.TryParse(request.Personnummer, today, out personnummer, out var error))
        {
            problems.Add("personnummer", error);
        }

        if (request.Sanction is not { } sanction || !Enum.IsDefined(sanction))
        {
            problems.Add("sanction", "Ange påföljden: Skyddstillsyn, VillkorligDom eller VillkorligFrigivning.");
            return problems;
        }

        CheckPlausibleDates(request, today, problems);
        if (sanction is Sanction.Skyddstillsyn or Sanction.VillkorligFrigivning)
        {
            CheckSupervision(request, sanction, problems);
        }
        else if (sanction == Sanction.VillkorligDom)
        {
            CheckCommunityService(request, problems);
        }

        return problems;
    }

    /// <summary>
    /// A year mistyped (2062 for 2026, or 9999) would otherwise set every deadline of the case decades away, or past
    /// the end of the calendar. Ongoing cases from years back and long probation periods still fit.
    /// </summary>
    private static void CheckPlausibleDates(CreateCaseRequest request, LocalDate today, FieldProblems problems)
    {
        foreach (var (field, date) in new[]
                 {
                     ("judgmentEnforceable", request.JudgmentEnforceable), ("supervisionStart", request.SupervisionStart),
                     ("supervisionEnd", request.SupervisionEnd), ("releaseDate", request.ReleaseDate),
                 })
        {
            if (date is { } given && (given < today.PlusYears(-PlausibleYears) || given > today.PlusYears(PlausibleYears)))
            {
                problems.Add(field, $"Datumet ligger mer än {PlausibleYears} år från dagens datum; kontrollera årtalet.");
            }
        }
    }

    private static void CheckSupervision(CreateCaseRequest request, Sanction sanction, FieldProblems problems)
    {
        if (request.SupervisionStart is null)
        {
            problems.Add("supervisionStart", "Ange när övervakningen börjar; planens tidsfrister räknas därifrån (16 §).");
        }

        if (request.SupervisionEnd is null)
        {
            problems.Add("supervisionEnd", "Ange när övervakningen upphör.");
        }
        else if (request.SupervisionStart is { } start && request.SupervisionEnd <= start)
        {
            problems.Add("supervisionEnd", "Övervakningen ska upphöra efter att den börjat.");
        }

        if (sanction == Sanction.VillkorligFrigivning && request.ReleaseDate is null)
        {
            problems.Add("releaseDate", "Ange dagen för villkorlig frigivning.");
        }
    }

    private static void CheckCommunityService(CreateCaseRequest request, FieldProblems problems)
    {
        if (request.JudgmentEnforceable is null)
        {
            problems.Add("judgmentEnforceable", "Ange när domen blev verkställbar; samhällstjänsten ska påbörjas därefter (3 §).");
        }

        if (request.CommunityServiceHours is not (>= 40 and <= 240))
        {
            problems.Add("communityServiceHours", "Ange antalet timmar samhällstjänst, 40–240.");
        }
    }
}
