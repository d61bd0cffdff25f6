using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Workflows;

namespace Verkstallighet.Host.Simulation;

/// <summary>
/// The sample case a simulation runs its workflow for, from the variables a process owner gives: the same fields a real
/// case has, checked by the same rules when the sandbox creates it. The client is a fixed sample person.
/// </summary>
internal static class SampleCase
{
    public const string DefaultOffice = "Simulering";
    public const string ClientName = "Exempel Exempelsson";

    /// <summary>A made-up personnummer with a valid check digit; it names no one in any real database here.</summary>
    public const string Personnummer = "19850315-2384";

    private const string CommunityServiceHours = "communityServiceHours";

    private static readonly HashSet<string> Known =
        [CaseVariables.Office, CaseVariables.Sanction, CommunityServiceHours, .. CaseVariables.Dates];

    public static CreateCaseRequest From(JsonObject? variables, LocalDate startDate)
    {
        variables ??= [];
        if (variables.Select(v => v.Key).FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            throw new BadRequestException(
                $"'{unknown}' is not a variable of a sample case; give any of {string.Join(", ", Known.Order(StringComparer.Ordinal))}.");
        }

        var sanction = Text(variables, CaseVariables.Sanction) is { } given
            ? Enum.TryParse<Sanction>(given, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new BadRequestException($"'{given}' is not a sanction: Skyddstillsyn, VillkorligDom or VillkorligFrigivning.")
            : Sanction.Skyddstillsyn;
        var supervised = sanction != Sanction.VillkorligDom;
        // Sample data without dates starts the supervision, or the judgment, on the simulation's first day.
        var supervisionStart = Date(variables, CaseVariables.SupervisionStart) ?? (supervised ? startDate : null);
        return new CreateCaseRequest(
            ClientName,
            Personnummer,
            Text(variables, CaseVariables.Office) ?? DefaultOffice,
            sanction,
            Date(variables, CaseVariables.JudgmentEnforceable) ?? (supervised ? null : startDate),
            supervisionStart,
            Date(variables, CaseVariables.SupervisionEnd) ?? (supervised ? supervisionStart?.PlusYears(1) : null),
            Date(variables, CaseVariables.ReleaseDate) ?? (sanction == Sanction.VillkorligFrigivning ? supervisionStart : null),
            Number(variables, CommunityServiceHours) ?? (supervised ? null : 40));
    }

    private static string? Text(JsonObject variables, string name) => variables[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new BadRequestException($"'{name}' must be a string."),
    };

    private static LocalDate? Date(JsonObject variables, string name) => Text(variables, name) is not { } text
        ? null
        : LocalDatePattern.Iso.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : throw new BadRequestException($"'{name}' must be an ISO date (yyyy-MM-dd), not '{text}'.");

    private static int? Number(JsonObject variables, string name) => variables[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        _ => throw new BadRequestException($"'{name}' must be a whole number."),
    };
}
