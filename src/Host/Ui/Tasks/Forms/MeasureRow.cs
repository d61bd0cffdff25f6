namespace Verkstallighet.Host.Ui.Tasks.Forms;

/// <summary>One measure of a plan draft as it is being edited: text as typed, choices by their code names.</summary>
public sealed class MeasureRow
{
    public string? Description { get; set; }

    public string? Area { get; set; }

    public string? Responsible { get; set; }

    public string? OtherAuthority { get; set; }

    /// <summary>yyyy-MM-dd, as the date input gives it.</summary>
    public string? DueDate { get; set; }

    public string? FollowUpMethod { get; set; }
}
