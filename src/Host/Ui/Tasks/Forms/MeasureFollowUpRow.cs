using Verkstallighet.Activities.Plans;

namespace Verkstallighet.Host.Ui.Tasks.Forms;

/// <summary>One measure of the plan in force, and its follow-up as it is being filled in.</summary>
public sealed class MeasureFollowUpRow(Measure measure)
{
    public Measure Measure { get; } = measure;

    public string? Status { get; set; }

    public string? Note { get; set; }
}
