using NodaTime;

namespace Verkstallighet.Workflows.Activities.Builtin;

/// <summary>Date arithmetic as the deadlines do it: a calendar period added to a date, truncated at month end.</summary>
[Activity("AddPeriodToDate", "Compute date", Description = "Adds a period to a date (31 Jan + 1 month = 28/29 Feb).")]
public sealed class AddPeriodToDate : AutomaticActivity
{
    [Input("Date", Required = true)]
    public LocalDate Date { get; set; }

    [Input("Period", Required = true, Description = "ISO 8601, e.g. P1M or P4W.")]
    public Period Period { get; set; } = Period.Zero;

    [Output("Result", DefaultVariable = "computedDate")]
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
