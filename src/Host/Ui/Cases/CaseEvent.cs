namespace Verkstallighet.Host.Ui.Cases;

/// <summary>An event an officer records from the case page: the workflow's message name and the Swedish words around it.</summary>
public sealed record CaseEvent(string Name, string Label, string Question, string Recorded)
{
    public static IReadOnlyList<CaseEvent> All { get; } =
    [
        new("ClientNotReached", "Klienten har inte nåtts",
            "Registrera att klienten inte har gått att nå? Om klienten inte nås inom en månad bör en misskötsamhetsbedömning göras.",
            "Registrerat: klienten har inte nåtts."),
        new("ClientReached", "Kontakten återupptagen",
            "Registrera att kontakten med klienten är återupptagen?",
            "Registrerat: kontakten med klienten är återupptagen."),
        new("ProgrammeCompleted", "Program genomfört",
            "Registrera att klienten har genomfört ett program? En ny riskbedömning ska då göras.",
            "Registrerat: programmet är genomfört."),
        new("TransferRequested", "Överflyttning begärd",
            "Registrera att överflyttning av övervakningen till ett annat kontor har begärts? Planen följs upp före överflyttningen.",
            "Registrerat: överflyttning är begärd."),
    ];
}
