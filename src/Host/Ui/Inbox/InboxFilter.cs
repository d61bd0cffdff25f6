namespace Verkstallighet.Host.Ui.Inbox;

/// <summary>The inbox's filter form: what the user has chosen, applied to the list when they press "Filtrera".</summary>
public sealed class InboxFilter
{
    /// <summary>The activity select's value for "every activity" (a select item needs a non-null value).</summary>
    public const string AllActivities = "";

    public string ActivityType { get; set; } = AllActivities;

    /// <summary>The case number, as typed.</summary>
    public string? Case { get; set; }

    /// <summary>yyyy-MM-dd, as the date input gives it.</summary>
    public string? DueBefore { get; set; }

    public bool OverdueOnly { get; set; }

    public InboxView View { get; set; } = InboxView.MineAndUnassigned;

    public InboxFilter Copy() => (InboxFilter)MemberwiseClone();

    public void Reset()
    {
        ActivityType = AllActivities;
        Case = null;
        DueBefore = null;
        OverdueOnly = false;
        View = InboxView.MineAndUnassigned;
    }
}
