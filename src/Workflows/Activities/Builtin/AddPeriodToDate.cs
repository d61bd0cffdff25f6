using NodaTime;

namespace Verkstallighet.Workflows.Activities.Builtin;

/// <summary>Date arithmetic as the deadlines do it: a calendar period added to a date, truncated at month end.</summary>
[Activity("AddPeriodToDate", "Beräkna datum", Category = "Allmänt", Description = "Lägger en period till ett datum (31 jan + 1 månad = 28/29 feb).")]
public sealed class AddPeriodToDate : AutomaticActivity
{
    [Input("Datum", Required = true)]
    public LocalDate Date { get; set; }

    [Input("Period", Required = true, Description = "ISO 8601, t.ex. P1M eller P4W.")]
    public Period Period { get; set; } = Period.Zero;

    [Output("Resultat", DefaultVariable = "computedDate")]
    public LocalDate Result { get; set; }

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (Period.HasTimeComponent)
        {
            throw new InvalidOperationException($"The period {Period} has a time part; only years, months, weeks and days can be added to a date.");
        }

        Result = Date.Plus(Period);
        return ValueTask.CompletedTask;
    }
}
