namespace Verkstallighet.Host.Ui.Tasks;

/// <summary>
/// Swedish names for the values of the activities' enums, which are stored by their code names (PlanStands,
/// HälsoOchSjukvården). A value without a name here is shown as it is.
/// </summary>
public static class EnumLabels
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        // Risk factors (13 §).
        ["CriminalHistory"] = "Kriminell historik",
        ["AttitudesTowardsCrime"] = "Attityder och värderingar kring brott",
        ["FamilySituation"] = "Familjesituation",
        ["Associates"] = "Umgänge",
        ["EducationAndEmployment"] = "Utbildning och sysselsättning",
        ["SubstanceMisuse"] = "Missbruk",

        // Client participation (14 §).
        ["Yes"] = "Ja, klienten deltog",
        ["No"] = "Nej, klienten deltog inte",
        ["CouldNot"] = "Klienten kunde inte delta",

        // Responsible parties (15 §).
        ["HälsoOchSjukvården"] = "Hälso- och sjukvården",
        ["AnnanMyndighet"] = "Annan myndighet",

        // Plan decision.
        ["Establish"] = "Fastställ planen",
        ["Return"] = "Återsänd planen till handläggaren",

        // Follow-up (16–17 §§).
        ["EjPåbörjad"] = "Ej påbörjad",
        ["PlanStands"] = "Planen står fast",
        ["PlanChanges"] = "Planen ändras (17 §)",
        ["NewRiskAssessment"] = "Ny risk- och behovsbedömning behövs (13 §)",

        // Misconduct outcomes.
        ["NoAction"] = "Ingen åtgärd",
        ["Warning"] = "Varning",
        ["ReportToSupervisionBoard"] = "Anmälan till övervakningsnämnden",
        ["ReportToProsecutor"] = "Anmälan till åklagare",
    };

    public static string Swedish(string? value) => value is null ? "" : Names.TryGetValue(value, out var name) ? name : value;

    public static string Swedish<TEnum>(TEnum value) where TEnum : struct, Enum => Swedish(value.ToString());
}
