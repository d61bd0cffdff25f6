namespace Verkstallighet.Host.Ui.DeadlineRules;

/// <summary>A count with its noun in the singular or the plural: "1 tidsfrist", "2 tidsfrister".</summary>
public static class SwedishCount
{
    public static string Of(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
