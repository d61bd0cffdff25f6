using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Activities.Builtin;

namespace Verkstallighet.Activities;

/// <summary>
/// The Swedish words for what the engine shows in English: its built-in activities, the inputs every human task has,
/// and the form problems it reports itself.
/// </summary>
public static class EngineActivityTexts
{
    private const string General = "Allmänt";

    public static IReadOnlyList<ActivityText> Swedish { get; } =
    [
        new("*.candidateRole", "Roll"),
        new("*.candidateRole.description", "Rollen som får ta uppgiften."),
        new("*.office", "Kontor"),
        new("*.office.description", "Kontoret som äger uppgiften. Utelämnat: instansvariabeln office."),
        new("*.assignee", "Tilldelad"),
        new("*.assignee.description", "Användaren uppgiften tilldelas direkt, om någon."),
        new("*.instructions", "Instruktion"),
        new("*.instructions.description", "Visas ovanför uppgiftens formulär, t.ex. vad som ska göras och enligt vilken paragraf."),
        new(ActivityTexts.FormMissing, "Formuläret saknas."),

        new(ManualTask.TypeName, "Manuell uppgift"),
        new(ManualTask.TypeName + ".category", General),
        new(ManualTask.TypeName + ".description", "Ett steg som en handläggare utför och kvitterar."),
        new(ManualTask.TypeName + ".outcomes", "Möjliga utfall"),
        new(ManualTask.TypeName + ".outcomes.description", "Kommaseparerade utfall att välja mellan, t.ex. 'Godkänd,Avslagen'."),
        new(ManualTask.TypeName + ".outcome", "Utfall"),
        new(ManualTask.TypeName + ".comment", "Kommentar"),
        new(ManualTask.TypeName + ".form.outcome", "Utfall"),
        new(ManualTask.TypeName + ".form.comment", "Kommentar"),
        new(ManualTask.OutcomeNotAllowed, "Välj ett av utfallen: {0}."),

        new("SetVariable", "Sätt variabel"),
        new("SetVariable.category", General),
        new("SetVariable.description", "Beräknar ett värde och sparar det i en variabel."),
        new("SetVariable.value", "Värde"),
        new("SetVariable.value.description", "Ett värde, eller ett uttryck som börjar med '='."),
        new("SetVariable.result", "Resultat"),

        new("AddPeriodToDate", "Beräkna datum"),
        new("AddPeriodToDate.category", General),
        new("AddPeriodToDate.description", "Lägger en period till ett datum (31 jan + 1 månad = 28/29 feb)."),
        new("AddPeriodToDate.date", "Datum"),
        new("AddPeriodToDate.period", "Period"),
        new("AddPeriodToDate.period.description", "ISO 8601, t.ex. P1M eller P4W."),
        new("AddPeriodToDate.result", "Resultat"),
    ];
}
