using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Activities.Cases;

/// <summary>Closes the case when its workflow reaches the end of supervision.</summary>
[Activity("CloseCase", "Avsluta ärendet", Category = "Verkställighetsplanering", Description = "Markerar ärendet som avslutat.")]
public sealed class CloseCaseActivity : AutomaticActivity
{
    public override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var @case = await CaseSteps.LoadCaseAsync(context, cancellationToken);
        CaseSteps.Save(context, "case closed", db =>
        {
            db.Attach(@case);
            @case.Status = CaseStatus.Closed;
        });
    }
}
