namespace Verkstallighet.Activities.Statements;

/// <summary>
/// The parts of a statement to the court, as the general advice to 5 kap. 9 § förordningen (1998:642) describes it:
/// the current situation and how supervision has gone, from the plan's documentation; the client's view of the
/// intended content; and a position on whether the conditions for continued supervision hold.
/// </summary>
public sealed record CourtStatementSections(string CurrentSituation, string SupervisionOutcome, string ClientView, string ContinuedSupervision)
{
    /// <summary>The longest text one section may hold.</summary>
    public const int MaxLength = 20_000;

    /// <summary>Each section: its JSON field, its heading, and what the officer writes in it.</summary>
    public static IReadOnlyList<CourtStatementSection> All { get; } =
    [
        new("currentSituation", "Aktuell situation",
            "Den dömdes aktuella situation utifrån risk- och behovsbedömningen och verkställighetsplanen."),
        new("supervisionOutcome", "Hur övervakningen har fungerat",
            "Utfallet av övervakningen: uppföljningar, åtgärdernas status, kontakter och eventuell misskötsamhet."),
        new("clientView", "Den dömdes inställning",
            "Den dömde ska om möjligt informeras om yttrandets tänkta innehåll och få uttrycka sin mening. Skriv vad den dömde anser, eller varför informationen underläts."),
        new("continuedSupervision", "Förutsättningar för fortsatt övervakning",
            "Ta ställning till om det finns förutsättningar för fortsatt övervakning. Överväg särskilt förslag om en särskild föreskrift som tydliggör övervakningens innehåll."),
    ];

    public string this[string field] => field switch
    {
        "currentSituation" => CurrentSituation,
        "supervisionOutcome" => SupervisionOutcome,
        "clientView" => ClientView,
        "continuedSupervision" => ContinuedSupervision,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No such section."),
    };
}
